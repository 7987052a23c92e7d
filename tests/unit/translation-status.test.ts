import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../harness/project-copy.ts';
import { outdatedTranslations } from '../../src/lib/translation-status.ts';
import { workQueue } from '../../src/server/queue/work-queue.ts';

describe('out-of-date translations', () => {
  it('are those whose source was updated after them', () => {
    const sources = [
      { slug: 'a', file: 'content/articles/x/a.mdx', updated: '2026-11-02T00:00:00.000Z' },
      { slug: 'b', file: 'content/articles/x/b.mdx', updated: '2026-10-01' },
    ];
    const translations = [
      { lang: 'es', slug: 'a', file: 'content/es/articles/x/a.mdx', updated: '2026-10-14' },
      { lang: 'es', slug: 'b', file: 'content/es/articles/x/b.mdx', updated: '2026-10-01' },
    ];
    expect(outdatedTranslations(sources, translations)).toEqual([
      {
        lang: 'es',
        slug: 'a',
        file: 'content/es/articles/x/a.mdx',
        updated: '2026-10-14',
        source: { file: 'content/articles/x/a.mdx', updated: '2026-11-02' },
      },
    ]);
  });

  it('npm run check:content warns with the file and line of the translation', () => {
    const dir = mkdtempSync(join(tmpdir(), 'content-'));
    try {
      cpSync(join(projectRoot, 'content'), dir, { recursive: true });
      const file = join(dir, 'es/articles/account-access/forgot-password.mdx');
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.replace(/^updated: .*$/m, 'updated: 2020-01-01'));
      const line = text.slice(0, text.search(/^updated:/m)).split('\n').length;
      const run = spawnSync(process.execPath, ['scripts/check-content.ts', dir], { cwd: projectRoot, encoding: 'utf8' });
      expect(run.status).toBe(0);
      expect(run.stderr).toMatch(
        new RegExp(
          `es/articles/account-access/forgot-password\\.mdx:${line}: translation out of date: \\S*/articles/account-access/forgot-password\\.mdx was updated \\d{4}-\\d{2}-\\d{2}, this translation 2020-01-01`,
        ),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('are listed in the staff work queue, with the file to edit', () => {
    const items = workQueue({
      articles: [],
      previousArticles: [],
      noResults: [],
      unopened: [],
      flows: [],
      catalogue: [],
      now: new Date('2026-11-10'),
      outdatedTranslations: [
        {
          lang: 'es',
          slug: 'a',
          title: 'Olvidé',
          file: 'content/es/articles/x/a.mdx',
          updated: '2026-10-14',
          source: { updated: '2026-11-02' },
        },
      ],
    });
    expect(items).toEqual([
      {
        key: 'translation-outdated:es/a:2026-11-02',
        kind: 'translation-outdated',
        title: 'Olvidé',
        why: 'the source was updated 2026-11-02, this translation (es) 2026-10-14',
        file: 'content/es/articles/x/a.mdx',
        weight: 0,
      },
    ]);
  });
});
