/**
 * Measuring helpers shared by the benchmarks (`build.ts`, `weight.ts`):
 * gzip sizes, number formatting and tables, what JS/CSS a built page loads,
 * a loopback static server for `dist/client`, Chromium request recording and
 * peak-RSS sampling of a process tree.
 */
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { init as initLexer, parse as parseModule } from 'es-module-lexer';
import { rawRequest } from '../../harness/raw-http.ts';

// ---------------------------------------------------------------- sizes and formatting

/** zlib's default level, the one Vite's build report and most servers use. */
export const GZIP_LEVEL = 6;

export function gzipBytes(data: string | Uint8Array): number {
  return gzipSync(typeof data === 'string' ? Buffer.from(data) : data, { level: GZIP_LEVEL }).length;
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const formatInt = (n: number) => Math.round(n).toLocaleString('en-US');
export const formatBytes = (n: number) => `${formatInt(n)} B`;
/** Decimal megabytes (1 MB = 1,000,000 bytes), matching the decimal "1 GB" target. */
export const formatMB = (n: number) => `${(n / 1e6).toLocaleString('en-US', { maximumFractionDigits: 0 })} MB`;

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  return `${Math.floor(s / 60)} min ${(s % 60).toFixed(0).padStart(2, '0')} s`;
}

export const verdict = (ok: boolean): 'PASS' | 'MISS' => (ok ? 'PASS' : 'MISS');

/** A plain-text table with a header rule; columns are left-aligned, sized to their widest cell. */
export function renderTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (c ?? '').padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------- HTML: what a page loads

export interface ScriptTag {
  attrs: Record<string, string>;
  content: string;
}

/** Attributes of one start tag's attribute text, e.g. ` type="module" src=/a.js defer`. */
export function parseAttributes(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (const m of text.matchAll(re)) attrs[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  return attrs;
}

function decodeEntities(s: string): string {
  return s.replace(/&(amp|quot|#39|lt|gt);/g, (_, e: string) => ({ amp: '&', quot: '"', '#39': "'", lt: '<', gt: '>' })[e]!);
}

/** Drops comments so commented-out tags are not counted. */
const stripComments = (html: string) => html.replace(/<!--[\s\S]*?-->/g, '');

export function findScripts(html: string): ScriptTag[] {
  const out: ScriptTag[] = [];
  for (const m of stripComments(html).matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    out.push({ attrs: parseAttributes(m[1]), content: m[2] });
  }
  return out;
}

/** Whether a `<script type>` is executed as JavaScript (so not JSON-LD, import maps, templates…). */
export function isJavaScriptType(type: string | undefined): boolean {
  const t = (type ?? '').trim().toLowerCase();
  return t === '' || t === 'module' || t === 'text/javascript' || t === 'application/javascript';
}

export function findInlineStyles(html: string): string[] {
  return [...stripComments(html).matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)].map((m) => m[1]);
}

/** `href`s of `<link>` tags whose `rel` contains one of `rels`. */
export function findLinks(html: string, rels: string[]): string[] {
  const out: string[] = [];
  for (const m of stripComments(html).matchAll(/<link\b([^>]*)>/gi)) {
    const attrs = parseAttributes(m[1]);
    const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/);
    if (attrs.href && rels.some((r) => rel.includes(r))) out.push(attrs.href);
  }
  return out;
}

/** Module URLs that Astro islands load when they hydrate. */
export function findIslandModules(html: string): string[] {
  const out: string[] = [];
  for (const m of stripComments(html).matchAll(/<astro-island\b([^>]*)>/gi)) {
    const attrs = parseAttributes(m[1]);
    for (const name of ['component-url', 'renderer-url', 'before-hydration-url']) if (attrs[name]) out.push(attrs[name]);
  }
  return out;
}

/** Specifiers a module loads before it runs: static `import`/`export … from`, never `import()`. */
export async function staticImports(code: string): Promise<string[]> {
  await initLexer;
  const [imports] = parseModule(code);
  return imports.filter((i) => i.d === -1 && i.n !== undefined).map((i) => i.n!);
}

/** Pagefind loads only once search opens; it is not part of a page's first load. */
export const isPagefindUrl = (path: string) => path.startsWith('/pagefind/');

/** The file that serves a same-origin URL path in a static build (`/x/` → `x/index.html`). */
export function urlToFile(clientDir: string, urlPath: string): string {
  const path = decodeURIComponent(urlPath.split(/[?#]/)[0]);
  const rel = normalize(path).replace(/^([/\\])+/, '');
  if (rel.startsWith('..')) throw new Error(`path escapes the build: ${urlPath}`);
  const file = join(clientDir, rel);
  if (path.endsWith('/')) return join(file, 'index.html');
  if (!extname(path) && existsSync(join(file, 'index.html'))) return join(file, 'index.html');
  return file;
}

export interface Asset {
  /** URL path, or "(inline: N)" for the page's own `<script>`/`<style>` blocks. */
  source: string;
  bytes: number;
  gzip: number;
}

export interface PageWeight {
  url: string;
  file: string;
  html: Asset;
  css: Asset[];
  js: Asset[];
  cssGzip: number;
  jsGzip: number;
  /** Scripts or imports the page names but that are not in the build (or not same-origin). */
  missing: string[];
}

/**
 * What a built page loads before the reader uses search, computed from files:
 * the HTML; inline `<style>` and stylesheets; inline JS, `<script src>`, module preloads and island
 * modules plus their static import chains, minus Pagefind. Inline blocks are also part of the HTML figure.
 */
export async function measurePage(clientDir: string, urlPath: string): Promise<PageWeight> {
  const file = urlToFile(clientDir, urlPath);
  const html = await readFile(file, 'utf8');
  const missing: string[] = [];
  const origin = 'http://page.invalid';
  const pageUrl = new URL(urlPath, origin);

  const inlineCss = findInlineStyles(html);
  const css: Asset[] = [];
  if (inlineCss.length) css.push(inlineAsset(`(inline: ${inlineCss.length} <style>)`, inlineCss));
  for (const href of findLinks(html, ['stylesheet'])) {
    const url = new URL(href, pageUrl);
    if (url.origin !== origin || !existsSync(urlToFile(clientDir, url.pathname))) missing.push(href);
    else css.push(await fileAsset(clientDir, url.pathname));
  }

  const scripts = findScripts(html).filter((s) => isJavaScriptType(s.attrs.type));
  const inlineJs = scripts.filter((s) => s.attrs.src === undefined).map((s) => s.content);
  const js: Asset[] = [];
  if (inlineJs.length) js.push(inlineAsset(`(inline: ${inlineJs.length} <script>)`, inlineJs));

  // Module graph: external entries plus whatever inline modules import statically.
  const queue: URL[] = [];
  for (const s of scripts) if (s.attrs.src !== undefined) queue.push(new URL(s.attrs.src, pageUrl));
  for (const s of scripts) {
    if (s.attrs.src === undefined && s.attrs.type === 'module') {
      for (const spec of await staticImports(s.content)) queue.push(new URL(spec, pageUrl));
    }
  }
  for (const href of [...findLinks(html, ['modulepreload']), ...findIslandModules(html)]) queue.push(new URL(href, pageUrl));

  const seen = new Set<string>();
  while (queue.length) {
    const url = queue.shift()!;
    if (url.origin !== origin) {
      missing.push(url.href);
      continue;
    }
    if (seen.has(url.pathname) || isPagefindUrl(url.pathname)) continue;
    seen.add(url.pathname);
    const path = urlToFile(clientDir, url.pathname);
    if (!existsSync(path)) {
      missing.push(url.pathname);
      continue;
    }
    js.push(await fileAsset(clientDir, url.pathname));
    for (const spec of await staticImports(await readFile(path, 'utf8'))) {
      if (/^[./]|^https?:/.test(spec)) queue.push(new URL(spec, url));
      else missing.push(`${spec} (bare specifier in ${url.pathname})`);
    }
  }

  const htmlBytes = Buffer.byteLength(html);
  return {
    url: urlPath,
    file,
    html: { source: urlPath, bytes: htmlBytes, gzip: gzipBytes(html) },
    css,
    js,
    cssGzip: css.reduce((sum, a) => sum + a.gzip, 0),
    jsGzip: js.reduce((sum, a) => sum + a.gzip, 0),
    missing,
  };
}

/** What a browser asks for: the server may pick either. */
export const SERVED_ENCODINGS = 'br, gzip';

export interface ServedWeight {
  html: number;
  css: number;
  js: number;
  /** The Content-Encoding of each response (identity when none), for the report. */
  encodings: Set<string>;
}

/**
 * Body bytes that the server at `origin` sends for a measured page, its stylesheets and its JS files when the
 * browser accepts Brotli and gzip: what a reader downloads (inline blocks are inside the HTML).
 */
export async function measureServed(origin: string, page: PageWeight): Promise<ServedWeight> {
  const encodings = new Set<string>();
  const served = async (path: string) => {
    const response = await rawRequest(`${origin}${path}`, { headers: { 'Accept-Encoding': SERVED_ENCODINGS } });
    if (response.status !== 200) throw new Error(`${path}: ${response.status} from ${origin}`);
    encodings.add(String(response.headers['content-encoding'] ?? 'identity'));
    return response.body.length;
  };
  const files = async (assets: Asset[]) => {
    let bytes = 0;
    for (const asset of assets) if (!asset.source.startsWith('(')) bytes += await served(asset.source);
    return bytes;
  };
  return { html: await served(page.url), css: await files(page.css), js: await files(page.js), encodings };
}

function inlineAsset(source: string, blocks: string[]): Asset {
  const text = blocks.join('\n');
  return { source, bytes: Buffer.byteLength(text), gzip: gzipBytes(text) };
}

async function fileAsset(clientDir: string, urlPath: string): Promise<Asset> {
  const data = await readFile(urlToFile(clientDir, urlPath));
  return { source: urlPath, bytes: data.length, gzip: gzipBytes(data) };
}

/** Total size of the files under a directory (recursive). */
export function directoryBytes(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

// ---------------------------------------------------------------- loopback static server

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};
/** Types a production server would gzip; Pagefind's own index files are gzip already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.xml', '.txt']);

export const BENCH_PORTS = { first: 4400, last: 4499 } as const;

export interface ServedResponse {
  path: string;
  status: number;
  /** Body bytes written to the socket (gzip-encoded where the response was). */
  bodyBytes: number;
  encoding: 'gzip' | 'identity';
}

export interface StaticServer {
  origin: string;
  /** Every response sent so far, in order; clear it with `served.length = 0`. */
  served: ServedResponse[];
  close(): Promise<void>;
}

/**
 * Serves `dir` on 127.0.0.1, on the first free port in 4400–4499, like a static host would:
 * `x/` → `x/index.html`, unknown paths → `404.html` with status 404, text gzip-encoded
 * (level {@link GZIP_LEVEL}) when the client accepts it, no caching.
 */
export async function serveStatic(dir: string): Promise<StaticServer> {
  const served: ServedResponse[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      let file: string;
      try {
        file = urlToFile(dir, url.pathname);
      } catch {
        res.writeHead(400).end();
        return;
      }
      let status = 200;
      if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
        status = 404;
        file = join(dir, '404.html');
        if (!existsSync(file)) {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
          return;
        }
      }
      const ext = extname(file).toLowerCase();
      let body: Buffer = await readFile(file);
      const headers: Record<string, string> = {
        'content-type': MIME[ext] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      };
      if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        body = gzipSync(body, { level: GZIP_LEVEL });
        headers['content-encoding'] = 'gzip';
        headers.vary = 'Accept-Encoding';
      }
      headers['content-length'] = String(body.length);
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
      served.push({
        path: url.pathname,
        status,
        bodyBytes: req.method === 'HEAD' ? 0 : body.length,
        encoding: headers['content-encoding'] === 'gzip' ? 'gzip' : 'identity',
      });
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });
  for (let port = BENCH_PORTS.first; port <= BENCH_PORTS.last; port++) {
    if (await listen(server, port)) {
      return {
        origin: `http://127.0.0.1:${port}`,
        served,
        close: () =>
          new Promise<void>((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
          }),
      };
    }
  }
  throw new Error(`no free port on 127.0.0.1 in ${BENCH_PORTS.first}–${BENCH_PORTS.last}`);
}

function listen(server: Server, port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(false);
      else reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(true);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}

// ---------------------------------------------------------------- Chromium

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export const chromiumAvailable = () => existsSync(CHROMIUM_PATH);

export async function launchChromium(): Promise<import('playwright-core').Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface RecordedRequest {
  url: string;
  path: string;
  resourceType: string;
  status: number;
  /** Response body bytes as transferred (after Content-Encoding); Chromium reports 0 for worker scripts. */
  encodedBodyBytes: number;
  headerBytes: number;
  failed: boolean;
}

/**
 * Opens `url` in a fresh context (empty cache) and records every request the page and its workers
 * make until `ready(page)` resolves and the network has been idle.
 */
export async function recordRequests(
  browser: import('playwright-core').Browser,
  url: string,
  ready: (page: import('playwright-core').Page) => Promise<void> = async () => {},
): Promise<RecordedRequest[]> {
  const context = await browser.newContext();
  const pending: Promise<RecordedRequest>[] = [];
  const record = (request: import('playwright-core').Request, failed: boolean) => {
    pending.push(
      (async () => {
        const response = failed ? null : await request.response();
        const sizes = failed ? null : await request.sizes();
        return {
          url: request.url(),
          path: new URL(request.url()).pathname,
          resourceType: request.resourceType(),
          status: response?.status() ?? 0,
          encodedBodyBytes: sizes?.responseBodySize ?? 0,
          headerBytes: sizes?.responseHeadersSize ?? 0,
          failed,
        };
      })(),
    );
  };
  context.on('requestfinished', (r) => record(r, false));
  context.on('requestfailed', (r) => record(r, true));
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await ready(page);
    await page.waitForLoadState('networkidle');
    return await Promise.all(pending);
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- peak memory of a process tree

/** Parent pid of every process, from /proc/<pid>/stat (field 4, after the parenthesised name). */
function parentsByPid(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(name), ppid);
    } catch {
      // the process ended between readdir and read
    }
  }
  return parents;
}

export function descendantsOf(root: number, parents: Map<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const out: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** A short name from the command line: `time`, `node astro.mjs`, `pagefind_extended`… */
function processName(pid: number): string | undefined {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    if (!argv.length) return undefined;
    const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);
    const first = base(argv[0]);
    // A node process is named by its script, past any V8 flags.
    const script = argv.slice(1).find((arg) => !arg.startsWith('-'));
    return first === 'node' && script ? `node ${base(script)}` : first;
  } catch {
    return undefined;
  }
}

/** VmRSS and VmHWM (peak RSS) of one process, in bytes, from /proc/<pid>/status. */
function memoryOf(pid: number): { name: string; rss: number; hwm: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { name: processName(pid) ?? /^Name:\s*(.*)$/m.exec(status)?.[1] ?? '?', rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

export interface TreeMemory {
  /** Highest sum of VmRSS over the whole tree seen in one sample. */
  peakTreeRss: number;
  /** Highest VmHWM of any single process in the tree (the kernel's own peak for that process). */
  peakSingleHwm: number;
  /** Largest number of processes seen in the tree at once. */
  peakProcesses: number;
  samples: number;
  /** Current tree RSS (last sample). */
  currentTreeRss: number;
  /** Every process seen in the tree, with its own peak (VmHWM), largest first. */
  processes: { pid: number; name: string; hwm: number }[];
}

/**
 * Samples the RSS of `rootPid` and all its descendants every `intervalMs` (Linux /proc).
 * The tree sum is what the machine must hold at once; a spike shorter than the interval can be
 * missed, so callers also read the kernel's per-process peak (VmHWM, or GNU time's max RSS).
 */
export function sampleTreeMemory(rootPid: number, intervalMs = 100): { current(): TreeMemory; stop(): TreeMemory } {
  const state: TreeMemory = { peakTreeRss: 0, peakSingleHwm: 0, peakProcesses: 0, samples: 0, currentTreeRss: 0, processes: [] };
  const seen = new Map<number, { pid: number; name: string; hwm: number }>();
  const tick = () => {
    const pids = descendantsOf(rootPid, parentsByPid());
    let sum = 0;
    let alive = 0;
    for (const pid of pids) {
      const mem = memoryOf(pid);
      if (!mem) continue;
      alive++;
      sum += mem.rss;
      state.peakSingleHwm = Math.max(state.peakSingleHwm, mem.hwm);
      const known = seen.get(pid);
      if (known) known.hwm = Math.max(known.hwm, mem.hwm);
      else seen.set(pid, { pid, name: mem.name, hwm: mem.hwm });
    }
    state.samples++;
    state.currentTreeRss = sum;
    state.peakTreeRss = Math.max(state.peakTreeRss, sum);
    state.peakProcesses = Math.max(state.peakProcesses, alive);
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  const snapshot = () => ({ ...state, processes: [...seen.values()].map((p) => ({ ...p })).sort((a, b) => b.hwm - a.hwm) });
  return {
    current: snapshot,
    stop: () => {
      clearInterval(timer);
      return snapshot();
    },
  };
}

export interface GnuTimeReport {
  /** "Maximum resident set size": the largest peak RSS of any single process waited for, in bytes. */
  maxRssBytes: number;
  /** User plus system CPU seconds of the whole tree (less sensitive than wall time to other load). */
  cpuSeconds: number;
  elapsed: string;
  exitStatus: number;
}

/** Parses the `-v` report that GNU time writes (here to a file with `-o`). */
export function parseGnuTime(text: string): GnuTimeReport | undefined {
  const rss = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(text);
  if (!rss) return undefined;
  const elapsed = /Elapsed \(wall clock\) time \([^)]*\):\s*(\S+)/.exec(text)?.[1] ?? '';
  const exit = /Exit status:\s*(\d+)/.exec(text);
  const seconds = (label: string) => Number(new RegExp(`${label} time \\(seconds\\):\\s*([\\d.]+)`).exec(text)?.[1] ?? 0);
  return {
    maxRssBytes: Number(rss[1]) * 1024,
    cpuSeconds: seconds('User') + seconds('System'),
    elapsed,
    exitStatus: exit ? Number(exit[1]) : 0,
  };
}
