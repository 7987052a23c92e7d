import { databaseFailure, type DatabaseFailure } from '../db/database-errors.ts';
import { jsonResponse } from './responses.ts';

/** Long enough for a restarting database or a failover; short enough that a reader's retry soon succeeds. */
const RETRY_AFTER_SECONDS = 5;

/** What a client is told about a database failure: a status, a code for programs, a title and words for people. */
export interface DatabaseAnswer {
  status: 400 | 503;
  error: string;
  title: string;
  message: string;
  headers: Record<string, string>;
}

const ANSWERS: Record<DatabaseFailure, DatabaseAnswer> = {
  // Down or busy: 503 with Retry-After, so a load balancer, a script and a reader each know to try again shortly.
  unavailable: {
    status: 503,
    error: 'database-unavailable',
    title: 'Try again in a moment',
    message: 'The help center cannot reach its database just now. Try again in a moment.',
    headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) },
  },
  // Refusing writes: 503 saying nothing was saved and that retrying will not help, so the person tells someone.
  unwritable: {
    status: 503,
    error: 'database-read-only',
    title: 'Changes cannot be saved',
    message:
      'The help center cannot save anything just now: its database cannot be written to (its disk may be full, read-only or failing), so what you sent was not saved. Whoever runs the help center needs to fix the storage.',
    headers: {},
  },
  // A character the database cannot store (NUL): the sender's mistake, so a 400 that says so.
  'unstorable-text': {
    status: 400,
    error: 'unstorable-text',
    title: 'Some text could not be saved',
    message:
      'Something you sent contains a control character (such as NUL) that cannot be stored. Retype it rather than pasting it, and send it again.',
    headers: {},
  },
};

/**
 * What a public endpoint answers when storing what a reader sent failed: what happened when the database says so
 * (it cannot be written, or cannot store the text); otherwise a 503 with Retry-After in the endpoint's own words,
 * as for a database that is down or busy.
 */
export function failedWrite(error: unknown, retryMessage: string): DatabaseAnswer {
  const failure = databaseFailure(error);
  if (failure === 'unwritable' || failure === 'unstorable-text') return ANSWERS[failure];
  return { ...ANSWERS.unavailable, error: 'unavailable', message: retryMessage };
}

/**
 * Any on-demand route's answer to an error that is a database failure, logged with its reason for the operator:
 * JSON for the API, a short page for people. Undefined for any other error.
 */
export function databaseFailureResponse(error: unknown, method: string, pathname: string): Response | undefined {
  const failure = databaseFailure(error);
  if (!failure) return undefined;
  if (failure !== 'unstorable-text') {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`${method} ${pathname}: database ${failure === 'unwritable' ? 'cannot be written' : 'unavailable'} (${reason})`);
  }
  const { status, error: code, title, message, headers } = ANSWERS[failure];
  if (pathname.startsWith('/api/')) return jsonResponse(status, { error: code, message }, headers);
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body><main><h1>${title}</h1><p>${message} Articles and troubleshooters still work: <a href="/">go to the help center</a>.</p></main></body></html>`;
  return new Response(page, { status, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
}
