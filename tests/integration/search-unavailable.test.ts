// The search index is missing or broken (a build that stopped part way, files deleted): search says so with a 503
// a person can read, the server keeps running and serving articles, and a repaired index is used without a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject, projectRoot } from '../../harness/project-copy.ts';
import { startServer, type ServerProcess } from '../../harness/server-process.ts';
import { KNOWN_ARTICLE } from '../support/site.ts';

let project: ReturnType<typeof copyProject>;
let server: ServerProcess;
let bundle: string;

beforeAll(async () => {
  // A copy of this build (made by the test setup) whose index the tests can break.
  project = copyProject();
  cpSync(join(projectRoot, 'dist'), join(project.dir, 'dist'), { recursive: true });
  // The default language's bundle, which /search/ reads.
  bundle = join(project.dir, 'dist', 'client', 'pagefind', 'en');
  renameSync(bundle, `${bundle}-away`);
  server = await startServer({ root: project.dir });
});
afterAll(async () => {
  await server?.stop();
  project?.remove();
});

const search = (query: string) => fetch(`${server.url}/search/?q=${encodeURIComponent(query)}`);
const text = async (response: Response) => (await response.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('search without a usable index', () => {
  it('answers 503 with a message and the search form, and keeps serving articles', async () => {
    const response = await search('password');
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('60');
    const page = await text(response);
    expect(page).toContain('Search is not available at the moment');
    expect(page).not.toContain('pagefind');
    expect((await fetch(`${server.url}${KNOWN_ARTICLE.path}`)).status).toBe(200);
    expect(server.output()).toMatch(/search unavailable: The search index has no entry file/);
  });

  it('answers 503 for a damaged index too, and the server is still up', async () => {
    cpSync(`${bundle}-away`, bundle, { recursive: true });
    writeFileSync(join(bundle, 'wasm.en.pagefind'), 'not WebAssembly');
    expect((await search('password')).status).toBe(503);
    expect(server.child.exitCode).toBeNull();
    expect((await fetch(`${server.url}/`)).status).toBe(200);
  });

  it('finds again once the index is repaired, without a restart', async () => {
    cpSync(join(`${bundle}-away`, 'wasm.en.pagefind'), join(bundle, 'wasm.en.pagefind'));
    const response = await search('maiden name');
    expect(response.status).toBe(200);
    expect(await text(response)).toContain(KNOWN_ARTICLE.title);
  });
});
