// The help center for assistants: /llms.txt, /llms-full.txt and /articles/<slug>.md, against the rendered pages.
import { parse } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { markdownToText } from '../../src/lib/markdown/text.ts';
import { readArticleSources } from '../support/content.ts';

const baseUrl = inject('baseUrl');
const published = readArticleSources().filter((a) => !a.draft);
/** Each language's published articles at their prefix: the source's, and the translations' under /es/. */
const languages = [
  { prefix: '', articles: published },
  { prefix: '/es', articles: readArticleSources('es').filter((a) => !a.draft) },
];

/** Text as a reader compares it: list numbers and bullets left out, any run of white space one space. */
const comparable = (text: string) =>
  text
    .replace(/^\s*(?:\d+\.|-)\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();

async function get(path: string, init?: RequestInit): Promise<Response> {
  return fetch(new URL(path, baseUrl), init);
}

describe('machine-readable pages', () => {
  it.each(languages)(
    'hold the text of every step and every browser tab of each rendered article (at "$prefix/")',
    async ({ prefix, articles }) => {
      expect(articles.length).toBeGreaterThan(0);
      const missing: string[] = [];
      for (const { slug } of articles) {
        const [html, markdown] = await Promise.all([get(`${prefix}/articles/${slug}/`), get(`${prefix}/articles/${slug}.md`)]);
        expect(markdown.status, slug).toBe(200);
        expect(markdown.headers.get('content-type'), slug).toMatch(/^text\/markdown/);
        const text = comparable(markdownToText(await markdown.text()));
        const page = parse(await html.text());
        const parts = page.querySelectorAll('.content .steps li, .content .browser-panel');
        for (const part of parts) {
          const shown = comparable(part.structuredText);
          if (!text.includes(shown)) missing.push(`${slug}: "${shown}"`);
        }
      }
      expect(missing).toEqual([]);
    },
  );

  it('hold steps and browser tabs at all (the check above is not empty)', async () => {
    const page = parse(await (await get('/articles/clear-cache-and-cookies/')).text());
    expect(page.querySelectorAll('.content .browser-panel').length).toBeGreaterThan(1);
    expect(page.querySelectorAll('.content .steps li').length).toBeGreaterThan(1);
  });

  it.each(languages)(
    'use absolute links and plain Markdown: no components, no site-relative links (at "$prefix/")',
    async ({ prefix, articles }) => {
      for (const { slug } of articles) {
        const markdown = await (await get(`${prefix}/articles/${slug}.md`)).text();
        expect(markdown, slug).not.toMatch(/\]\(\/(?!\/)/);
        expect(markdown, slug).not.toMatch(/<(?:Steps|Callout|Browser|BrowserTabs|Kbd|TroubleshooterLink)\b/);
        expect(markdown.startsWith(`# `), slug).toBe(true);
      }
    },
  );

  it('llms.txt lists exactly the published articles, each linking to its Markdown', async () => {
    const response = await get('/llms.txt');
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const index = await response.text();
    expect(index).toMatch(/^# .+\n\n> .+/);
    const listed = [...index.matchAll(/^- \[[^\]]+\]\(https?:\/\/[^)]+\/articles\/([a-z0-9-]+)\.md\): \S/gm)].map((m) => m[1]);
    expect(listed.toSorted()).toEqual(published.map((a) => a.slug).toSorted());
  });

  it('llms-full.txt holds every published article’s Markdown', async () => {
    const full = await (await get('/llms-full.txt')).text();
    for (const { slug } of published) expect(full, slug).toContain(await (await get(`/articles/${slug}.md`)).text());
  });

  it.each(languages)('old slugs redirect for the Markdown too (at "$prefix/")', async ({ prefix, articles }) => {
    // Old slugs belong to the source article; a translation answers to them under its own prefix.
    const present = new Set(articles.map((a) => a.slug));
    const aliased = published.filter((a) => a.aliases.length && present.has(a.slug));
    expect(aliased.length).toBeGreaterThan(0);
    for (const { slug, aliases } of aliased) {
      for (const alias of aliases) {
        const md = await get(`${prefix}/articles/${alias}.md`, { redirect: 'manual' });
        expect(md.status, alias).toBe(301);
        expect(new URL(md.headers.get('location')!, baseUrl).pathname).toBe(`${prefix}/articles/${slug}.md`);
        const page = await get(`${prefix}/articles/${alias}/`, { redirect: 'manual' });
        expect(new URL(page.headers.get('location')!, baseUrl).pathname).toBe(`${prefix}/articles/${slug}/`);
      }
    }
    expect((await get(`${prefix}/articles/no-such-article.md`, { redirect: 'manual' })).status).toBe(404);
  });

  it('each article page points to its Markdown', async () => {
    for (const { slug } of published) {
      const page = parse(await (await get(`/articles/${slug}/`)).text());
      expect(page.querySelector('link[rel="alternate"][type="text/markdown"]')?.getAttribute('href'), slug).toBe(`/articles/${slug}.md`);
    }
  });
});
