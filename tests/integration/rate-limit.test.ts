import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, validSupportRequest } from '../support/support-requests.ts';
import { startServer, type ServerProcess } from '../../harness/server-process.ts';

describe('rate limit (ESCALATION_RATE_LIMIT=3)', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({ env: { ESCALATION_RATE_LIMIT: '3' } });
  });
  afterAll(() => server.stop());

  it('answers 429 with Retry-After once a client has used its submissions for the minute', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await postJson(server.url, validSupportRequest())).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const limited = await postJson(server.url, validSupportRequest());
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(((await limited.json()) as { error: string }).error).toBe('rate-limited');
  });

  it('does not believe X-Forwarded-For unless TRUST_PROXY says so', async () => {
    const response = await postJson(server.url, validSupportRequest(), { 'X-Forwarded-For': '203.0.113.9' });
    expect(response.status).toBe(429);
  });
});

describe('rate limit behind a trusted proxy (TRUST_PROXY=1)', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({ env: { ESCALATION_RATE_LIMIT: '2', TRUST_PROXY: '1' } });
  });
  afterAll(() => server.stop());

  it('counts each client named by the proxy separately, using the entry the proxy appended', async () => {
    const from = (chain: string) => postJson(server.url, validSupportRequest(), { 'X-Forwarded-For': chain });
    expect([(await from('198.51.100.1')).status, (await from('198.51.100.1')).status, (await from('198.51.100.1')).status]).toEqual([
      201, 201, 429,
    ]);
    expect((await from('198.51.100.2')).status).toBe(201);
    // A client cannot escape its bucket by prepending made-up addresses: the proxy's entry is the last one.
    expect((await from('10.9.9.9, 198.51.100.1')).status).toBe(429);
  });
});

describe('no rate limit (ESCALATION_RATE_LIMIT=0)', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({ env: { ESCALATION_RATE_LIMIT: '0' } });
  });
  afterAll(() => server.stop());

  it('accepts as many submissions as arrive', async () => {
    const statuses = await Promise.all(Array.from({ length: 30 }, () => postJson(server.url, validSupportRequest()).then((r) => r.status)));
    expect(new Set(statuses)).toEqual(new Set([201]));
  });
});

describe('settings', () => {
  it('refuses to start with a rate limit that is not a number, naming the variable', async () => {
    await expect(startServer({ env: { ESCALATION_RATE_LIMIT: 'lots' } })).rejects.toThrow(/ESCALATION_RATE_LIMIT must be a whole number/);
  });

  it('names every wrong setting at once, a line each', async () => {
    await expect(startServer({ env: { ESCALATION_RATE_LIMIT: 'lots', DEMO: 'maybe' } })).rejects.toThrow(
      /\nESCALATION_RATE_LIMIT must be a whole number, 0 or more \(got "lots"\)\nDEMO must be "true" or "false" \(or 1 or 0\) \(got "maybe"\)\n/,
    );
  });
});
