// What our server actually sends for a measured page, as a browser that accepts Brotli and gzip receives it.
import { rawRequest } from '../../../harness/raw-http.ts';
import type { Asset, PageWeight } from './page-weight.ts';

/** What a browser asks for: the server may pick either. */
export const SERVED_ENCODINGS = 'br, gzip';

export interface ServedWeight {
  html: number;
  css: number;
  js: number;
  /** The Content-Encoding of each response (identity when none), for the report. */
  encodings: Set<string>;
}

/**
 * Body bytes that the server at `origin` sends for a measured page, its stylesheets and its JS files when the
 * browser accepts Brotli and gzip: what a reader downloads (inline blocks are inside the HTML).
 */
export async function measureServed(origin: string, page: PageWeight): Promise<ServedWeight> {
  const encodings = new Set<string>();
  const served = async (path: string) => {
    const response = await rawRequest(`${origin}${path}`, { headers: { 'Accept-Encoding': SERVED_ENCODINGS } });
    if (response.status !== 200) throw new Error(`${path}: ${response.status} from ${origin}`);
    encodings.add(String(response.headers['content-encoding'] ?? 'identity'));
    return response.body.length;
  };
  const files = async (assets: Asset[]) => {
    let bytes = 0;
    for (const asset of assets) if (!asset.source.startsWith('(')) bytes += await served(asset.source);
    return bytes;
  };
  return { html: await served(page.url), css: await files(page.css), js: await files(page.js), encodings };
}
