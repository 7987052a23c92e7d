// Posting to the reader endpoints (feedback, events) and reading what the server stored, for HTTP tests.
import { openServerDatabase } from '../../harness/server-database.ts';
import type { Selectable } from 'kysely';
import type { FeedbackVotesTable, ReaderEventsTable } from '../../src/server/db/schema.ts';

export function postFeedback(baseUrl: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${baseUrl}/api/feedback`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Posts like the article's plain form does: same-origin, urlencoded, redirects not followed. */
export function postFeedbackForm(baseUrl: string, fields: [string, string][], headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${baseUrl}/api/feedback`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: baseUrl, ...headers },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

/** Posts like navigator.sendBeacon does: a string, so text/plain, with the page's Origin. */
export function postEvents(baseUrl: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${baseUrl}/api/events`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain;charset=UTF-8', Origin: baseUrl, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A random lower-case word: unique search text that survives query normalisation (which hides long numbers). */
export function randomWord(length = 10): string {
  const consonants = 'bcdfghjklmnpqrstvwxz';
  return Array.from(crypto.getRandomValues(new Uint8Array(length)), (byte) => consonants[byte % consonants.length]).join('');
}

/** A search no article can match, not even as the prefix of a word: a single vowel-less term. */
export function noMatchQuery(): string {
  return `zqxj${randomWord(8)}`;
}

/** Votes and events the server stored, read through a second connection (WAL lets it read while the server writes). */
export async function storedInsights(
  dataDir: string,
): Promise<{ votes: Selectable<FeedbackVotesTable>[]; events: Selectable<ReaderEventsTable>[] }> {
  const db = openServerDatabase(dataDir);
  try {
    return {
      votes: await db.selectFrom('feedback_votes').selectAll().execute(),
      events: await db.selectFrom('reader_events').selectAll().orderBy('created_at').execute(),
    };
  } finally {
    await db.destroy();
  }
}
