// `npm run bench:flows`: checks and edge-covers a generated 1,000-step flow (a main flow handing over to four
// sub-flows that hand back, with automatic steps), against a 10 s target.
import { performance } from 'node:perf_hooks';
import { checkFlowSet } from '../../src/troubleshooter/flow-files.ts';
import { walkFrom } from '../../src/troubleshooter/walk.ts';
import { coverEveryEdge } from '../../harness/edge-cover.ts';
import { generateFlowSet } from '../../harness/flow-generator.ts';
import { median, renderTable, verdict } from './measure/report.ts';

const SIZE = Number(process.argv[2] ?? 1000);
const RUNS = 3;
const TARGET_MS = 10_000;

const times = { check: [] as number[], cover: [] as number[], total: [] as number[] };
let edges = 0;
for (let run = 1; run <= RUNS; run++) {
  const files = generateFlowSet(SIZE);
  const t0 = performance.now();
  const checked = checkFlowSet(files); // schema plus every graph check, across the files
  const t1 = performance.now();
  if (checked.problems.length) throw new Error(`the generated flow failed its checks: ${checked.problems[0].message}`);
  const coverage = coverEveryEdge(walkFrom('generated', checked.flows));
  const t2 = performance.now();
  if (coverage.failures.length) throw new Error(`edge coverage failed: ${coverage.failures.slice(0, 3).join('; ')}`);
  edges = coverage.edges;
  times.check.push(t1 - t0);
  times.cover.push(t2 - t1);
  times.total.push(t2 - t0);
  console.log(
    `run ${run}/${RUNS}: checked in ${(t1 - t0).toFixed(0)} ms, covered ${coverage.covered}/${coverage.edges} edges in ${(t2 - t1).toFixed(0)} ms`,
  );
}

const ms = (values: number[]) => `${median(values).toFixed(0)} ms`;
const kinds = generateFlowSet(SIZE).flatMap((f) => f.data.steps.map((s) => s.kind));
const auto = kinds.filter((k) => k === 'auto').length;
const handOvers = kinds.filter((k) => k === 'flow').length;
console.log(
  `\nGenerated flows: ${SIZE} steps in 5 files (${auto} automatic, ${handOvers} hand-overs), ${edges} choices (median of ${RUNS} runs)\n`,
);
console.log(
  renderTable(
    ['figure', 'value', 'target', 'result'],
    [
      ['schema + graph checks', ms(times.check), '', ''],
      ['every edge covered on the machine', ms(times.cover), '', ''],
      ['checked and edge-covered', ms(times.total), `≤ ${TARGET_MS / 1000} s`, verdict(median(times.total) <= TARGET_MS)],
    ],
  ),
);
