import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { negotiateEncoding } from '../../src/server/http/content-encoding.ts';
import { startHttpServer } from '../../src/server/http/server.ts';
import { rawRequest } from '../../harness/raw-http.ts';

describe('negotiateEncoding', () => {
  it('prefers Brotli, then gzip, and sends identity when nothing else is accepted', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiateEncoding('gzip')).toBe('gzip');
    expect(negotiateEncoding('deflate')).toBeUndefined();
    expect(negotiateEncoding('')).toBeUndefined();
    expect(negotiateEncoding(undefined)).toBeUndefined();
    expect(negotiateEncoding('br, gzip', ['gzip'])).toBe('gzip');
  });

  it('honours q-values, * and identity;q=0', () => {
    expect(negotiateEncoding('br;q=0.5, gzip;q=0.8')).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip')).toBe('gzip');
    expect(negotiateEncoding('BR;Q=1.0, gzip;q=0.1')).toBe('br');
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('*;q=0.5, br;q=0')).toBe('gzip');
    expect(negotiateEncoding('gzip;q=0.2, identity;q=0.9')).toBeUndefined();
    expect(negotiateEncoding('gzip;q=0.2, identity;q=0')).toBe('gzip');
    expect(negotiateEncoding('gzip;q=nonsense')).toBeUndefined();
  });
});

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** Requests one response from a server running `handler`. */
async function rawResponse(handler: Handler, headers: Record<string, string>, method = 'GET') {
  const running = await startHttpServer(handler, { host: '127.0.0.1', port: 0 });
  try {
    return await rawRequest(running.url, { method, headers });
  } finally {
    await running.stop();
  }
}

const PAGE = `<!doctype html><title>x</title>${'<p>Reset your password from the sign-in page.</p>\n'.repeat(200)}`;
/** As Astro writes an on-demand page: headers in writeHead, the body in chunks, no Content-Length. */
const streamed =
  (body: string, headers: Record<string, string> = { 'Content-Type': 'text/html' }, status = 200): Handler =>
  (_req, res) => {
    res.writeHead(status, headers);
    for (let i = 0; i < body.length; i += 500) res.write(body.slice(i, i + 500));
    res.end();
  };

describe('compressing responses on the fly', () => {
  it('compresses a streamed page with the coding asked for; the decoded body is the same', async () => {
    const br = await rawResponse(streamed(PAGE), { 'Accept-Encoding': 'gzip, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toBe('Accept-Encoding');
    expect(brotliDecompressSync(br.body).toString()).toBe(PAGE);
    expect(br.body.length).toBeLessThan(PAGE.length / 10);

    const gzip = await rawResponse(streamed(PAGE), { 'Accept-Encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(PAGE);

    const plain = await rawResponse(streamed(PAGE), {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toBe('Accept-Encoding');
    expect(plain.body.toString()).toBe(PAGE);
  });

  it('gives a HEAD request the headers a GET gets, and no body', async () => {
    const head = await rawResponse(streamed(PAGE), { 'Accept-Encoding': 'br' }, 'HEAD');
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.body.length).toBe(0);
  });

  it('sends a short body as it is, with its length', async () => {
    const body = JSON.stringify({ reference: 'HC-AAAA-BBBB' });
    const short = await rawResponse(streamed(body, { 'Content-Type': 'application/json' }, 201), { 'Accept-Encoding': 'br' });
    expect([short.status, short.headers['content-encoding'], short.headers['content-length']]).toEqual([
      201,
      undefined,
      String(body.length),
    ]);
    expect(short.body.toString()).toBe(body);
  });

  it('leaves alone what must not or need not be compressed', async () => {
    const asked = { 'Accept-Encoding': 'br, gzip' };
    const encodingOf = async (handler: Handler) => (await rawResponse(handler, asked)).headers['content-encoding'];
    expect(await encodingOf(streamed(PAGE, { 'Content-Type': 'image/png' }))).toBeUndefined();
    expect(await encodingOf(streamed(PAGE, { 'Content-Type': 'text/event-stream' }))).toBeUndefined();
    expect(await encodingOf(streamed(PAGE, { 'Content-Type': 'text/html', 'Cache-Control': 'no-transform' }))).toBeUndefined();
    expect(await encodingOf(streamed(PAGE, { 'Content-Type': 'text/html', 'Content-Encoding': 'identity' }))).toBe('identity');
    const noContent = await rawResponse((_req, res) => res.writeHead(204).end(), asked);
    expect([noContent.status, noContent.headers['content-encoding']]).toEqual([204, undefined]);
  });

  it('gives a compressed copy of a file its own validator', async () => {
    const file: Handler = (_req, res) => {
      res.setHeader('Content-Type', 'text/css');
      res.setHeader('Content-Length', Buffer.byteLength(PAGE));
      res.setHeader('ETag', 'W/"1234-abcd"');
      res.end(PAGE);
    };
    const gzip = await rawResponse(file, { 'Accept-Encoding': 'gzip' });
    expect([gzip.headers['content-encoding'], gzip.headers['etag'], gzip.headers['content-length']]).toEqual([
      'gzip',
      'W/"1234-abcd-gzip"',
      undefined,
    ]);
    expect(gunzipSync(gzip.body).toString()).toBe(PAGE);
    expect((await rawResponse(file, {})).headers['etag']).toBe('W/"1234-abcd"');
  });
});
