import http from 'node:http';
import { settleForwardedFor } from './client-address.ts';
import { compressResponse } from './content-encoding.ts';
import { prepareBuiltFile } from './built-files.ts';
import type { DeliveryManifest } from './delivery-manifest.ts';
import { FRAME_POLICY, withFramePolicy } from './frame-policy.ts';
import { applyWriteHead } from './write-head.ts';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/**
 * Headers for every response, static files included (Astro's middleware never sees those).
 * Astro's own CSP covers scripts and styles per page; this adds what a <meta> policy cannot carry.
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': FRAME_POLICY,
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Sent when SITE_URL is https: browsers then use https only, for a year from each visit. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

export interface ServerOptions {
  host: string;
  port: number;
  /** The public origin (SITE_URL); https turns on Strict-Transport-Security. */
  siteUrl?: string;
  /** TRUST_PROXY: how many proxies in front append to X-Forwarded-For (0 = believe only the socket). */
  trustedProxyHops?: number;
  /** What the build wrote for serving its files (page policies, precompressed copies). */
  manifest?: DeliveryManifest;
}

export interface RunningServer {
  server: http.Server;
  url: string;
  /** Stops accepting connections, lets in-flight requests finish (up to `graceMs`), then resolves. */
  stop(graceMs?: number): Promise<void>;
}

export function startHttpServer(
  handler: Handler,
  { host, port, siteUrl, trustedProxyHops = 0, manifest }: ServerOptions,
): Promise<RunningServer> {
  let stopping = false;
  const https = siteUrl?.startsWith('https:') ?? false;
  const server = http.createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (https) res.setHeader('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
    finishPolicy(res, manifest?.pagePolicies['404.html']);
    settleForwardedFor(req, trustedProxyHops);
    if (manifest) prepareBuiltFile(req, res, manifest);
    // Here rather than in Astro: static files never reach Astro's middleware, and the precompressed ones are only
    // chosen here; one place decides the encoding of every response.
    compressResponse(req, res);
    // While stopping, a finished response frees its keep-alive socket at once instead of after the timeout.
    res.once('finish', () => stopping && server.closeIdleConnections());
    if (stopping) res.setHeader('Connection', 'close');
    handler(req, res);
  });
  // Slow clients must not hold sockets forever; keep-alive shorter than typical proxy timeouts.
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;
  server.keepAliveTimeout = 5_000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? 'localhost' : host;
      resolve({
        server,
        url: `http://${shownHost}:${actualPort}`,
        stop: (graceMs = 10_000) =>
          new Promise<void>((done) => {
            stopping = true;
            const force = setTimeout(() => server.closeAllConnections(), graceMs);
            force.unref();
            server.close(() => {
              clearTimeout(force);
              done();
            });
            server.closeIdleConnections();
          }),
      });
    });
  });
}

/**
 * Just before the headers go out. On-demand pages get Astro's own Content-Security-Policy header, which replaced
 * ours and with it frame-ancestors: add it back. An HTML 404 without a policy of its own is the built 404 page
 * (Astro serves it for unknown paths): give it that page's policy, as prepareBuiltFile does for the other pages.
 */
function finishPolicy(res: http.ServerResponse, notFoundPolicy: string | undefined): void {
  const writeHead = res.writeHead.bind(res) as (status: number) => http.ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    applyWriteHead(res, status, rest);
    const policy = res.getHeader('Content-Security-Policy');
    const builtNotFound = res.statusCode === 404 && policy === FRAME_POLICY && /^text\/html/i.test(String(res.getHeader('Content-Type')));
    if (builtNotFound && notFoundPolicy) res.setHeader('Content-Security-Policy', withFramePolicy(notFoundPolicy));
    else if (typeof policy === 'string') res.setHeader('Content-Security-Policy', withFramePolicy(policy));
    return writeHead(res.statusCode);
  }) as typeof res.writeHead;
}
