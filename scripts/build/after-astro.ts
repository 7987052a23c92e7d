// The build's steps after Astro has written the pages (scripts/build.ts loads this once Astro's process has exited):
// the search index, the pictures, the precompressed copies, then dist/delivery.json. Each step that holds much
// memory runs in a process of its own, one after another, so the build's peak is the largest step's, not their sum.
import { readFileSync } from 'node:fs';
import { themeSurfaces } from '../../src/brand/contrast.ts';
import { defaultLanguage } from '../../src/i18n/languages.ts';
import { contentDir } from '../../src/lib/content-dir.ts';
import { buildSearchIndexes } from '../../src/search/build-index.ts';
import { readAllSynonymsFiles } from '../../src/search/synonyms-file.ts';
import { siteUrlSetting, writeDeliveryManifest } from '../../src/server/http/delivery-manifest.ts';
import { site } from '../../src/site.config.ts';
import { writePicturesApart } from './og-images.ts';
import { pagePolicies } from './page-policies.ts';
import { precompress } from './precompress.ts';

/** Finishes the build in `root`; `sources` is the digest of the source files listed before Astro started. */
export async function finishBuild(root: string, sources: string): Promise<void> {
  const clientDir = `${root}dist/client`;
  try {
    // Checked by preflight.ts before Astro started.
    const synonyms = readAllSynonymsFiles(contentDir, defaultLanguage.code);
    // One language after another, each in a Pagefind process of its own (build-index.ts).
    for (const { language, pages, ms } of await buildSearchIndexes(clientDir, (language) => synonyms.get(language) ?? [])) {
      console.log(`[search] indexed ${pages} pages in ${language} in ${ms} ms`);
    }
    const drawing = Date.now();
    const surfaces = themeSurfaces(readFileSync(`${root}src/styles/global.css`, 'utf8'));
    const { pictures, drawn } = await writePicturesApart(clientDir, `${root}.astro/cache/og`, site.baseUrl, {
      siteName: site.helpCenterName,
      logoSvg: readFileSync(`${root}public${site.brand.logo.light}`),
      accent: site.brand.colors.accent.light,
      background: surfaces.light.bg,
    });
    console.log(
      `[pictures] ${pictures} Open Graph images and icons (${drawn} drawn, the rest from the cache) in ${Date.now() - drawing} ms`,
    );
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
}
