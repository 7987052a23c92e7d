import { t } from '../../i18n/messages.ts';

/** The largest body we read; astro.config.mjs gives the adapter's bodySizeLimit the same value. */
export const MAX_BODY_BYTES = 64 * 1024;

export type SubmissionKind = 'json' | 'form';

export interface Submission {
  kind: SubmissionKind;
  /** The fields under their JSON names, not yet validated. */
  fields: Record<string, unknown>;
  /** The plain form's fields as sent, to show them again after an error. */
  form?: URLSearchParams;
  idempotencyKey: string | undefined;
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
  if (type === 'application/x-www-form-urlencoded') return 'form';
  return undefined;
}

/**
 * Reads and decodes a JSON or plain-form post; anything a client can get wrong becomes a Rejection, never an
 * exception. A form's fields are all strings, so `fieldsFromForm` gives them the types and names JSON clients send.
 * The idempotency key comes from the Idempotency-Key header, or from a plain form's `idempotencyKey` field (a
 * form cannot set headers).
 */
export async function readSubmission(
  request: Request,
  fieldsFromForm: (form: URLSearchParams) => Record<string, unknown>,
): Promise<Submission | Rejection> {
  const kind = submissionKind(request);
  if (!kind) return reject(415, 'unsupported-media-type', t('api.body.unsupported-media-type'));
  const body = await readText(request);
  if (isRejection(body)) return body;

  if (kind === 'form') {
    const form = new URLSearchParams(body.text);
    const key = form.get('idempotencyKey') || undefined;
    if (key !== undefined && !isIdempotencyKey(key)) return badKey();
    return { kind, fields: fieldsFromForm(form), form, idempotencyKey: key };
  }

  const json = parseJsonObject(body.text);
  if (isRejection(json)) return json;
  const key = request.headers.get('idempotency-key') ?? undefined;
  if (key !== undefined && !isIdempotencyKey(key)) return badKey();
  return { kind, fields: json.object, idempotencyKey: key };
}

/** Results are wrapped ({ text }, { object }, a Submission), so a client's own "status" field is never mistaken for one. */
export function isRejection<T extends object>(value: T | Rejection): value is Rejection {
  return 'status' in value;
}

/** The body as UTF-8 text, up to MAX_BODY_BYTES. Shared by every endpoint that reads a body. */
export async function readText(request: Request): Promise<{ text: string } | Rejection> {
  const body = await readBody(request);
  if (!(body instanceof Uint8Array)) return body;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    return reject(400, 'malformed', t('api.body.not-utf-8'));
  }
}

/** A JSON object (not an array, not null), or why not. */
export function parseJsonObject(text: string): { object: Record<string, unknown> } | Rejection {
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

/** The adapter throws while streaming a body over its limit; that and a declared length over it are a 413. */
async function readBody(request: Request): Promise<Uint8Array | Rejection> {
  const tooLarge = () => reject(413, 'too-large', t('api.body.too-large', { kilobytes: MAX_BODY_BYTES / 1024 }));
  if (Number(request.headers.get('content-length')) > MAX_BODY_BYTES) return tooLarge();
  try {
    const body = new Uint8Array(await request.arrayBuffer());
    return body.byteLength > MAX_BODY_BYTES ? tooLarge() : body;
  } catch (error) {
    return /size limit|exceeds the configured limit/i.test(describe(error))
      ? tooLarge()
      : reject(400, 'malformed', t('api.body.unreadable'));
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return `${error.message} ${error.cause ? describe(error.cause) : ''}`;
}

/** Printable ASCII without spaces, as UUIDs and most clients' keys are; long enough to be random. */
function isIdempotencyKey(key: string): boolean {
  return /^[\x21-\x7e]{8,200}$/.test(key);
}

function badKey(): Rejection {
  return reject(400, 'malformed', t('api.body.idempotency-key'));
}

function reject(status: Rejection['status'], error: string, message: string): Rejection {
  return { status, error, message };
}
