import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, readSubmission, submissionKind } from '../../src/server/escalations/read-submission.ts';

const post = (type: string | undefined, body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://help.test/api/escalations', {
    method: 'POST',
    headers: { ...(type ? { 'Content-Type': type } : {}), ...headers },
    body,
  });

describe('readSubmission', () => {
  it('tells the two encodings apart, ignoring case and parameters', () => {
    expect(submissionKind(post('Application/JSON; charset=utf-8', '{}'))).toBe('json');
    expect(submissionKind(post('application/x-www-form-urlencoded;charset=UTF-8', ''))).toBe('form');
    expect(submissionKind(post('text/plain', ''))).toBeUndefined();
  });

  it('reads a JSON object and the Idempotency-Key header', async () => {
    const result = await readSubmission(post('application/json', '{"email":"a@b.co"}', { 'Idempotency-Key': 'key-12345678' }));
    expect(result).toEqual({ kind: 'json', fields: { email: 'a@b.co' }, idempotencyKey: 'key-12345678' });
  });

  it('reads the plain form under the JSON names', async () => {
    const form =
      'name=Ada&accountEmails=a%40b.co&accountEmails=&consent=yes&transcript=%7B%22flow%22%3A%22x%22%7D&startedAt=1000&idempotencyKey=abcdefgh';
    const result = await readSubmission(post('application/x-www-form-urlencoded', form));
    expect(result).toMatchObject({
      kind: 'form',
      idempotencyKey: 'abcdefgh',
      fields: { name: 'Ada', accountEmails: ['a@b.co', ''], consent: true, transcript: { flow: 'x' }, startedAt: 1000, email: undefined },
    });
  });

  it('treats an unchecked consent box as false and a broken transcript as text the schema rejects', async () => {
    const result = await readSubmission(post('application/x-www-form-urlencoded', 'transcript=%7Bnot+json'));
    expect(result).toMatchObject({ fields: { consent: false, transcript: '{not json' } });
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
    for (const [request, status] of cases) expect((await readSubmission(request)) as { status: number }).toMatchObject({ status });
  });
});
