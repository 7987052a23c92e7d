import type http from 'node:http';
import { extname } from 'node:path';
import { negotiateEncoding, TEXT_TYPES, varyOnEncoding } from './content-encoding.ts';
import { encodedPath, type DeliveryManifest } from './delivery-manifest.ts';
import { withFramePolicy } from './frame-policy.ts';

/** The built file a GET for `pathname` serves (as the adapter maps it: `/x/`, `/x` and `/x/index.html` alike). */
export function builtFile(pathname: string, isBuilt: (file: string) => boolean): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(pathname).replace(/^\/+/, '');
  } catch {
    return undefined;
  }
  const candidates = path === '' || path.endsWith('/') ? [`${path}index.html`] : [path, `${path}/index.html`];
  return candidates.find(isBuilt);
}

/**
 * Prepares the response to a request for a built file before the adapter's static handler (`send`) serves it:
 * a page gets its own Content-Security-Policy as a header, and a text file its precompressed copy when the client
 * accepts one. `send` knows nothing of precompressed files, so the request is pointed at the copy (`x.br`), which
 * `send` then serves with everything it does for any file (Content-Length, ETag and Last-Modified of the copy,
 * conditional requests, ranges, HEAD, immutable caching under /_astro/).
 */
export function prepareBuiltFile(req: http.IncomingMessage, res: http.ServerResponse, manifest: DeliveryManifest): void {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.url) return;
  const query = req.url.indexOf('?');
  const pathname = query < 0 ? req.url : req.url.slice(0, query);
  const file = builtFile(pathname, (f) => f in manifest.pagePolicies || f in manifest.encodings);
  if (!file) return;
  const policy = manifest.pagePolicies[file];
  if (policy) res.setHeader('Content-Security-Policy', withFramePolicy(policy));
  const encodings = manifest.encodings[file];
  if (!encodings) return;
  varyOnEncoding(res);
  // The copy's own extension would give the wrong type; the same for every representation.
  res.setHeader('Content-Type', TEXT_TYPES[extname(file).slice(1)]);
  const coding = negotiateEncoding(req.headers['accept-encoding'], encodings);
  if (!coding) return;
  res.setHeader('Content-Encoding', coding);
  req.url = `/${encodeURI(encodedPath(file, coding))}${query < 0 ? '' : req.url.slice(query)}`;
}
