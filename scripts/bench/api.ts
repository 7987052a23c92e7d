// `npm run bench:api`: accepted support requests (POST /api/escalations) per second and latency against the built
// server, next to its health endpoint, in the same run: on SQLite, and with DATABASE_URL on PostgreSQL too, with one
// instance and with two (in a scratch database created on that server and dropped at the end: the bench never
// writes into real data).
// Loopback only and bounded: BENCH_RUNS (3) rounds of BENCH_SECONDS (5 s) measurements; medians reported. The
// rate limit is off; every ticket is still committed (on SQLite with synchronous=FULL) before its 201.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { type Options } from 'autocannon';
import { openPostgres, openSqlite, type Db } from '../../src/server/db/connection.ts';
import { databaseSettings } from '../../src/server/settings.ts';
import { createScratchDatabase } from '../../harness/postgres.ts';
import { buildIfStale, startServer, type ServerProcess } from '../../harness/server-process.ts';
import { CORES, cpuWindow } from './measure/cpu.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 50;
const STEADY_RATE = 500;
/** autocannon opens its connections at the start of a run and stalls meanwhile; a steady state starts after. */
const RAMP_UP_MS = 1_000;
const TARGETS = { acceptedPerSecond: 1_000, shareOfHealth: 0.4, steadyP99Ms: 50 };
/** Two instances on one database: worth it only when the machine has cores to spare for the second. */
const SCALE_OUT = { ratio: 1.6, minCores: 4 };

const supportRequest = JSON.stringify({
  name: 'Bench Mark',
  email: 'bench@example.com',
  accountEmails: ['old@example.com'],
  topic: 'sign-in',
  description: 'I cannot sign in: the reset email never arrives, and I tried twice.',
  transcript: { flow: 'login', steps: [{ step: 'what-is-wrong', choice: 'reset-password' }] },
  consent: true,
  startedAt: Date.now() - 60_000,
});

type Request = Omit<Options, 'url'> & { path: string };

const health: Request = { path: '/api/health' };
const supportRequests: Request = {
  path: '/api/escalations',
  method: 'POST',
  // A fresh idempotency key per request ([<id>]), as real clients send: every request creates a ticket.
  headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'bench-[<id>]' },
  body: supportRequest,
  idReplacement: true,
};

interface Measurement {
  perSecond: number;
  /** p99 over the whole run. */
  p99: number;
  /** p99 of the responses after the ramp-up. */
  steadyP99: number;
  accepted: number;
  /** Shares of the machine's CPU time during the run. */
  cpu: { instances: number[]; generator: number; postgres: number; other: number; idle: number };
}

const percentile99 = (values: number[]) => Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length * 0.99)] ?? NaN);

/** Loads `instances` at once, one autocannon each, with CONNECTIONS (and any overall rate) split evenly between them. */
async function measure(instances: ServerProcess[], { path, ...options }: Request, duration = SECONDS): Promise<Measurement> {
  const started = performance.now();
  const all: number[] = [];
  const steady: number[] = [];
  const cpu = cpuWindow();
  const results = await Promise.all(
    instances.map((instance) =>
      autocannon({
        ...options,
        url: new URL(path, instance.url).href,
        connections: CONNECTIONS / instances.length,
        overallRate: options.overallRate && options.overallRate / instances.length,
        duration,
      }).on('response', (_client, _status, _bytes, ms) => {
        all.push(ms);
        if (performance.now() - started > RAMP_UP_MS) steady.push(ms);
      }),
    ),
  );
  const use = cpu.stop();
  for (const result of results) {
    const failed = result.errors + result.timeouts + result.non2xx;
    if (failed > 0) throw new Error(`${path}: ${failed} failed requests (${JSON.stringify(result.statusCodeStats)})`);
  }
  const instanceShares = instances.map((instance) => use.of(instance.child.pid!));
  const generator = use.of(process.pid);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return {
    perSecond: sum(results.map((result) => result['2xx'] / result.duration)),
    // autocannon's own figure for one instance (with its correction for a set rate); merged responses for several.
    p99: results.length === 1 ? results[0].latency.p99 : percentile99(all),
    steadyP99: percentile99(steady),
    accepted: sum(results.map((result) => result['2xx'])),
    cpu: {
      instances: instanceShares,
      generator,
      postgres: use.postgres,
      other: use.all - sum(instanceShares) - generator - use.postgres,
      idle: 1 - use.all,
    },
  };
}

/** Rows in the tickets table; closes `db`. */
async function storedTickets(db: Db): Promise<number> {
  try {
    const { count } = await db
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(count);
  } finally {
    await db.destroy();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const verdict = (ok: boolean) => (ok ? 'meets target' : 'BELOW TARGET');
const percent = (share: number) => `${(share * 100).toFixed(0)} %`;

buildIfStale();
const databaseUrl = process.env.DATABASE_URL?.trim() || undefined;
// Checked before anything starts, with the server's own message for a malformed URL. The instances inherit
// DATABASE_POOL_SIZE.
const settings = databaseUrl ? databaseSettings({ ...process.env, DATABASE_URL: databaseUrl }) : undefined;
await using cleanup = new AsyncDisposableStack();

/** A server on a data folder of its own, stopped and removed at the end. */
async function startInstance(env: Record<string, string> = {}): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'signpost-bench-'));
  cleanup.defer(() => rmSync(dataDir, { recursive: true, force: true }));
  // The server logs a line per ticket: into a file, so this process spends its time generating load.
  const server = await startServer({ env: { ESCALATION_RATE_LIMIT: '0', ...env }, dataDir, logFile: join(dataDir, 'server.log') });
  cleanup.defer(() => server.stop());
  return server;
}

const server = await startInstance();
const scratch = databaseUrl ? await createScratchDatabase(databaseUrl, 'bench') : undefined;
if (scratch) cleanup.defer(() => scratch.drop());
// One after the other, so that only the first migrates the scratch database.
const postgres = scratch ? [await startInstance({ DATABASE_URL: scratch.url }), await startInstance({ DATABASE_URL: scratch.url })] : [];
const [one, two] = [postgres.slice(0, 1), postgres];

if (scratch && settings?.kind === 'postgres') {
  console.log(
    `SQLite: ${server.url}; PostgreSQL: ${postgres.map((p) => p.url).join(' and ')} (scratch database ` +
      `${new URL(scratch.url).pathname.slice(1)}, pools of ${settings.poolSize} connections: DATABASE_POOL_SIZE).`,
  );
  console.log(
    `${RUNS} runs of 8 × ${SECONDS} s, ${CONNECTIONS} connections (split evenly when two instances share the load); ` +
      `${CORES} cores (os.availableParallelism()).\n`,
  );
} else {
  console.log(`Server ${server.url}; ${RUNS} runs of 4 × ${SECONDS} s, ${CONNECTIONS} connections.\n`);
}

let accepted = 0;
let acceptedPostgres = 0;
// Warm up the JIT, the statement cache and the file (or every instance's pool) before measuring.
await measure([server], health, 2);
accepted += (await measure([server], supportRequests, 2)).accepted;
if (scratch) {
  await measure(two, health, 2);
  acceptedPostgres += (await measure(two, supportRequests, 2)).accepted;
}

interface Round {
  h: Measurement;
  e: Measurement;
  hSteady: Measurement;
  eSteady: Measurement;
  postgres?: { one: { h: Measurement; e: Measurement }; two: { h: Measurement; e: Measurement } };
}
const runs: Round[] = [];
const saturated = async (instances: ServerProcess[]) => {
  const h = await measure(instances, health);
  const e = await measure(instances, supportRequests);
  acceptedPostgres += e.accepted;
  return { h, e };
};
for (let run = 1; run <= RUNS; run++) {
  const h = await measure([server], health);
  const e = await measure([server], supportRequests);
  const hSteady = await measure([server], { ...health, overallRate: STEADY_RATE });
  const eSteady = await measure([server], { ...supportRequests, overallRate: STEADY_RATE });
  accepted += e.accepted + eSteady.accepted;
  const round: Round = { h, e, hSteady, eSteady, postgres: scratch && { one: await saturated(one), two: await saturated(two) } };
  runs.push(round);
  console.log(
    `run ${run}: health ${h.perSecond.toFixed(0)}/s · support requests ${e.perSecond.toFixed(0)}/s (p99 ${e.p99} ms)` +
      ` · at ${STEADY_RATE}/s p99 support requests ${eSteady.steadyP99} ms (whole run ${eSteady.p99}), health ${hSteady.steadyP99} ms (whole run ${hSteady.p99})`,
  );
  if (round.postgres) {
    const figures = ({ h, e }: { h: Measurement; e: Measurement }) =>
      `health ${h.perSecond.toFixed(0)}/s · support requests ${e.perSecond.toFixed(0)}/s (p99 ${e.p99} ms)`;
    console.log(`       PostgreSQL, one instance: ${figures(round.postgres.one)}; two instances: ${figures(round.postgres.two)}`);
  }
}

const m = (pick: (r: Round) => number) => median(runs.map(pick));
const healthRate = m((r) => r.h.perSecond);
const accepted_ = m((r) => r.e.perSecond);
const share = accepted_ / healthRate;
const steadyP99 = m((r) => r.eSteady.steadyP99);
console.log(`\nMedians of ${RUNS} runs:`);
console.table([
  { measure: 'GET /api/health at saturation', value: `${healthRate.toFixed(0)} /s`, target: '(baseline)', result: '' },
  {
    measure: 'accepted support requests at saturation',
    value: `${accepted_.toFixed(0)} /s (p99 ${m((r) => r.e.p99)} ms)`,
    target: `≥ ${TARGETS.acceptedPerSecond} /s`,
    result: verdict(accepted_ >= TARGETS.acceptedPerSecond),
  },
  {
    measure: 'support requests / health',
    value: percent(share),
    target: `≥ ${TARGETS.shareOfHealth * 100} %`,
    result: verdict(share >= TARGETS.shareOfHealth),
  },
  {
    measure: `support requests p99 at a steady ${STEADY_RATE}/s (after ramp-up)`,
    value: `${steadyP99} ms`,
    target: `< ${TARGETS.steadyP99Ms} ms`,
    result: verdict(steadyP99 < TARGETS.steadyP99Ms),
  },
  { measure: `  same, autocannon's whole-run p99`, value: `${m((r) => r.eSteady.p99)} ms`, target: '(includes ramp-up)', result: '' },
  {
    measure: `health p99 at a steady ${STEADY_RATE}/s (after ramp-up)`,
    value: `${m((r) => r.hSteady.steadyP99)} ms (whole run ${m((r) => r.hSteady.p99)} ms)`,
    target: '(this machine’s floor)',
    result: '',
  },
]);

if (scratch) {
  const p = (pick: (r: NonNullable<Round['postgres']>) => Measurement) => {
    const measurements = runs.map((r) => pick(r.postgres!));
    const rate = median(measurements.map((x) => x.perSecond));
    return { rate, text: `${rate.toFixed(0)} /s (p99 ${median(measurements.map((x) => x.p99))} ms)` };
  };
  const [h1, e1, h2, e2] = [p((r) => r.one.h), p((r) => r.one.e), p((r) => r.two.h), p((r) => r.two.e)];
  const ratio = e2.rate / e1.rate;
  console.log(`\nPostgreSQL at saturation, medians of ${RUNS} runs (two instances: ${CONNECTIONS / 2} connections to each):`);
  console.table([
    { measure: 'GET /api/health', 'one instance': h1.text, 'two instances': h2.text, 'two / one': `${(h2.rate / h1.rate).toFixed(2)}×` },
    {
      measure: 'accepted support requests',
      'one instance': e1.text,
      'two instances': e2.text,
      'two / one': `${ratio.toFixed(2)}×`,
      target: `two ≥ ${SCALE_OUT.ratio}× one (applies on ${SCALE_OUT.minCores} or more cores)`,
      result: CORES >= SCALE_OUT.minCores ? verdict(ratio >= SCALE_OUT.ratio) : `n/a on ${CORES} cores`,
    },
    { measure: 'support requests / health', 'one instance': percent(e1.rate / h1.rate), 'two instances': percent(e2.rate / h2.rate) },
  ]);

  const setups: [string, (r: Round) => Measurement][] = [
    ['SQLite, health', (r) => r.h],
    ['SQLite, support requests', (r) => r.e],
    ['PostgreSQL one instance, health', (r) => r.postgres!.one.h],
    ['PostgreSQL one instance, support requests', (r) => r.postgres!.one.e],
    ['PostgreSQL two instances, health', (r) => r.postgres!.two.h],
    ['PostgreSQL two instances, support requests', (r) => r.postgres!.two.e],
  ];
  // The median run's own shares, rather than a median per column, so that a row adds up to 100 %.
  console.log(`\nWhere the CPU time went at saturation, in each setup's median run: shares of wall time × ${CORES} cores.`);
  console.log('PostgreSQL counts every postgres process on this machine (any cluster, any database); other: every other process.');
  console.table(
    setups.map(([setup, pick]) => {
      const { cpu } = runs.map(pick).sort((a, b) => a.perSecond - b.perSecond)[Math.floor(runs.length / 2)];
      return {
        setup,
        'server instances': cpu.instances.map(percent).join(' + '),
        'load generator (this process)': percent(cpu.generator),
        PostgreSQL: percent(cpu.postgres),
        other: percent(cpu.other),
        idle: percent(cpu.idle),
      };
    }),
  );
} else {
  console.log(
    '\nPostgreSQL figures need DATABASE_URL: a PostgreSQL server where its role may create databases (the bench uses a scratch one).',
  );
}

// Every 201 the bench saw is a row in the database. Requests still in flight when a run ends are stored without
// being counted by autocannon, hence "at least".
const stored = await storedTickets(openSqlite(server.dataDir));
console.log(`SQLite: ${accepted} support requests acknowledged to the benchmark, ${stored} tickets stored.`);
if (stored < accepted) process.exitCode = 1;
if (scratch) {
  const storedPostgres = await storedTickets(openPostgres(scratch.url, 1));
  console.log(`PostgreSQL: ${acceptedPostgres} support requests acknowledged to the benchmark, ${storedPostgres} tickets stored.`);
  if (storedPostgres < acceptedPostgres) process.exitCode = 1;
}
