/** For a file input's `accept`: what the browser's file picker offers (the server decides from the content). */
export const ACCEPT_FILES = '.png,.jpg,.jpeg,.gif,.webp,.pdf,.txt,.log';

const MB = 1024 * 1024;

/** A size as people read it: "10 MB", "1.5 MB", "300 KB". */
export function fileSize(bytes: number): string {
  return bytes >= MB ? `${Math.round((bytes / MB) * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
