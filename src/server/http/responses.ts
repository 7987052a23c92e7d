import { STATUS_CODES } from 'node:http';
import { t } from '../../i18n/messages.ts';

/** JSON answers for API routes: never cached, always with a machine-readable `error` on failure. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}

export function methodNotAllowed(allow: string): Response {
  return jsonResponse(405, { error: 'method-not-allowed', message: t('api.method-not-allowed', { methods: allow }) }, { Allow: allow });
}

/** Sets an on-demand page's status; Astro would otherwise keep the statusText "OK" (as in "422 OK"). */
export function setPageStatus(response: ResponseInit, status: number): void {
  response.status = status;
  response.statusText = STATUS_CODES[status] ?? '';
}

/**
 * The answer at an address that moved for good (`location` carries the query string along): 301 for GET and
 * HEAD; 308 for other methods, which keeps the method and the body where a 301 lets clients turn a POST into a GET.
 */
export function movedPermanently(request: Request, location: string): Response {
  const status = request.method === 'GET' || request.method === 'HEAD' ? 301 : 308;
  return new Response(null, { status, headers: { Location: location } });
}
