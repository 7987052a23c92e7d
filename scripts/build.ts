// `npm run build`: the checks that fail fast (build/preflight.ts), then Astro writes the site to dist/, then the
// steps after it (build/after-astro.ts): Pagefind indexes the pages, the pictures are drawn, the files precompressed
// and dist/delivery.json written (what the server needs: SITE_URL, page policies, precompressed copies). Each runs
// in a process of its own, one after another, rather than in Astro's hooks: Astro still holds the memory of
// prerendering every page then, and the two together would set the build's peak.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runJobApart } from '../src/lib/process-job.ts';
import { sourceFiles, sourceListDigest } from '../src/server/build-freshness.ts';
import type { PreflightJob } from './build/preflight.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
// Listed before building, so a file added while the build runs makes the next `npm start` build again.
const sources = sourceListDigest(sourceFiles(root, process.env.CONTENT_DIR ?? 'content'));
const preflight: PreflightJob = { root };
const problems = await runJobApart<string[]>(
  fileURLToPath(new URL('./build/preflight.ts', import.meta.url)),
  preflight,
  'the checks before the build',
);
if (problems.length) {
  for (const line of problems) console.error(line);
  process.exit(1);
}
// The bundler (rolldown) allocates with mimalloc, which by default keeps freed pages a while for reuse; handing
// them back at once lowers the build's peak (about 180 MB of 1.5 GB at 2,000 articles, no slower; bench:build).
// Prerendering makes a page's worth of garbage per article, and V8 by default lets the heap grow to several times
// what is live before collecting: growing it by at most a quarter kept 10,000 pages (5,000 articles in two
// languages) about 150 MB lower than growing it by half, which kept 2,000 articles 140 MB below the default.
const astro = spawnSync(process.execPath, ['--heap-growing-percent=25', 'node_modules/astro/bin/astro.mjs', 'build'], {
  cwd: root,
  stdio: 'inherit',
  env: { MIMALLOC_PURGE_DELAY: '0', ...process.env },
});
if (astro.status !== 0) process.exit(astro.status ?? 1);

// Loaded only now, so that while Astro runs this process holds next to nothing (preflight.ts).
const { finishBuild } = await import('./build/after-astro.ts');
await finishBuild(root, sources);
