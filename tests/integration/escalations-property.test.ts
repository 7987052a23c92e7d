import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { parseSupportRequest } from '../../src/server/tickets/support-request-schema.ts';
import { isReference } from '../../src/server/tickets/reference.ts';
import { loadFlowSet } from '../support/flows.ts';
import { storedRows, validSupportRequest, validFormFields } from '../support/support-requests.ts';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const RUNS = 2_400;

// Every flow, as the server has them: login hands over to another flow, so its transcripts are read with that one.
const flows = loadFlowSet();

/** Values of every JSON type, and strings that look almost right. */
const junk = fc.oneof(
  fc.jsonValue(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', 'a@b', '@example.com', 'x'.repeat(5001), 'sign-in ', 'SIGN-IN', '__proto__', 'true', '1e309', '\u0000'),
);

const fieldNames = [
  'name',
  'email',
  'accountEmails',
  'topic',
  'description',
  'transcript',
  'consent',
  'website',
  'startedAt',
  '__proto__',
  'constructor',
];

/** A valid body with a few fields removed, replaced by junk, or added. */
const mutatedObject = fc
  .tuple(fc.array(fc.tuple(fc.constantFrom(...fieldNames), fc.option(junk, { nil: undefined })), { maxLength: 3 }), fc.boolean())
  .map(([changes, startValid]) => {
    const body: Record<string, unknown> = startValid ? validSupportRequest() : {};
    for (const [field, value] of changes) {
      if (value === undefined) delete body[field];
      else Object.defineProperty(body, field, { value, enumerable: true, configurable: true, writable: true });
    }
    return body;
  });

const jsonBody = fc.oneof(
  { weight: 8, arbitrary: mutatedObject.map((body) => JSON.stringify(body)) },
  { weight: 1, arbitrary: fc.json() },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.constant(JSON.stringify(validSupportRequest({ description: 'y'.repeat(70_000) }))) },
);

const formBody = fc
  .array(fc.tuple(fc.constantFrom(...fieldNames, 'idempotencyKey'), fc.string({ unit: 'binary', maxLength: 30 })), { maxLength: 6 })
  .chain((extra) =>
    fc.constantFrom('keep', 'drop', 'append').map((how) => {
      const base = how === 'drop' ? [] : validFormFields();
      return new URLSearchParams(how === 'keep' ? base : [...base.filter(([n]) => !extra.some(([e]) => e === n)), ...extra]).toString();
    }),
  );

const rawBytes = fc.uint8Array({ maxLength: 300 });

const jsonType = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON');
const formType = fc.constantFrom('application/x-www-form-urlencoded', 'application/x-www-form-urlencoded; charset=UTF-8');
const anyType = fc.oneof(
  jsonType,
  formType,
  fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/jsonx', ''),
);

/** Mostly bodies that match their content type (so validation is exercised), some that do not. */
const request = fc.record({
  sent: fc.oneof(
    { weight: 3, arbitrary: fc.record({ type: jsonType, body: jsonBody }) },
    { weight: 3, arbitrary: fc.record({ type: formType, body: formBody }) },
    { weight: 2, arbitrary: fc.record({ type: anyType, body: fc.oneof(jsonBody, formBody, rawBytes) }) },
  ),
  sameOrigin: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.boolean() }),
  key: fc.option(
    fc.oneof(
      { weight: 4, arbitrary: fc.uuid() },
      {
        weight: 1,
        arbitrary: fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 220 }),
      },
    ),
    { nil: undefined },
  ),
});

describe('POST /api/escalations with random and mutated requests', () => {
  it(`never answers 5xx and never stores an invalid ticket (${RUNS} requests)`, async () => {
    const before = (await storedRows(dataDir)).tickets.length;
    const usedKeys = new Set<string>();
    let accepted = 0;
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async ({ sent: { type, body }, sameOrigin, key }) => {
        // Each key once, so every success is a 201 (or a form's 303), never a replayed 200.
        const uniqueKey = key && !usedKeys.has(key) ? key : undefined;
        if (uniqueKey) usedKeys.add(uniqueKey);
        const headers: Record<string, string> = {};
        if (type) headers['Content-Type'] = type;
        if (sameOrigin) headers.Origin = baseUrl;
        if (uniqueKey !== undefined) headers['Idempotency-Key'] = uniqueKey;
        const response = await fetch(`${baseUrl}/api/escalations`, { method: 'POST', headers, body, redirect: 'manual' });
        await response.arrayBuffer();
        const ok = response.status === 201 || response.status === 303;
        seen.set(response.status, (seen.get(response.status) ?? 0) + 1);
        if (ok) accepted++;
        expect(ok || (response.status >= 400 && response.status < 500), `status ${response.status}`).toBe(true);
      }),
      { numRuns: RUNS },
    );

    const { tickets } = await storedRows(dataDir);
    // The generators reach every kind of answer, not just one.
    expect([...seen.keys()].sort()).toEqual(expect.arrayContaining([201, 303, 400, 403, 413, 415, 422]));
    expect(tickets.length - before).toBe(accepted);
    for (const row of tickets) {
      const input = {
        name: row.name,
        email: row.contact_email,
        accountEmails: JSON.parse(row.account_emails),
        topic: row.topic,
        description: row.description,
        transcript: row.transcript === null ? null : JSON.parse(row.transcript),
        consent: true,
      };
      const parsed = parseSupportRequest(input, flows);
      expect(parsed.ok, `${row.reference}: ${JSON.stringify(parsed)}`).toBe(true);
      if (parsed.ok) expect(parsed.value).toMatchObject(input); // stored as validated: trimmed, blanks dropped
      expect(isReference(row.reference)).toBe(true);
      expect(['new', 'spam']).toContain(row.status);
      expect(new Date(row.created_at).toISOString()).toBe(row.created_at);
    }
  });
});
