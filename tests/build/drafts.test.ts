import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { freeLoopbackPort } from '../../harness/free-port.ts';
import { astroBin, copyProject, userEnv } from '../../harness/project-copy.ts';

const DRAFT = `---
title: Notification digests, coming soon
description: A draft article that must stay out of the built help center.
category: profile-settings
updated: 2026-11-01
draft: true
keywords: [zebrafinch]
---

## Will readers see this?

Not until the draft flag is removed.
`;

describe('draft articles', () => {
  let project: ReturnType<typeof copyProject>;
  beforeAll(() => {
    project = copyProject();
    writeFileSync(join(project.dir, 'content/articles/profile-settings/draft-digests.mdx'), DRAFT);
  });
  afterAll(() => project?.remove());

  it('stay out of the built pages, the sitemap and the search index', () => {
    const build = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: project.dir, encoding: 'utf8', env: userEnv() });
    expect(build.status, build.stderr).toBe(0);
    const client = join(project.dir, 'dist/client');
    expect(existsSync(join(client, 'articles/draft-digests'))).toBe(false);
    expect(existsSync(join(client, 'articles/forgot-password/index.html'))).toBe(true);
    expect(readFileSync(join(client, 'sitemap.xml'), 'utf8')).not.toContain('draft-digests');
    expect(existsSync(join(client, 'articles/draft-digests.md'))).toBe(false);
    expect(existsSync(join(client, 'articles/forgot-password.md'))).toBe(true);
    for (const file of ['llms.txt', 'llms-full.txt']) {
      const text = readFileSync(join(client, file), 'utf8');
      expect(text, file).toContain('/articles/forgot-password');
      expect(text, file).not.toContain('draft-digests');
      expect(text, file).not.toContain('zebrafinch');
    }
    expect(readFileSync(join(client, 'categories/profile-settings/index.html'), 'utf8')).not.toContain('draft-digests');
    const fragments = readdirSync(join(client, 'pagefind/en/fragment')).map((f) =>
      gunzipSync(readFileSync(join(client, 'pagefind/en/fragment', f))).toString(),
    );
    expect(fragments.some((text) => text.includes('forgot'))).toBe(true);
    expect(fragments.some((text) => text.includes('zebrafinch'))).toBe(false);
  });

  it('show in `astro dev` with a Draft badge, for editors to preview', async () => {
    const port = await freeLoopbackPort();
    const dev = spawn(process.execPath, [astroBin, 'dev', '--port', String(port), '--host', '127.0.0.1'], {
      cwd: project.dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: userEnv(),
    });
    let log = '';
    for (const stream of [dev.stdout, dev.stderr]) stream.on('data', (chunk: Buffer) => (log += chunk.toString()));
    try {
      let html = '';
      for (let i = 0; i < 120 && !html; i++) {
        await new Promise((r) => setTimeout(r, 500));
        html = await fetch(`http://127.0.0.1:${port}/articles/draft-digests/`)
          .then((r) => (r.ok ? r.text() : ''))
          .catch(() => '');
      }
      expect(html, log).toContain('Notification digests, coming soon');
      expect(html).toMatch(/<span class="badge"[^>]*>Draft<\/span>/);
    } finally {
      dev.kill('SIGTERM');
    }
  });
});
