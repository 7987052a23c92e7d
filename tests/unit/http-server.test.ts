import { describe, expect, it } from 'vitest';
import { startHttpServer, SECURITY_HEADERS } from '../../src/server/http/server.ts';
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
      expect(response.headers.get('content-security-policy')).toBe("script-src 'self'; frame-ancestors 'none'");
    } finally {
      await running.stop();
    }
  });

  it('sends Strict-Transport-Security when the public origin is https, and not otherwise', async () => {
    const headerWith = async (siteUrl: string | undefined) => {
      const running = await startHttpServer((_req, res) => res.end('ok'), { host: '127.0.0.1', port: 0, siteUrl });
      try {
        return (await fetch(running.url)).headers.get('strict-transport-security');
      } finally {
        await running.stop();
      }
    };
    expect(await headerWith('https://help.example.com')).toBe('max-age=31536000');
    expect(await headerWith('http://localhost:4321')).toBeNull();
    expect(await headerWith(undefined)).toBeNull();
  });

  it('lets the routes see X-Forwarded-For only as TRUST_PROXY allows, so a client cannot name itself', async () => {
    const seenWith = async (trustedProxyHops: number, forwardedFor: string) => {
      const running = await startHttpServer((req, res) => res.end(req.headers['x-forwarded-for'] ?? 'none'), {
        host: '127.0.0.1',
        port: 0,
        trustedProxyHops,
      });
      try {
        return await (await fetch(running.url, { headers: { 'X-Forwarded-For': forwardedFor } })).text();
      } finally {
        await running.stop();
      }
    };
    expect(await seenWith(0, '203.0.113.9')).toBe('none');
    expect(await seenWith(1, '203.0.113.9, 198.51.100.7')).toBe('198.51.100.7');
    expect(await seenWith(2, '203.0.113.9, 198.51.100.7, 10.0.0.2')).toBe('198.51.100.7');
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
