import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import busboy from 'busboy';
import { t as defaultT, type Messages } from '../../i18n/messages.ts';
import { MAX_BODY_BYTES } from './body-limit.ts';

/** As request-body.ts's Rejection: a 4xx the route answers with. */
interface Rejection {
  status: 400 | 413;
  error: string;
  message: string;
}

/** A file part as it streamed in: whole, or flagged when it went over the size each file may have (content dropped). */
export interface UploadedFile {
  name: string;
  content: Buffer;
  sha256: string;
  tooLarge: boolean;
}

export interface MultipartForm {
  /** The text fields, as a plain form would send them. */
  form: URLSearchParams;
  files: UploadedFile[];
  /** More file parts came than `maxFiles`; those past it were dropped. */
  tooManyFiles: boolean;
}

export interface MultipartLimits {
  maxFiles: number;
  maxFileBytes: number;
}

/** The most a multipart body may carry: every file at its largest, plus the 64 KB the text fields may have. */
export const maxMultipartBytes = ({ maxFiles, maxFileBytes }: MultipartLimits): number => maxFiles * maxFileBytes + MAX_BODY_BYTES;

const tooLarge = (limits: MultipartLimits, t: Messages['t']): Rejection => ({
  status: 413,
  error: 'too-large',
  message: t('api.body.too-large.files', { kilobytes: Math.round(maxMultipartBytes(limits) / 1024) }),
});

/**
 * A multipart/form-data body, parsed as it streams in (busboy): never held whole, each file kept only up to
 * `maxFileBytes`, and the whole body stopped with a 413 once it goes over maxMultipartBytes. A browser's empty file
 * input (no file chosen) is no file. Rejections are in the words of `t`'s language.
 */
export async function readMultipart(
  request: Request,
  limits: MultipartLimits,
  t: Messages['t'] = defaultT,
): Promise<MultipartForm | Rejection> {
  const total = maxMultipartBytes(limits);
  if (Number(request.headers.get('content-length')) > total) return tooLarge(limits, t);
  if (!request.body) return { form: new URLSearchParams(), files: [], tooManyFiles: false };
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': request.headers.get('content-type') ?? '' },
      limits: { files: limits.maxFiles, fileSize: limits.maxFileBytes, fieldSize: MAX_BODY_BYTES, fields: 100 },
      defParamCharset: 'utf8',
    });
  } catch {
    return { status: 400, error: 'malformed', message: t('api.body.multipart.no-boundary') };
  }
  const form = new URLSearchParams();
  const files: Promise<UploadedFile>[] = [];
  let tooManyFiles = false;
  let bytes = 0;

  return new Promise((resolve) => {
    const body = Readable.fromWeb(request.body as NodeWebStream<Uint8Array>);
    const finish = (answer: MultipartForm | Rejection) => {
      body.unpipe(parser);
      body.destroy();
      resolve(answer);
    };
    body.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > total) finish(tooLarge(limits, t));
    });
    body.on('error', () => finish({ status: 400, error: 'malformed', message: t('api.body.unreadable') }));
    parser.on('field', (name, value) => form.append(name, value));
    parser.on('file', (_field, stream, info) => {
      const chunks: Buffer[] = [];
      const hash = createHash('sha256');
      let over = false;
      stream.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        hash.update(chunk);
      });
      stream.on('limit', () => (over = true));
      files.push(
        new Promise((done) =>
          stream.on('close', () =>
            done({
              name: info.filename ?? '',
              content: over ? Buffer.alloc(0) : Buffer.concat(chunks),
              sha256: hash.digest('hex'),
              tooLarge: over,
            }),
          ),
        ),
      );
    });
    parser.on('filesLimit', () => (tooManyFiles = true));
    parser.on('error', () => finish({ status: 400, error: 'malformed', message: t('api.body.unreadable') }));
    parser.on('close', async () => {
      const all = await Promise.all(files);
      finish({ form, files: all.filter((file) => file.name !== '' || file.content.length > 0), tooManyFiles });
    });
    body.pipe(parser);
  });
}
