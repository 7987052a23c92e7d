/** A field's error, announced with it: the field lists this id in its aria-describedby. Renders nothing without one. */
export function ErrorMessage({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p class="error-message" id={id}>
      <span class="sr-only">Error:</span> {message}
    </p>
  ) : null;
}
