// Two instances of `npm run serve` on two loopback ports, one build, one PostgreSQL database: what a company runs
// behind a load balancer once one machine is not enough. Nothing may behave differently from one instance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../src/server/db/migrations/index.ts';
import { postJson, storedRows, validSupportRequest } from '../support/support-requests.ts';
import { newServerData, openServerDatabase } from '../../harness/server-database.ts';
import { startServer, type ServerProcess } from '../../harness/server-process.ts';
import { createStaff, getAs, postForm, signIn } from '../../harness/staff.ts';

const RATE_LIMIT = 4;
// Behind a "proxy", so each test speaks for clients of its own and only the rate-limit test shares one.
// DEMO=1: both instances find no staff account at once; one creates the demo admin, neither fails.
const settings = { ESCALATION_RATE_LIMIT: String(RATE_LIMIT), TRUST_PROXY: '1', DEMO: '1' };
let clients = 0;
const newClient = () => ({ 'X-Forwarded-For': `198.51.100.${++clients}` });

let data: Awaited<ReturnType<typeof newServerData>>;
let a: ServerProcess;
let b: ServerProcess;
const both = () => [a, b];

beforeAll(async () => {
  data = await newServerData(true);
  // Both start at once on an empty database: the migrator's lock must let exactly one of them migrate.
  [a, b] = await Promise.all([
    startServer({ dataDir: data.dataDir, env: settings }),
    startServer({ dataDir: data.dataDir, env: settings }),
  ]);
});
afterAll(async () => {
  await Promise.all(both().map((server) => server.stop()));
  await data.remove();
});

describe('two instances on one PostgreSQL database', () => {
  it('both start together on an empty database, and every migration runs exactly once', async () => {
    const db = openServerDatabase(data.dataDir);
    try {
      const applied = await db
        .selectFrom('kysely_migration' as never)
        .select('name' as never)
        .execute();
      expect(applied.map((row) => (row as { name: string }).name).sort()).toEqual(Object.keys(migrations).sort());
    } finally {
      await db.destroy();
    }
    for (const server of both()) expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect(both().filter((server) => server.output().includes('created a demo admin'))).toHaveLength(1);
  });

  it('50 copies of one submission (one Idempotency-Key) spread over both make one ticket, one reference in every answer', async () => {
    const key = crypto.randomUUID();
    const body = validSupportRequest({ description: `Same request sent fifty times ${key}` });
    const answers = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const response = await postJson(both()[i % 2].url, body, { 'Idempotency-Key': key, ...newClient() });
        return { status: response.status, reference: ((await response.json()) as { reference: string }).reference };
      }),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(49);
    expect(new Set(answers.map((answer) => answer.reference)).size).toBe(1);
    const stored = (await storedRows(data.dataDir)).tickets.filter((e) => e.description.endsWith(key));
    expect(stored.map((e) => e.reference)).toEqual([answers[0].reference]);
  });

  it('a staff member signed in on one instance is signed in on the other; signing out on either ends it on both', async () => {
    await createStaff(data.dataDir, { email: 'roamer@example.com', name: 'Rae Roamer', role: 'agent' });
    const cookie = await signIn(a.url, 'roamer@example.com');
    expect((await getAs(a.url, '/staff/', cookie)).status).toBe(200);
    expect((await getAs(b.url, '/staff/', cookie)).status).toBe(200);

    expect((await postForm(b.url, '/staff/logout', cookie, { action: 'here' })).status).toBe(303);
    const after = await getAs(a.url, '/staff/', cookie);
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toMatch(/^\/staff\/login/);
  });

  it(`a limit of ${RATE_LIMIT} a minute holds when one client's requests alternate between the instances`, async () => {
    const client = newClient();
    const statuses = [];
    for (let i = 0; i <= RATE_LIMIT; i++) statuses.push((await postJson(both()[i % 2].url, validSupportRequest(), client)).status);
    expect(statuses).toEqual([...Array<number>(RATE_LIMIT).fill(201), 429]);
    const refused = await postJson(a.url, validSupportRequest(), client);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('with one instance killed part way through 200 submissions, every acknowledged reference is stored exactly once', async () => {
    const marker = crypto.randomUUID();
    const acknowledged = { a: [] as string[], b: [] as string[] };
    const send = async (i: number) => {
      const [server, answers] = i % 2 ? [b, acknowledged.b] : [a, acknowledged.a];
      const response = await postJson(server.url, validSupportRequest({ description: `Burst ${marker} number ${i}` }), newClient()).catch(
        () => undefined, // the killed instance drops its connections: those submissions were never acknowledged
      );
      if (response?.status === 201) answers.push(((await response.json()) as { reference: string }).reference);
      else if (response) expect([201, 503], `submission ${i}`).toContain(response.status);
    };
    const burst: Promise<void>[] = [];
    for (let i = 0; i < 200; i++) {
      burst.push(send(i));
      // The kill lands once B has answered some submissions, while others are still on their way to it.
      // (On a slow machine, submission 150 waits for those answers rather than going on without a kill; B's first
      // answers wait for it to load the search index, which suggests articles in each confirmation.)
      if (i >= 80 && b.child.exitCode === null && b.child.signalCode === null && (acknowledged.b.length >= 10 || i === 150)) {
        await expect.poll(() => acknowledged.b.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(10);
        await b.kill();
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await Promise.all(burst);

    expect(b.child.signalCode).toBe('SIGKILL');
    expect(acknowledged.a).toHaveLength(100);
    expect(acknowledged.b.length).toBeGreaterThanOrEqual(10);
    expect(acknowledged.b.length).toBeLessThan(100);
    const stored = (await storedRows(data.dataDir)).tickets.filter((e) => e.description.includes(marker));
    const storedReferences = stored.map((e) => e.reference);
    expect(new Set(storedReferences).size).toBe(storedReferences.length);
    for (const reference of [...acknowledged.a, ...acknowledged.b]) expect(storedReferences).toContain(reference);
  });
});
