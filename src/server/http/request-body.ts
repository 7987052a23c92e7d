import { t as defaultT, type Messages } from '../../i18n/messages.ts';
import { MAX_BODY_BYTES } from './body-limit.ts';
import { readMultipart, type MultipartLimits, type UploadedFile } from './multipart.ts';

export { MAX_BODY_BYTES };

export type SubmissionKind = 'json' | 'form';

export interface Submission {
  kind: SubmissionKind;
  /** The fields under their JSON names, not yet validated. */
  fields: Record<string, unknown>;
  /** The plain form's fields as sent, to show them again after an error. */
  form?: URLSearchParams;
  idempotencyKey: string | undefined;
  /** The files of a multipart form, not yet checked (see attachments/check-files.ts). */
  upload?: { files: UploadedFile[]; tooManyFiles: boolean };
}

export interface Rejection {
  status: 400 | 413 | 415;
  error: string;
  message: string;
}

/** Which of the two accepted encodings a request uses, from its Content-Type (parameters such as charset ignored). */
export function submissionKind(request: Request): SubmissionKind | undefined {
  const type = request.headers.get('content-type')?.split(';')[0].trim().toLowerCase();
  if (type === 'application/json') return 'json';
  if (type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data') return 'form';
  return undefined;
}

/**
 * Reads and decodes a JSON or plain-form post; anything a client can get wrong becomes a Rejection, never an
 * exception. A form's fields are all strings, so `fieldsFromForm` gives them the types and names JSON clients send.
 * The idempotency key comes from the Idempotency-Key header, or from a plain form's `idempotencyKey` field (a
 * form cannot set headers). A multipart form (with files) is read only where `files` says how many files it may carry.
 * Rejections are in the words of `t`'s language (the default's unless given).
 */
export async function readSubmission(
  request: Request,
  fieldsFromForm: (form: URLSearchParams) => Record<string, unknown>,
  files?: MultipartLimits,
  t: Messages['t'] = defaultT,
): Promise<Submission | Rejection> {
  const kind = submissionKind(request);
  const multipart = isMultipart(request);
  if (!kind || (multipart && !files))
    return reject(415, 'unsupported-media-type', t(files ? 'api.body.unsupported-media-type.files' : 'api.body.unsupported-media-type'));
  if (multipart && files) {
    const parsed = await readMultipart(request, files, t);
    if (isRejection(parsed)) return parsed;
    return formSubmission(parsed.form, fieldsFromForm, t, { files: parsed.files, tooManyFiles: parsed.tooManyFiles });
  }
  const body = await readText(request, t);
  if (isRejection(body)) return body;

  if (kind === 'form') return formSubmission(new URLSearchParams(body.text), fieldsFromForm, t);

  const json = parseJsonObject(body.text, t);
  if (isRejection(json)) return json;
  const key = request.headers.get('idempotency-key') ?? undefined;
  if (key !== undefined && !isIdempotencyKey(key)) return badKey(t);
  return { kind, fields: json.object, idempotencyKey: key };
}

export const isMultipart = (request: Request): boolean =>
  request.headers.get('content-type')?.split(';')[0].trim().toLowerCase() === 'multipart/form-data';

function formSubmission(
  form: URLSearchParams,
  fieldsFromForm: (form: URLSearchParams) => Record<string, unknown>,
  t: Messages['t'],
  upload?: Submission['upload'],
): Submission | Rejection {
  const key = form.get('idempotencyKey') || undefined;
  if (key !== undefined && !isIdempotencyKey(key)) return badKey(t);
  return { kind: 'form', fields: fieldsFromForm(form), form, idempotencyKey: key, upload };
}

/** Results are wrapped ({ text }, { object }, a Submission), so a client's own "status" field is never mistaken for one. */
export function isRejection<T extends object>(value: T | Rejection): value is Rejection {
  return 'status' in value;
}

/** The body as UTF-8 text, up to MAX_BODY_BYTES. Shared by every endpoint that reads a body. */
export async function readText(request: Request, t: Messages['t'] = defaultT): Promise<{ text: string } | Rejection> {
  const body = await readBody(request, t);
  if (!(body instanceof Uint8Array)) return body;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    return reject(400, 'malformed', t('api.body.not-utf-8'));
  }
}

/** A JSON object (not an array, not null), or why not. */
export function parseJsonObject(text: string, t: Messages['t'] = defaultT): { object: Record<string, unknown> } | Rejection {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return reject(400, 'malformed', t('api.body.not-json'));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return reject(400, 'malformed', t('api.body.not-object'));
  }
  return { object: value as Record<string, unknown> };
}

/** The body, read as it streams in and stopped once it goes over MAX_BODY_BYTES (a 413), as is a declared length over it. */
async function readBody(request: Request, t: Messages['t']): Promise<Uint8Array | Rejection> {
  const tooLarge = () => reject(413, 'too-large', t('api.body.too-large', { kilobytes: MAX_BODY_BYTES / 1024 }));
  if (Number(request.headers.get('content-length')) > MAX_BODY_BYTES) return tooLarge();
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  const reader = request.body.getReader();
  try {
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      bytes += part.value.byteLength;
      if (bytes > MAX_BODY_BYTES) {
        await reader.cancel();
        return tooLarge();
      }
      chunks.push(part.value);
    }
  } catch {
    return reject(400, 'malformed', t('api.body.unreadable'));
  }
  return Buffer.concat(chunks);
}

/** Printable ASCII without spaces, as UUIDs and most clients' keys are; long enough to be random. */
function isIdempotencyKey(key: string): boolean {
  return /^[\x21-\x7e]{8,200}$/.test(key);
}

function badKey(t: Messages['t']): Rejection {
  return reject(400, 'malformed', t('api.body.idempotency-key'));
}

function reject(status: Rejection['status'], error: string, message: string): Rejection {
  return { status, error, message };
}
