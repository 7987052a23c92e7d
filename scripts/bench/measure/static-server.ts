// A loopback static host for a build's `dist/client`, so a browser can load the pages as a plain host would serve them.
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { GZIP_LEVEL } from './sizes.ts';

/** The file that serves a same-origin URL path in a static build (`/x/` → `x/index.html`). */
export function urlToFile(clientDir: string, urlPath: string): string {
  const path = decodeURIComponent(urlPath.split(/[?#]/)[0]);
  const rel = normalize(path).replace(/^([/\\])+/, '');
  if (rel.startsWith('..')) throw new Error(`path escapes the build: ${urlPath}`);
  const file = join(clientDir, rel);
  if (path.endsWith('/')) return join(file, 'index.html');
  if (!extname(path) && existsSync(join(file, 'index.html'))) return join(file, 'index.html');
  return file;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};
/** Types a production server would gzip; Pagefind's own index files are gzip already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.xml', '.txt']);

export const BENCH_PORTS = { first: 4400, last: 4499 } as const;

export interface ServedResponse {
  path: string;
  status: number;
  /** Body bytes written to the socket (gzip-encoded where the response was). */
  bodyBytes: number;
  encoding: 'gzip' | 'identity';
}

export interface StaticServer {
  origin: string;
  /** Every response sent so far, in order; clear it with `served.length = 0`. */
  served: ServedResponse[];
  close(): Promise<void>;
}

/**
 * Serves `dir` on 127.0.0.1, on the first free port in 4400–4499, like a static host would:
 * `x/` → `x/index.html`, unknown paths → `404.html` with status 404, text gzip-encoded
 * (level {@link GZIP_LEVEL}) when the client accepts it, no caching.
 */
export async function serveStatic(dir: string): Promise<StaticServer> {
  const served: ServedResponse[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      let file: string;
      try {
        file = urlToFile(dir, url.pathname);
      } catch {
        res.writeHead(400).end();
        return;
      }
      let status = 200;
      if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
        status = 404;
        file = join(dir, '404.html');
        if (!existsSync(file)) {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
          return;
        }
      }
      const ext = extname(file).toLowerCase();
      let body: Buffer = await readFile(file);
      const headers: Record<string, string> = {
        'content-type': MIME[ext] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      };
      if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        body = gzipSync(body, { level: GZIP_LEVEL });
        headers['content-encoding'] = 'gzip';
        headers.vary = 'Accept-Encoding';
      }
      headers['content-length'] = String(body.length);
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
      served.push({
        path: url.pathname,
        status,
        bodyBytes: req.method === 'HEAD' ? 0 : body.length,
        encoding: headers['content-encoding'] === 'gzip' ? 'gzip' : 'identity',
      });
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });
  for (let port = BENCH_PORTS.first; port <= BENCH_PORTS.last; port++) {
    if (await listen(server, port)) {
      return {
        origin: `http://127.0.0.1:${port}`,
        served,
        close: () =>
          new Promise<void>((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
          }),
      };
    }
  }
  throw new Error(`no free port on 127.0.0.1 in ${BENCH_PORTS.first}–${BENCH_PORTS.last}`);
}

function listen(server: Server, port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(false);
      else reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(true);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}
