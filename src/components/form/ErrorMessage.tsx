/**
 * The error of the field with this id, announced with it: the message's id is `<id>-error`, which the field lists
 * in its aria-describedby. Renders nothing without one. `prefix` is what a screen reader hears first: the staff
 * console is not translated and uses the English default; reader-facing forms pass the catalogue's words.
 */
export function ErrorMessage({ id, message, prefix = 'Error:' }: { id: string; message?: string; prefix?: string }) {
  return message ? (
    <p class="error-message" id={`${id}-error`}>
      <span class="sr-only">{prefix}</span> {message}
    </p>
  ) : null;
}
