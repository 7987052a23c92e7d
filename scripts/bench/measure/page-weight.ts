// What a built page makes a reader download before they use search, computed from the files of the build.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { init as initLexer, parse as parseModule } from 'es-module-lexer';
import { findInlineStyles, findIslandModules, findLinks, findScripts, isJavaScriptType } from './html-tags.ts';
import { gzipBytes } from './sizes.ts';
import { urlToFile } from './static-server.ts';

/** Specifiers a module loads before it runs: static `import`/`export … from`, never `import()`. */
export async function staticImports(code: string): Promise<string[]> {
  await initLexer;
  const [imports] = parseModule(code);
  return imports.filter((i) => i.d === -1 && i.n !== undefined).map((i) => i.n!);
}

/** Pagefind loads only once search opens; it is not part of a page's first load. */
export const isPagefindUrl = (path: string) => path.startsWith('/pagefind/');

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
 * What a built page loads before the reader uses search, computed from files (or, for an on-demand page, from the
 * HTML the server rendered):
 * the HTML; inline `<style>` and stylesheets; inline JS, `<script src>`, module preloads and island
 * modules plus their static import chains, minus Pagefind. Inline blocks are also part of the HTML figure.
 */
export async function measurePage(clientDir: string, urlPath: string, rendered?: string): Promise<PageWeight> {
  // A page rendered on demand has no file: its HTML comes from the server.
  const file = rendered === undefined ? urlToFile(clientDir, urlPath) : '(rendered on demand)';
  const html = rendered ?? (await readFile(file, 'utf8'));
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

function inlineAsset(source: string, blocks: string[]): Asset {
  const text = blocks.join('\n');
  return { source, bytes: Buffer.byteLength(text), gzip: gzipBytes(text) };
}

async function fileAsset(clientDir: string, urlPath: string): Promise<Asset> {
  const data = await readFile(urlToFile(clientDir, urlPath));
  return { source: urlPath, bytes: data.length, gzip: gzipBytes(data) };
}
