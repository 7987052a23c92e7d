import http from 'node:http';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/**
 * Headers for every response, static files included (Astro's middleware never sees those).
 * Astro's own CSP covers scripts and styles per page; this adds what a <meta> policy cannot carry.
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "frame-ancestors 'none'",
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export interface RunningServer {
  server: http.Server;
  url: string;
  /** Stops accepting connections, lets in-flight requests finish (up to `graceMs`), then resolves. */
  stop(graceMs?: number): Promise<void>;
}

export function startHttpServer(handler: Handler, { host, port }: { host: string; port: number }): Promise<RunningServer> {
  let stopping = false;
  const server = http.createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    keepFramePolicy(res);
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
 * On-demand pages get Astro's own Content-Security-Policy header, which would replace ours and with it
 * frame-ancestors. Browsers enforce every CSP header they get, so send both.
 */
function keepFramePolicy(res: http.ServerResponse): void {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => http.ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    const headers = args.find((a): a is Record<string, unknown> => typeof a === 'object' && a !== null && !Array.isArray(a));
    const name = headers && Object.keys(headers).find((k) => k.toLowerCase() === 'content-security-policy');
    if (headers && name) headers[name] = [SECURITY_HEADERS['Content-Security-Policy'], headers[name]].flat();
    return writeHead(...args);
  }) as typeof res.writeHead;
}
