import { jsonResponse } from './http-responses.ts';

/** Long enough for a restarting database or a failover; short enough that a reader's retry soon succeeds. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * The answer while the database cannot be reached: 503 with Retry-After, JSON for the API and a short page for
 * people, so a load balancer, a script and a reader each know to try again shortly.
 */
export function databaseUnavailable(pathname: string): Response {
  const headers = { 'Retry-After': String(RETRY_AFTER_SECONDS) };
  const message = 'The help center cannot reach its database just now. Try again in a moment.';
  if (pathname.startsWith('/api/')) return jsonResponse(503, { error: 'database-unavailable', message }, headers);
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Try again in a moment</title></head><body><main><h1>Try again in a moment</h1><p>${message} Articles and troubleshooters still work: <a href="/">go to the help center</a>.</p></main></body></html>`;
  return new Response(page, {
    status: 503,
    headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
