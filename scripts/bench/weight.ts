// Page weight of an existing build: `npm run bench:weight` (after `npm run build`).
// For each page type: HTML, CSS and JS gzip bytes a reader loads before using search (the budgets' unit), and
// beside them the bytes our server actually sends a browser that accepts Brotli and gzip.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readDeliveryManifest } from '../../src/server/http/delivery-manifest.ts';
import { launchBrowser } from '../../harness/chromium.ts';
import { startServer } from '../../harness/server-process.ts';
import { chromiumMissing, recordRequests } from './measure/browser-requests.ts';
import { isPagefindUrl, lazyWeight, measurePage, type PageWeight } from './measure/page-weight.ts';
import { formatBytes, renderTable, verdict } from './measure/report.ts';
import { measureServed, SERVED_ENCODINGS, type ServedWeight } from './measure/served-weight.ts';
import { GZIP_LEVEL } from './measure/sizes.ts';
import { serveStatic } from './measure/static-server.ts';

/**
 * Budgets for JS before search opens: articles stay small, with the feedback element, the banners and the
 * contents marker included; the troubleshooter carries Preact and XState.
 */
export const ARTICLE_JS_BUDGET = 5 * 1024;
export const TROUBLESHOOTER_JS_BUDGET = 30 * 1024;
/** The contact form at a troubleshooter's escalate step, loaded when a reader reaches one. */
export const ESCALATE_STEP_JS_BUDGET = 12 * 1024;
/** Of the article's budget, the header search's loader (shortcuts, and the instant results on first focus). */
export const SEARCH_LOADER_BUDGET = Math.round(0.6 * 1024);
const isSearchLoader = (source: string) => /\/instant-loader-[\w-]+\.js$/.test(source);

const projectRoot = resolve(import.meta.dirname, '../..');
const clientDir = join(projectRoot, 'dist', 'client');

const manifest = readDeliveryManifest(projectRoot);
if (!existsSync(clientDir) || !manifest) {
  console.error(`No complete build found in ${clientDir}. Run \`npm run build\` first, then \`npm run bench:weight\`.`);
  process.exit(1);
}

function pagesUnder(section: string): string[] {
  const dir = join(clientDir, section);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'index.html')))
    .map((d) => `/${section}/${d.name}/`)
    .sort();
}

/** The article that ships the most JS (e.g. one with browser tabs) stands for all of them. */
async function heaviest(urls: string[]): Promise<string | undefined> {
  let worst: PageWeight | undefined;
  for (const url of urls) {
    const weight = await measurePage(clientDir, url);
    if (!worst || weight.jsGzip > worst.jsGzip) worst = weight;
  }
  return worst?.url;
}

const articles = pagesUnder('articles');
const article = await heaviest(articles);
const pages: [string, string | undefined][] = [
  ['home', '/'],
  ['category', '/categories/account-access/'],
  ['article', article],
  ['troubleshooter', pagesUnder('troubleshoot')[0]],
  ['404', '/404.html'],
];

/** Pages rendered on demand, measured from what the server sends: search with results rendered on the server. */
const onDemand: [string, string][] = [['search', '/search/?q=password']];

// The build as `npm run serve` sends it (precompressed files, on a throwaway data folder), for the on-demand pages
// and the "served" figures.
const server = await startServer({ env: manifest.siteUrl ? { SITE_URL: manifest.siteUrl } : {} });
const results: [string, PageWeight][] = [];
const absent: string[] = [];
const served = new Map<string, ServedWeight>();
try {
  for (const [type, url] of pages) {
    if (!url || !existsSync(join(clientDir, url === '/404.html' ? '404.html' : join(url, 'index.html')))) {
      absent.push(`${type} (${url ?? 'none in this build'})`);
      continue;
    }
    results.push([type, await measurePage(clientDir, url)]);
  }
  for (const [type, url] of onDemand)
    results.push([type, await measurePage(clientDir, url, await (await fetch(`${server.url}${url}`)).text())]);
  for (const [type, weight] of results) served.set(type, await measureServed(server.url, weight));
} finally {
  await server.stop();
}

console.log(`Page weight of ${clientDir} (gzip level ${GZIP_LEVEL}; JS before search opens, Pagefind excluded)`);
console.log(`"served": body bytes from \`npm run serve\` with Accept-Encoding: ${SERVED_ENCODINGS}\n`);
console.log(
  renderTable(
    ['page', 'URL', 'HTML gzip', 'served', 'CSS gzip', 'served', 'JS gzip', 'served', 'JS files', 'encodings served'],
    results.map(([type, w]) => {
      const s = served.get(type)!;
      return [
        type,
        w.url,
        formatBytes(w.html.gzip),
        formatBytes(s.html),
        formatBytes(w.cssGzip),
        formatBytes(s.css),
        formatBytes(w.jsGzip),
        formatBytes(s.js),
        String(w.js.filter((a) => !a.source.startsWith('(')).length),
        [...s.encodings].join(', '),
      ];
    }),
  ),
);
console.log('\nInline <style>/<script> blocks are counted in CSS/JS and are also inside the HTML figure.');
if (absent.length) console.log(`Not in this build, skipped: ${absent.join(', ')}`);

console.log('\nJS per page (gzip):');
for (const [type, w] of results) {
  console.log(`  ${type} ${w.url}`);
  if (!w.js.length) console.log('    (none)');
  for (const a of w.js) console.log(`    ${formatBytes(a.gzip).padStart(9)}  ${a.source}`);
  for (const m of w.missing) console.log(`    MISSING   ${m} (referenced but not found in the build)`);
}

const weightOf = (type: string) => results.find(([t]) => t === type)?.[1];
const budgetRow = (type: string, label: string, budget: number) => {
  const weight = weightOf(type);
  return weight
    ? [`${label} JS ≤ ${formatBytes(budget)} gzip`, formatBytes(weight.jsGzip), verdict(weight.jsGzip <= budget)]
    : [`${label} JS ≤ ${formatBytes(budget)} gzip`, 'not in this build', 'MISS'];
};
const troubleshooter = weightOf('troubleshooter');
const escalate = troubleshooter ? await lazyWeight(clientDir, troubleshooter, /ContactForm/) : [];
const escalateGzip = escalate.reduce((sum, a) => sum + a.gzip, 0);
if (troubleshooter) {
  console.log(`\nLoaded when a reader reaches an escalate step (gzip):`);
  for (const a of escalate) console.log(`    ${formatBytes(a.gzip).padStart(9)}  ${a.source}`);
}
const articleWeight = weightOf('article');
/** The header search's loader on the article page: its own file, within the article's budget. */
function loaderRow(): string[] {
  const target = `header search loader (on first focus) JS ≤ ${formatBytes(SEARCH_LOADER_BUDGET)} gzip`;
  const loader = articleWeight?.js.find((asset) => isSearchLoader(asset.source));
  return loader ? [target, formatBytes(loader.gzip), verdict(loader.gzip <= SEARCH_LOADER_BUDGET)] : [target, 'not in this build', 'MISS'];
}
console.log(`\nTarget (the article row is the heaviest of ${articles.length} articles)`);
console.log(
  renderTable(
    ['target', 'figure', 'result'],
    [
      budgetRow('article', 'article page (feedback, banners, contents marker)', ARTICLE_JS_BUDGET),
      budgetRow('troubleshooter', 'troubleshooter page', TROUBLESHOOTER_JS_BUDGET),
      [
        `escalate step's code ≤ ${formatBytes(ESCALATE_STEP_JS_BUDGET)} gzip`,
        escalate.length ? formatBytes(escalateGzip) : 'not found',
        verdict(escalate.length > 0 && escalateGzip <= ESCALATE_STEP_JS_BUDGET),
      ],
      loaderRow(),
    ],
  ),
);

// Cross-check in a real browser: the article page must request no JS beyond the computed list.
if (articleWeight) {
  console.log('\nChromium cross-check of the article page:');
  const missing = chromiumMissing();
  if (missing) {
    console.log(`  skipped: ${missing}`);
  } else {
    const server = await serveStatic(clientDir);
    const browser = await launchBrowser();
    try {
      const requests = await recordRequests(browser, `${server.origin}${articleWeight.url}`);
      const requestedJs = requests.filter((r) => r.resourceType === 'script' || /\.m?js$/.test(r.path)).map((r) => r.path);
      const computed = articleWeight.js.filter((a) => !a.source.startsWith('(')).map((a) => a.source);
      const extra = requestedJs.filter((p) => !computed.includes(p));
      const notLoaded = computed.filter((p) => !requestedJs.includes(p));
      const pagefind = requests.filter((r) => isPagefindUrl(r.path)).map((r) => r.path);
      console.log(
        `  served on ${server.origin}; ${requests.length} requests, ${requestedJs.length} of them JS${requestedJs.length ? `: ${requestedJs.join(', ')}` : ''}`,
      );
      if (!extra.length && !notLoaded.length && !pagefind.length) {
        console.log('  OK: Chromium requested exactly the JS files computed from the build (inline scripts need no request).');
      } else {
        if (extra.length) console.log(`  MISMATCH: Chromium also requested ${extra.join(', ')}`);
        if (notLoaded.length) console.log(`  MISMATCH: computed but not requested: ${notLoaded.join(', ')}`);
        if (pagefind.length) console.log(`  MISMATCH: Pagefind loaded before search opened: ${pagefind.join(', ')}`);
      }
    } finally {
      await browser.close();
      await server.close();
    }
  }
}
