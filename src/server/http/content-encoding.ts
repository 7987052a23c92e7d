import type http from 'node:http';
import zlib from 'node:zlib';
import type { Encoding } from './delivery-manifest.ts';
import { applyWriteHead } from './write-head.ts';

/** Bodies smaller than this gain a few dozen bytes at most; the build and the server leave them as they are. */
export const MIN_COMPRESSED_BYTES = 256;

/** File types worth compressing, by extension, with the Content-Type the server sends for them. */
export const TEXT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  xml: 'application/xml; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  webmanifest: 'application/manifest+json',
};

/** Response types compressed on the fly; event streams are left alone, as compressing buffers their events. */
const COMPRESSIBLE = /^(?:text\/(?!event-stream)|application\/(?:json|javascript|xml|[\w.-]+\+(?:json|xml))|image\/svg\+xml)/i;

/** Preferred when the client weighs two codings the same: Brotli is smaller for text. */
const PREFERENCE: readonly Encoding[] = ['br', 'gzip'];

/**
 * The coding to send, from the request's Accept-Encoding (RFC 9110 §12.5.3: q-values, `*`, `identity;q=0`),
 * among those `available`; undefined means identity. A missing header gets identity, as most servers do.
 */
export function negotiateEncoding(header: string | undefined, available: readonly Encoding[] = PREFERENCE): Encoding | undefined {
  if (!header) return undefined;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (!name) continue;
    const q = params.find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isFinite(weight) ? Math.min(Math.max(weight, 0), 1) : 0);
  }
  // Unnamed codings get the weight of `*`, or none; identity, always acceptable, wins only when weighted higher.
  const weightOf = (coding: string) => weights.get(coding) ?? weights.get('*') ?? 0;
  let best: Encoding | undefined;
  for (const coding of PREFERENCE) {
    if (available.includes(coding) && weightOf(coding) > 0 && (best === undefined || weightOf(coding) > weightOf(best))) best = coding;
  }
  return best !== undefined && weightOf(best) >= weightOf('identity') ? best : undefined;
}

/** Adds Accept-Encoding to the response's Vary header, once. */
export function varyOnEncoding(res: http.ServerResponse): void {
  const vary = String(res.getHeader('Vary') ?? '');
  if (vary === '*' || /(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary)) return;
  res.setHeader('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
}

type Callback = (error?: Error | null) => void;
type Write = (chunk: unknown, callback?: Callback) => boolean;
type End = (chunk?: unknown, callback?: Callback) => http.ServerResponse;

/**
 * Compresses the response as it streams when it is worth it: a text type, at least MIN_COMPRESSED_BYTES (known
 * from Content-Length, or from what is written before the headers go out), not already encoded (the build's
 * precompressed files are), not 204/304, not `Cache-Control: no-transform`. Headers are held until MIN_COMPRESSED_BYTES
 * have been written or the end, so a short answer goes out as it is. A HEAD answer gets the headers a GET would.
 */
export function compressResponse(req: http.IncomingMessage, res: http.ServerResponse): void {
  const accepted = negotiateEncoding(req.headers['accept-encoding']);
  const original = { writeHead: res.writeHead, write: res.write as Write, end: res.end as End };
  const held: Buffer[] = [];
  const callbacks: Callback[] = [];
  let heldBytes = 0;
  let decided = false;

  res.writeHead = function holdHeaders(status: number, ...rest: unknown[]) {
    applyWriteHead(res, status, rest);
    return res;
  } as typeof res.writeHead;

  const hold = (chunk: unknown, encoding?: BufferEncoding | Callback, callback?: Callback) => {
    if (typeof encoding === 'function') [callback, encoding] = [encoding, undefined];
    if (chunk !== undefined && chunk !== null) {
      const buffer = toBuffer(chunk, encoding);
      held.push(buffer);
      heldBytes += buffer.length;
    }
    if (callback) callbacks.push(callback);
  };

  res.write = function (chunk: unknown, encoding?: BufferEncoding | Callback, callback?: Callback) {
    hold(chunk, encoding, callback);
    if (heldBytes >= MIN_COMPRESSED_BYTES) decide(false);
    return true;
  } as typeof res.write;

  res.end = function (chunk?: unknown, encoding?: BufferEncoding | Callback, callback?: Callback) {
    if (typeof chunk === 'function') [callback, chunk] = [chunk as Callback, undefined];
    hold(chunk, encoding, callback);
    decide(true);
    return res;
  } as typeof res.end;

  function decide(ending: boolean): void {
    if (decided) return;
    decided = true;
    res.writeHead = original.writeHead;
    const coding = chooseCoding();
    const body = Buffer.concat(held);
    const done = (error?: Error | null) => callbacks.forEach((callback) => callback(error));
    if (coding === undefined || req.method === 'HEAD') {
      res.write = original.write as typeof res.write;
      res.end = original.end as typeof res.end;
      if (coding !== undefined) useCoding(coding);
      // Ending at once lets Node send the held body with its Content-Length.
      if (ending) original.end.call(res, body, done);
      else original.write.call(res, body, done);
      return;
    }
    useCoding(coding);
    const stream = coding === 'br' ? zlib.createBrotliCompress(brotliOptions(res)) : zlib.createGzip();
    stream.on('data', (chunk: Buffer) => {
      if (!original.write.call(res, chunk)) stream.pause();
    });
    stream.on('end', () => original.end.call(res));
    stream.on('error', (error) => res.destroy(error));
    // The writer (Astro, `send`) waits for the response's 'drain' when a write returns false.
    stream.on('drain', () => res.emit('drain'));
    res.on('drain', () => stream.resume());
    res.once('close', () => stream.destroy());
    res.write = function (chunk: unknown, encoding?: BufferEncoding | Callback, callback?: Callback) {
      if (typeof encoding === 'function') [callback, encoding] = [encoding, undefined];
      return stream.write(toBuffer(chunk, encoding), callback);
    } as typeof res.write;
    res.end = function (chunk?: unknown, encoding?: BufferEncoding | Callback, callback?: Callback) {
      if (typeof chunk === 'function') [callback, chunk] = [chunk as Callback, undefined];
      if (typeof encoding === 'function') [callback, encoding] = [encoding, undefined];
      if (callback) res.once('finish', callback);
      if (chunk !== undefined && chunk !== null) stream.write(toBuffer(chunk, encoding));
      stream.end();
      return res;
    } as typeof res.end;
    stream.write(body, done);
    if (ending) stream.end();
  }

  function useCoding(coding: Encoding): void {
    res.setHeader('Content-Encoding', coding);
    res.removeHeader('Content-Length');
    const etag = res.getHeader('ETag');
    // Another representation needs another validator; a weak one, as the bytes depend on the compressor.
    if (typeof etag === 'string') res.setHeader('ETag', `W/${etag.replace(/^W\//, '').replace(/"$/, `-${coding}"`)}`);
  }

  function chooseCoding(): Encoding | undefined {
    const type = String(res.getHeader('Content-Type') ?? '');
    if (!COMPRESSIBLE.test(type) || [204, 304].includes(res.statusCode) || res.statusCode < 200) return undefined;
    if (res.hasHeader('Content-Encoding') || /\bno-transform\b/i.test(String(res.getHeader('Cache-Control') ?? ''))) return undefined;
    varyOnEncoding(res);
    // Without a Content-Length, what was held: the whole body, or the start of a longer one.
    const declared = Number(res.getHeader('Content-Length') ?? NaN);
    return (Number.isNaN(declared) ? heldBytes : declared) >= MIN_COMPRESSED_BYTES ? accepted : undefined;
  }
}

function toBuffer(chunk: unknown, encoding: BufferEncoding | undefined): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk, encoding);
  const bytes = chunk as Uint8Array;
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Fast settings for on-the-fly Brotli (quality 4 is about gzip's speed, a little smaller); the build uses the best. */
function brotliOptions(res: http.ServerResponse): zlib.BrotliOptions {
  const length = Number(res.getHeader('Content-Length'));
  return {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 4,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      ...(Number.isFinite(length) ? { [zlib.constants.BROTLI_PARAM_SIZE_HINT]: length } : {}),
    },
  };
}
