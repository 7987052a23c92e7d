import { openServerDatabase } from '../../harness/server-database.ts';
import type { Selectable } from 'kysely';
import type { TicketsTable, IdempotencyKeysTable } from '../../src/server/db/schema.ts';

/** A submission the server accepts, with a start time old enough not to look automated. */
export function validSupportRequest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    accountEmails: ['ada.old@example.com'],
    topic: 'sign-in',
    description: 'I cannot sign in since I changed my phone yesterday.',
    transcript: { flow: 'login', steps: [{ step: 'what-is-wrong', choice: 'reset-password' }] },
    consent: true,
    startedAt: Date.now() - 60_000,
    ...overrides,
  };
}

export function postJson(baseUrl: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${baseUrl}/api/escalations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/**
 * Posts like the plain HTML form does: same-origin, urlencoded, redirects not followed; to the contact page by
 * default, as our form does (`/api/escalations` takes other clients' form posts).
 */
export function postForm(
  baseUrl: string,
  fields: [string, string][],
  headers: Record<string, string> = {},
  path = '/contact/',
): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: baseUrl, ...headers },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

/** The plain form's fields for a valid submission. */
export function validFormFields(key = crypto.randomUUID()): [string, string][] {
  return [
    ['name', 'Grace Hopper'],
    ['email', 'grace@example.com'],
    ['accountEmails', 'grace@navy.example'],
    ['accountEmails', ''],
    ['topic', 'password-reset'],
    ['description', 'The password reset email never arrives in my inbox.'],
    ['transcript', ''],
    ['consent', 'yes'],
    ['website', ''],
    ['idempotencyKey', key],
    ['startedAt', String(Date.now() - 60_000)],
  ];
}

/** What the server stored, read through a second connection (WAL lets it read while the server writes). */
export async function storedRows(dataDir: string): Promise<{ tickets: Selectable<TicketsTable>[]; keys: IdempotencyKeysTable[] }> {
  const db = openServerDatabase(dataDir);
  try {
    return {
      tickets: await db.selectFrom('tickets').selectAll().execute(),
      keys: await db.selectFrom('idempotency_keys').selectAll().execute(),
    };
  } finally {
    await db.destroy();
  }
}
