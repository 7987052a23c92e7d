import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, readSubmission, submissionKind } from '../../src/server/http/request-body.ts';

const post = (type: string | undefined, body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://help.test/api/escalations', {
    method: 'POST',
    headers: { ...(type ? { 'Content-Type': type } : {}), ...headers },
    body,
  });

/** A form mapping as an endpoint gives one: strings into the JSON names and types. */
const fieldsFromForm = (form: URLSearchParams) => ({ name: form.get('name') ?? undefined, tags: form.getAll('tag') });

describe('readSubmission', () => {
  it('tells the two encodings apart, ignoring case and parameters', () => {
    expect(submissionKind(post('Application/JSON; charset=utf-8', '{}'))).toBe('json');
    expect(submissionKind(post('application/x-www-form-urlencoded;charset=UTF-8', ''))).toBe('form');
    expect(submissionKind(post('text/plain', ''))).toBeUndefined();
  });

  it('reads a JSON object and the Idempotency-Key header', async () => {
    const result = await readSubmission(
      post('application/json', '{"email":"a@b.co"}', { 'Idempotency-Key': 'key-12345678' }),
      fieldsFromForm,
    );
    expect(result).toEqual({ kind: 'json', fields: { email: 'a@b.co' }, idempotencyKey: 'key-12345678' });
  });

  it("reads the plain form through the endpoint's mapping, with its idempotencyKey field", async () => {
    const result = await readSubmission(
      post('application/x-www-form-urlencoded', 'name=Ada&tag=a&tag=b&idempotencyKey=abcdefgh'),
      fieldsFromForm,
    );
    expect(result).toMatchObject({ kind: 'form', idempotencyKey: 'abcdefgh', fields: { name: 'Ada', tags: ['a', 'b'] } });
    expect((result as { form: URLSearchParams }).form.get('name')).toBe('Ada');
  });

  it('rejects what it cannot read with a status, never an exception', async () => {
    const cases: [Request, number][] = [
      [post('text/plain', 'hi'), 415],
      [post(undefined, 'hi'), 415],
      [post('application/json', '{'), 400],
      [post('application/json', '"a string"'), 400],
      [post('application/json', '[]'), 400],
      [post('application/json', new Uint8Array([0xff, 0xfe])), 400],
      [post('application/json', '{}', { 'Idempotency-Key': 'has space' }), 400],
      [post('application/x-www-form-urlencoded', 'idempotencyKey=short'), 400],
      [post('application/json', 'x'.repeat(MAX_BODY_BYTES + 1)), 413],
    ];
    for (const [request, status] of cases)
      expect((await readSubmission(request, fieldsFromForm)) as { status: number }).toMatchObject({ status });
  });
});
