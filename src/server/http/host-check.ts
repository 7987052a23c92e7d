/** Host names only this machine can be reached by: no other site can make a browser send them. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * True when the request names a host that is neither this machine nor the public origin (SITE_URL): a page on
 * another site whose name was pointed at this server (DNS rebinding), which the Origin check alone cannot tell,
 * since that page's requests are then same-origin.
 */
export function isForeignHost(request: Request, publicOrigin: string): boolean {
  const { hostname } = new URL(request.url);
  return !LOOPBACK.has(hostname) && hostname !== new URL(publicOrigin).hostname;
}
