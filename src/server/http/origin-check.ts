/**
 * True when a browser says the request comes from another site. Requests without Origin (curl, servers) pass:
 * browsers always send it on cross-site POSTs, and cannot send JSON cross-site without a preflight we never
 * answer. Behind a proxy the public origin (SITE_URL) is what browsers send, so it counts as our own too.
 */
export function isCrossSite(request: Request, publicOrigin: string | undefined): boolean {
  const origin = request.headers.get('origin');
  if (origin === null) return false;
  return origin !== new URL(request.url).origin && origin !== publicOrigin;
}
