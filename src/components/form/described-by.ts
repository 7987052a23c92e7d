/** A control's aria-describedby: its hint's and its error message's ids (`<id>-hint`, `<id>-error`), as present. */
export function describedBy(id: string, hint?: unknown, error?: unknown): string | undefined {
  return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
}
