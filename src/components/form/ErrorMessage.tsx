/**
 * The error of the field with this id, announced with it: the message's id is `<id>-error`, which the field lists
 * in its aria-describedby. Renders nothing without one.
 */
export function ErrorMessage({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p class="error-message" id={`${id}-error`}>
      <span class="sr-only">Error:</span> {message}
    </p>
  ) : null;
}
