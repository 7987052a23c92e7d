import { databaseFailure, type DatabaseFailure } from '../db/database-errors.ts';
import { jsonResponse } from './responses.ts';
import { defaultLanguage, languages } from '../../i18n/languages.ts';
import { messagesFor, tParts, type Messages } from '../../i18n/messages.ts';
import { escapeHtml } from '../../lib/escape-html.ts';
import { site } from '../../site.config.ts';

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

const answersIn = ({ t }: Messages): Record<DatabaseFailure, DatabaseAnswer> => ({
  // Down or busy: 503 with Retry-After, so a load balancer, a script and a reader each know to try again shortly.
  unavailable: {
    status: 503,
    error: 'database-unavailable',
    title: t('database.unavailable.title'),
    message: t('database.unavailable'),
    headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) },
  },
  // Refusing writes: 503 saying nothing was saved and that retrying will not help, so the person tells someone.
  unwritable: {
    status: 503,
    error: 'database-read-only',
    title: t('database.read-only.title'),
    message: t('database.read-only'),
    headers: {},
  },
  // A character the database cannot store (NUL): the sender's mistake, so a 400 that says so.
  'unstorable-text': {
    status: 400,
    error: 'unstorable-text',
    title: t('database.unstorable-text.title'),
    message: t('database.unstorable-text'),
    headers: {},
  },
});
/** The answers in each configured language, made once. */
const answers = new Map(languages.map(({ code }) => [code, answersIn(messagesFor(code))]));
const ANSWERS = answers.get(defaultLanguage.code)!;

/**
 * What a public endpoint answers when storing what a reader sent failed: what happened when the database says so
 * (it cannot be written, or cannot store the text); otherwise a 503 with Retry-After in the endpoint's own words,
 * as for a database that is down or busy. In the language `language` (a configured one; the default unless given).
 */
export function failedWrite(error: unknown, retryMessage: string, language: string = defaultLanguage.code): DatabaseAnswer {
  const failure = databaseFailure(error);
  const inLanguage = answers.get(language) ?? ANSWERS;
  if (failure === 'unwritable' || failure === 'unstorable-text') return inLanguage[failure];
  return { ...inLanguage.unavailable, error: 'unavailable', message: retryMessage };
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
  // A page of its own (Astro's layout may need what failed); the catalogue's words escaped, the link made here.
  const words = tParts('database.page', { message, link: (text) => ({ html: `<a href="/">${escapeHtml(text)}</a>` }) })
    .map((part) => (typeof part === 'string' ? escapeHtml(part) : part.html))
    .join('');
  const page = `<!doctype html><html lang="${site.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1><p>${words}</p></main></body></html>`;
  return new Response(page, { status, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
}
