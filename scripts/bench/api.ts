// `npm run bench:api`: accepted escalations per second and latency against the built server, next to its health
// endpoint, in the same run. Loopback only and bounded: BENCH_RUNS (5) rounds of BENCH_SECONDS (5 s) measurements;
// medians reported. The rate limit is off; every escalation is still committed (synchronous=FULL) before its 201.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { type Options } from 'autocannon';
import { openSqlite } from '../../src/server/db/connection.ts';
import { buildIfStale, startServer } from '../../tests/support/server-process.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 50;
const STEADY_RATE = 500;
/** autocannon opens its connections at the start of a run and stalls meanwhile; a steady state starts after. */
const RAMP_UP_MS = 1_000;
const TARGETS = { acceptedPerSecond: 1_000, shareOfHealth: 0.4, steadyP99Ms: 50 };

const escalation = JSON.stringify({
  name: 'Bench Mark',
  email: 'bench@example.com',
  accountEmails: ['old@example.com'],
  topic: 'sign-in',
  description: 'I cannot sign in: the reset email never arrives, and I tried twice.',
  transcript: { flow: 'login', steps: [{ step: 'what-is-wrong', choice: 'reset-password' }] },
  consent: true,
  startedAt: Date.now() - 60_000,
});

interface Measurement {
  perSecond: number;
  /** autocannon's p99 over the whole run. */
  p99: number;
  /** p99 of the responses after the ramp-up. */
  steadyP99: number;
  accepted: number;
}

async function measure(options: Options, duration = SECONDS): Promise<Measurement> {
  const started = performance.now();
  const steady: number[] = [];
  const run = autocannon({ ...options, connections: CONNECTIONS, duration }).on('response', (_client, _status, _bytes, ms) => {
    if (performance.now() - started > RAMP_UP_MS) steady.push(ms);
  });
  const result = await run;
  const failed = result.errors + result.timeouts + result.non2xx;
  if (failed > 0) throw new Error(`${options.url}: ${failed} failed requests (${JSON.stringify(result.statusCodeStats)})`);
  steady.sort((a, b) => a - b);
  return {
    perSecond: result['2xx'] / result.duration,
    p99: result.latency.p99,
    steadyP99: Math.round(steady[Math.floor(steady.length * 0.99)] ?? NaN),
    accepted: result['2xx'],
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const verdict = (ok: boolean) => (ok ? 'meets target' : 'BELOW TARGET');

buildIfStale();
const dataDir = mkdtempSync(join(tmpdir(), 'signpost-bench-'));
// The server logs a line per escalation: into a file, so this process spends its time generating load.
const server = await startServer({ env: { ESCALATION_RATE_LIMIT: '0' }, dataDir, logFile: join(dataDir, 'server.log') });
console.log(`Server ${server.url}; ${RUNS} runs of 4 × ${SECONDS} s, ${CONNECTIONS} connections.\n`);

const health: Options = { url: `${server.url}/api/health` };
const escalations: Options = {
  url: `${server.url}/api/escalations`,
  method: 'POST',
  // A fresh idempotency key per request ([<id>]), as real clients send: every request creates an escalation.
  headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'bench-[<id>]' },
  body: escalation,
  idReplacement: true,
};

let accepted = 0;
try {
  // Warm up the JIT, the statement cache and the file before measuring.
  await measure(health, 2);
  accepted += (await measure(escalations, 2)).accepted;

  const runs: { h: Measurement; e: Measurement; hSteady: Measurement; eSteady: Measurement }[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const h = await measure(health);
    const e = await measure(escalations);
    const hSteady = await measure({ ...health, overallRate: STEADY_RATE });
    const eSteady = await measure({ ...escalations, overallRate: STEADY_RATE });
    accepted += e.accepted + eSteady.accepted;
    runs.push({ h, e, hSteady, eSteady });
    console.log(
      `run ${run}: health ${h.perSecond.toFixed(0)}/s · escalations ${e.perSecond.toFixed(0)}/s (p99 ${e.p99} ms)` +
        ` · at ${STEADY_RATE}/s p99 escalations ${eSteady.steadyP99} ms (whole run ${eSteady.p99}), health ${hSteady.steadyP99} ms (whole run ${hSteady.p99})`,
    );
  }

  const m = (pick: (r: (typeof runs)[number]) => number) => median(runs.map(pick));
  const healthRate = m((r) => r.h.perSecond);
  const accepted_ = m((r) => r.e.perSecond);
  const share = accepted_ / healthRate;
  const steadyP99 = m((r) => r.eSteady.steadyP99);
  console.log(`\nMedians of ${RUNS} runs:`);
  console.table([
    { measure: 'GET /api/health at saturation', value: `${healthRate.toFixed(0)} /s`, target: '(baseline)', result: '' },
    {
      measure: 'accepted escalations at saturation',
      value: `${accepted_.toFixed(0)} /s (p99 ${m((r) => r.e.p99)} ms)`,
      target: `≥ ${TARGETS.acceptedPerSecond} /s`,
      result: verdict(accepted_ >= TARGETS.acceptedPerSecond),
    },
    {
      measure: 'escalations / health',
      value: `${(share * 100).toFixed(0)} %`,
      target: `≥ ${TARGETS.shareOfHealth * 100} %`,
      result: verdict(share >= TARGETS.shareOfHealth),
    },
    {
      measure: `escalations p99 at a steady ${STEADY_RATE}/s (after ramp-up)`,
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

  // Every 201 the bench saw is a row on disk. Requests still in flight when a run ends are stored without being
  // counted by autocannon, hence "at least".
  const db = openSqlite(dataDir);
  const { count } = await db
    .selectFrom('escalations')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  await db.destroy();
  console.log(`${accepted} escalations acknowledged to the benchmark, ${count} stored.`);
  if (Number(count) < accepted) process.exitCode = 1;
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
