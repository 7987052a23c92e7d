// Lighthouse (mobile) on the built site: `npm run bench:lighthouse` (after `npm run build`). Not a test.
// For an article, the home page and a troubleshooter's start address: accessibility, best practices, SEO and
// performance beside their targets, and the layout shift (CLS); the median of BENCH_RUNS runs (default 3).
// Below a target, the audits that cost points are listed, so it is clear which page part to fix.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, findChromium } from '../../harness/chromium.ts';
import { startServer } from '../../harness/server-process.ts';
import { readDeliveryManifest } from '../../src/server/http/delivery-manifest.ts';
import { median, renderTable, verdict } from './measure/report.ts';

const CATEGORIES = ['accessibility', 'best-practices', 'seo', 'performance'] as const;
type Category = (typeof CATEGORIES)[number];
const TARGETS: Record<Category, number> = { accessibility: 100, 'best-practices': 100, seo: 100, performance: 95 };
const LABELS: Record<Category, string> = {
  accessibility: 'accessibility',
  'best-practices': 'best practices',
  seo: 'SEO',
  performance: 'performance',
};

const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3) || 3);
const projectRoot = resolve(import.meta.dirname, '../..');
const clientDir = join(projectRoot, 'dist', 'client');
const manifest = readDeliveryManifest(projectRoot);
if (!existsSync(clientDir) || !manifest) {
  console.error(`No complete build found in ${clientDir}. Run \`npm run build\` first, then \`npm run bench:lighthouse\`.`);
  process.exit(1);
}

/** The first prerendered page under a section (`articles`, `troubleshoot`), in name order. */
function firstPageUnder(section: string): string | undefined {
  const dir = join(clientDir, section);
  if (!existsSync(dir)) return undefined;
  const name = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'index.html')))
    .map((d) => d.name)
    .sort()[0];
  return name && `/${section}/${name}/`;
}

const troubleshooter = existsSync(join(clientDir, 'troubleshoot', 'login', 'index.html'))
  ? '/troubleshoot/login/'
  : firstPageUnder('troubleshoot');
const pages: [string, string | undefined][] = [
  ['article', process.env.BENCH_ARTICLE ?? firstPageUnder('articles')],
  ['home', '/'],
  ['troubleshooter', troubleshooter],
];

interface Run {
  scores: Record<Category, number>;
  cls: number;
  /** Audits below full marks that weigh in a category under its target: "category: audit id (title)". */
  failing: string[];
}

/** One Lighthouse run in a fresh headless Chromium (a fresh profile: nothing cached from the run before). */
async function lighthouseRun(url: string) {
  const chrome = await chromeLauncher.launch({
    chromePath: findChromium(),
    // No sandbox when run as root (containers); the machine may have no outside network.
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', ...CHROMIUM_ARGS],
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, logLevel: 'error', output: 'json', onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    return result.lhr;
  } finally {
    chrome.kill();
  }
}

async function audit(url: string): Promise<Run> {
  let lhr = await lighthouseRun(url);
  // A trace Lighthouse failed to record (NO_NAVSTART and the like) is its own hiccup: one more try.
  if (lhr.runtimeError) lhr = await lighthouseRun(url);
  if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.message}`);
  const scores = {} as Record<Category, number>;
  const failing: string[] = [];
  for (const id of CATEGORIES) {
    const category = lhr.categories[id];
    scores[id] = Math.round((category.score ?? 0) * 100);
    if (scores[id] >= TARGETS[id]) continue;
    for (const ref of category.auditRefs) {
      const found = lhr.audits[ref.id];
      if (ref.weight > 0 && found.score !== null && found.score < 1)
        failing.push(`${LABELS[id]}: ${ref.id} (${found.title}${found.displayValue ? `: ${found.displayValue}` : ''})`);
    }
  }
  return { scores, cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN, failing };
}

const server = await startServer({ env: manifest.siteUrl ? { SITE_URL: manifest.siteUrl } : {} });
const rows: string[][] = [];
const notes: string[] = [];
try {
  for (const [type, path] of pages) {
    if (!path) {
      notes.push(`${type}: none in this build, skipped`);
      continue;
    }
    const results: Run[] = [];
    for (let i = 0; i < runs; i++) results.push(await audit(`${server.url}${path}`));
    const scores = Object.fromEntries(CATEGORIES.map((id) => [id, median(results.map((r) => r.scores[id]))])) as Record<Category, number>;
    const cls = median(results.map((r) => r.cls));
    const met = CATEGORIES.every((id) => scores[id] >= TARGETS[id]);
    rows.push([type, path, ...CATEGORIES.map((id) => String(scores[id])), cls.toFixed(3), verdict(met)]);
    const failing = [...new Set(results.flatMap((r) => r.failing))];
    const perRun = CATEGORIES.map((id) => `${LABELS[id]} ${results.map((r) => r.scores[id]).join('/')}`).join(', ');
    if (failing.length)
      notes.push(`${type} ${path} (per run: ${perRun}); audits costing points in a run under target:\n    ${failing.join('\n    ')}`);
  }
} finally {
  await server.stop();
}

console.log(`Lighthouse (mobile, simulated throttling) on \`npm run serve\` of ${clientDir}; median of ${runs} run(s) (BENCH_RUNS)`);
console.log(`Targets: accessibility 100, best practices 100, SEO 100, performance ≥ 95; CLS 0\n`);
console.log(renderTable(['page', 'URL', ...CATEGORIES.map((id) => LABELS[id]), 'CLS', 'targets'], rows));
if (notes.length) console.log(`\n${notes.join('\n')}`);
