// `npm run build`: the message keys are checked, then Astro writes the site to dist/, then Pagefind indexes the
// pages, then the files are precompressed and dist/delivery.json written (what the server needs: SITE_URL, page
// policies, precompressed copies). The index is made here, after Astro's process has exited, rather than in an
// Astro hook: Astro still holds the memory of bundling every article then, and the two together would set the
// build's peak.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { messageCheckReport } from '../src/i18n/key-check.ts';
import { contentDir } from '../src/lib/content-dir.ts';
import { buildSearchIndexes } from '../src/search/build-index.ts';
import { defaultLanguage } from '../src/i18n/languages.ts';
import { readAllSynonymsFiles } from '../src/search/synonyms-file.ts';
import type { SynonymGroups } from '../src/search/synonyms.ts';
import { sourceFiles, sourceListDigest } from '../src/server/build-freshness.ts';
import { siteUrlSetting, writeDeliveryManifest } from '../src/server/http/delivery-manifest.ts';
import { site } from '../src/site.config.ts';
import { pagePolicies } from './build/page-policies.ts';
import { writePicturesApart } from './build/og-images.ts';
import { brandContrastProblems, themeSurfaces } from '../src/brand/contrast.ts';
import { precompress } from './build/precompress.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
// Listed before building, so a file added while the build runs makes the next `npm start` build again.
const sources = sourceListDigest(sourceFiles(root, process.env.CONTENT_DIR ?? 'content'));
// Before Astro: it would only meet an unknown key on a prerendered page, never on an on-demand one.
const messages = messageCheckReport(root);
if (messages.errors.length) {
  for (const line of messages.errors) console.error(line);
  console.error('The build stopped: fix the message keys above (content/messages/en.json, docs/messages.md).');
  process.exit(1);
}
// The brand colours against the theme's backgrounds (WCAG AA), before minutes of building.
const surfaces = themeSurfaces(readFileSync(`${root}src/styles/global.css`, 'utf8'));
const contrast = brandContrastProblems(site.brand.colors, surfaces);
if (contrast.length) {
  for (const line of contrast) console.error(line);
  console.error('The build stopped: pick brand colours with enough contrast (src/site.config.ts, brand.colors).');
  process.exit(1);
}
// Before Astro starts, so a broken synonyms file is one line naming file and line, not a failure deep in a page.
let synonyms: Map<string, SynonymGroups>;
try {
  synonyms = readAllSynonymsFiles(contentDir, defaultLanguage.code);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
// The bundler (rolldown) allocates with mimalloc, which by default keeps freed pages a while for reuse; handing
// them back at once lowers the build's peak (about 180 MB of 1.5 GB at 2,000 articles, no slower; bench:build).
// Prerendering makes a page's worth of garbage per article, and V8 by default lets the heap grow to several times
// what is live before collecting: growing it by at most half keeps 2,000 articles about 140 MB lower, ~4% slower.
const astro = spawnSync(process.execPath, ['--heap-growing-percent=50', 'node_modules/astro/bin/astro.mjs', 'build'], {
  cwd: root,
  stdio: 'inherit',
  env: { MIMALLOC_PURGE_DELAY: '0', ...process.env },
});
if (astro.status !== 0) process.exit(astro.status ?? 1);

const clientDir = `${root}dist/client`;
try {
  // One language after another, each in a Pagefind process of its own (build-index.ts).
  for (const { language, pages, ms } of await buildSearchIndexes(clientDir, (language) => synonyms.get(language) ?? [])) {
    console.log(`[search] indexed ${pages} pages in ${language} in ${ms} ms`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

const drawing = Date.now();
try {
  const { pictures, drawn } = await writePicturesApart(clientDir, `${root}.astro/cache/og`, site.baseUrl, {
    siteName: site.helpCenterName,
    logoSvg: readFileSync(`${root}public${site.brand.logo.light}`),
    accent: site.brand.colors.accent.light,
    background: surfaces.light.bg,
  });
  console.log(`[pictures] ${pictures} Open Graph images and icons (${drawn} drawn, the rest from the cache) in ${Date.now() - drawing} ms`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

const compressing = Date.now();
const encodings = await precompress(clientDir);
console.log(`[compress] wrote Brotli and gzip copies of ${Object.keys(encodings).length} files in ${Date.now() - compressing} ms`);
// Last, so a build that stopped part way has no manifest and counts as no build (src/server/build-freshness.ts).
writeDeliveryManifest(root, {
  siteUrl: siteUrlSetting(process.env.SITE_URL),
  pagePolicies: pagePolicies(clientDir),
  encodings,
  sources,
});
