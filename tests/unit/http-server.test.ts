import { describe, expect, it } from 'vitest';
import { startHttpServer, SECURITY_HEADERS } from '../../src/server/http-server.ts';
import { serverSettings } from '../../src/server/settings.ts';

describe('http server', () => {
  it('adds the security headers to every response', async () => {
    const running = await startHttpServer((_req, res) => res.end('ok'), { host: '127.0.0.1', port: 0 });
    try {
      const response = await fetch(`${running.url}/anything.css`);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers.get(name)).toBe(value);
    } finally {
      await running.stop();
    }
  });

  it('keeps frame-ancestors when a page sends its own Content-Security-Policy', async () => {
    const running = await startHttpServer(
      (_req, res) => {
        res.writeHead(200, { 'content-security-policy': "script-src 'self'" });
        res.end('page');
      },
      { host: '127.0.0.1', port: 0 },
    );
    try {
      const response = await fetch(`${running.url}/contact/`);
      expect(response.headers.get('content-security-policy')).toBe("frame-ancestors 'none', script-src 'self'");
    } finally {
      await running.stop();
    }
  });

  it('lets an in-flight request finish on stop, then refuses new connections', async () => {
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const running = await startHttpServer(
      (_req, res) => {
        void slow.then(() => res.end('finished'));
      },
      { host: '127.0.0.1', port: 0 },
    );
    const inFlight = fetch(`${running.url}/slow`).then((r) => r.text());
    await new Promise((r) => setTimeout(r, 50));
    const stopped = running.stop();
    release();
    expect(await inFlight).toBe('finished');
    await stopped;
    await expect(fetch(`${running.url}/after`)).rejects.toThrow();
  });
});

describe('server settings', () => {
  it('defaults to port 4321 on loopback and respects PORT and HOST', () => {
    expect(serverSettings({})).toEqual({ host: '127.0.0.1', port: 4321 });
    expect(serverSettings({ PORT: '8080', HOST: '0.0.0.0' })).toEqual({ host: '0.0.0.0', port: 8080 });
  });

  it('names PORT when it is not a port number', () => {
    expect(() => serverSettings({ PORT: 'eighty' })).toThrow('PORT must be a whole number from 0 to 65535 (got "eighty")');
  });
});
