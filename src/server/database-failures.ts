import { jsonResponse } from './http-responses.ts';

/** Long enough for a restarting database or a failover; short enough that a reader's retry soon succeeds. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * The answer while the database cannot be reached: 503 with Retry-After, so a load balancer, a script and a
 * reader each know to try again shortly.
 */
export function databaseUnavailable(pathname: string): Response {
  const message = 'The help center cannot reach its database just now. Try again in a moment.';
  return failure(pathname, 503, 'database-unavailable', 'Try again in a moment', message, { 'Retry-After': String(RETRY_AFTER_SECONDS) });
}

/**
 * The answer while the database refuses writes (read-only files, a full or failing disk): 503, saying that nothing
 * was saved and that it will not pass by retrying, so the reader or staff member knows to tell someone.
 */
export function databaseUnwritable(pathname: string): Response {
  const message =
    'The help center cannot save anything just now: its database cannot be written to (its disk may be full, read-only or failing), so what you sent was not saved. Whoever runs the help center needs to fix the storage.';
  return failure(pathname, 503, 'database-read-only', 'Changes cannot be saved', message);
}

/** A value with a character the database cannot store (NUL): the sender's mistake, so a 400 that says so. */
export function unstorableText(pathname: string): Response {
  const message =
    'Something you sent contains a control character (such as NUL) that cannot be stored. Retype it rather than pasting it, and send it again.';
  return failure(pathname, 400, 'unstorable-text', 'Some text could not be saved', message);
}

/** JSON for the API, a short page for people. */
function failure(pathname: string, status: number, error: string, title: string, message: string, headers: Record<string, string> = {}) {
  if (pathname.startsWith('/api/')) return jsonResponse(status, { error, message }, headers);
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body><main><h1>${title}</h1><p>${message} Articles and troubleshooters still work: <a href="/">go to the help center</a>.</p></main></body></html>`;
  return new Response(page, { status, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
}
