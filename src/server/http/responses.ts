import { STATUS_CODES } from 'node:http';

/** JSON answers for API routes: never cached, always with a machine-readable `error` on failure. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}

export function methodNotAllowed(allow: string): Response {
  return jsonResponse(405, { error: 'method-not-allowed', message: `Use ${allow}.` }, { Allow: allow });
}

/** Sets an on-demand page's status; Astro would otherwise keep the statusText "OK" (as in "422 OK"). */
export function setPageStatus(response: ResponseInit, status: number): void {
  response.status = status;
  response.statusText = STATUS_CODES[status] ?? '';
}
