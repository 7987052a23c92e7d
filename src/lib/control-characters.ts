// Control characters nobody types on purpose (NUL, escape codes, …); tabs and line breaks are ordinary text.
// PostgreSQL cannot store NUL at all, so free text is checked before it reaches either database.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const EVERY_CONTROL = new RegExp(CONTROL.source, 'g');

export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}

/** The staff console's message (it is not translated); readers' fields have theirs in the message catalogue. */
export function controlCharactersProblem(field: string): string {
  return `${field} must not contain control characters such as NUL; retype it rather than pasting it`;
}

/** For text we normalise rather than show back (search queries): control characters become spaces. */
export function withoutControlCharacters(text: string): string {
  return text.replace(EVERY_CONTROL, ' ');
}
