// PostgreSQL stopped under a running server, then started again. A private cluster, so stopping it disturbs no
// other test: the shared one keeps serving the rest of the suite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, validSupportRequest } from '../support/support-requests.ts';
import { startPrivateCluster, type PrivateCluster } from '../../harness/postgres.ts';
import { startServer, type ServerProcess } from '../../harness/server-process.ts';
import { postSignIn } from '../../harness/staff.ts';

let cluster: PrivateCluster;
let server: ServerProcess;

beforeAll(async () => {
  cluster = await startPrivateCluster();
  // With a rate limit, so the limit's counters (in the database too) are part of what goes down.
  server = await startServer({ env: { DATABASE_URL: cluster.url, ESCALATION_RATE_LIMIT: '1000' } });
});
afterAll(async () => {
  await server?.stop();
  await cluster?.destroy();
});

describe('the database goes down and comes back', () => {
  it('answers 503 with Retry-After while PostgreSQL is stopped, keeps serving pages, and recovers by itself', async () => {
    expect((await postJson(server.url, validSupportRequest())).status).toBe(201);
    await cluster.stop();
    try {
      const refused = await postJson(server.url, validSupportRequest());
      expect(refused.status).toBe(503);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused.json()).toMatchObject({ error: expect.any(String), message: expect.stringMatching(/try again/i) });

      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ status: 'error', database: 'down' });

      const signIn = await postSignIn(server.url, 'someone@example.com', 'a password long enough to check');
      expect(signIn.status).toBe(503);
      expect(signIn.headers.get('retry-after')).not.toBeNull();

      // Articles are files: a reader still gets help.
      expect((await fetch(`${server.url}/articles/forgot-password/`)).status).toBe(200);
    } finally {
      await cluster.start();
    }
    const accepted = await postJson(server.url, validSupportRequest());
    expect(accepted.status).toBe(201);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect(server.output()).not.toMatch(/\b500\b|Unhandled|TypeError/);
  });
});
