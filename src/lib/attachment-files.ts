/** The files a request or message may carry, in the words forms and errors use (the server decides from content). */
export const ACCEPTED_FILES = 'PNG, JPEG, GIF, WebP, PDF, or text (.txt, .log)';
/** For a file input's `accept`: what the browser's file picker offers. */
export const ACCEPT_FILES = '.png,.jpg,.jpeg,.gif,.webp,.pdf,.txt,.log';

const MB = 1024 * 1024;

/** A size as people read it: "10 MB", "1.5 MB", "300 KB". */
export function fileSize(bytes: number): string {
  return bytes >= MB ? `${Math.round((bytes / MB) * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
