// `npm start`: builds when dist/ is missing, older than the sources or made for another SITE_URL, then serves.
import { spawnSync } from 'node:child_process';
import { buildIsStale } from '../src/server/build-freshness.ts';

const root = new URL('..', import.meta.url).pathname;
const stale = buildIsStale(root, process.env.CONTENT_DIR ?? 'content', process.env.SITE_URL);
if (stale) {
  console.log(`Building the help center (${stale})…`);
  const build = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('The build failed; fix the error above and run `npm start` again.');
    process.exit(build.status ?? 1);
  }
}
await import('./serve.ts');
