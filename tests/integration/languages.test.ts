import { describe, expect, inject, test } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { projectRoot } from '../../harness/project-copy.ts';
import { siteText } from '../../src/i18n/site-text.ts';

const get = (path: string, init?: RequestInit) => fetch(new URL(path, inject('baseUrl')), init);

// Search engines only trust hreflang pairs that point at each other: every page a page names must name it back.
describe('languages in the built pages', () => {
  test('every page of the sitemap lists its language versions, and each of them lists it back', async () => {
    const sitemap = await (await get('/sitemap.xml')).text();
    const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(urls.some((u) => new URL(u).pathname.startsWith('/es/articles/'))).toBe(true);
    const alternates = new Map<string, Map<string, string>>();
    const read = async (url: string) => {
      if (alternates.has(url)) return alternates.get(url)!;
      const html = parse(await (await get(new URL(url).pathname)).text());
      const links = new Map(
        html.querySelectorAll('link[rel="alternate"][hreflang]').map((l) => [l.getAttribute('hreflang')!, l.getAttribute('href')!]),
      );
      alternates.set(url, links);
      return links;
    };
    const problems: string[] = [];
    let pairs = 0;
    for (const url of urls) {
      const links = await read(url);
      if (links.size === 0) continue;
      if (![...links.values()].includes(url)) problems.push(`${url} does not list itself`);
      if (!links.has('x-default')) problems.push(`${url} has no x-default`);
      for (const [lang, other] of links) {
        if (lang === 'x-default' || other === url) continue;
        pairs++;
        if (![...(await read(other)).values()].includes(url)) problems.push(`${other} (${lang}) does not list ${url} back`);
      }
    }
    expect(problems).toEqual([]);
    expect(pairs).toBeGreaterThan(0);
  });

  test('Spanish pages name the help center, its hours and the request topics in Spanish; English ones as before', async () => {
    const page = async (path: string) => parse(await (await get(path)).text());
    const spanish = await page('/es/contact/');
    expect(spanish.querySelector('header')!.textContent).toContain('Centro de ayuda de Loomwork');
    expect(spanish.querySelector('title')!.textContent).toMatch(/\| Centro de ayuda de Loomwork$/);
    const topics = (html: ReturnType<typeof parse>) =>
      html.querySelectorAll('input[name="topic"]').map((input) => html.querySelector(`label[for="${input.id}"]`)?.textContent.trim());
    expect(topics(spanish)).toContain('Restablecer la contraseña');
    expect(topics(spanish)).not.toContain('Password reset');
    expect(spanish.querySelector('footer')!.textContent).toContain('De lunes a viernes, de 08:00 a 20:00 (UTC)');
    expect((await page('/es/troubleshoot/login/')).querySelector('header')!.textContent).toContain('Centro de ayuda de Loomwork');

    const english = await page('/contact/');
    expect(english.querySelector('header')!.textContent).toContain('Loomwork Help Center');
    expect(topics(english)).toContain('Password reset');
    expect(english.querySelector('footer')!.textContent).toContain('Monday to Friday, 08:00–20:00 UTC');
  });

  test('a language prefix that is not configured is not found', async () => {
    expect((await get('/xx/contact/')).status).toBe(404);
    expect((await get('/es/contact/')).status).toBe(200);
  });

  test('/es/llms.txt lists exactly the articles translated into Spanish, each with its Markdown under /es/', async () => {
    const dir = join(projectRoot, 'content/es/articles');
    const translated = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => f.replace(/^.*\/|\.mdx$/g, ''))
      .sort();
    const index = await (await get('/es/llms.txt')).text();
    const listed = [...index.matchAll(/\]\([^)]*\/es\/articles\/([a-z0-9-]+)\.md\)/g)].map((m) => m[1]).sort();
    // Introduced in Spanish: the help center's Spanish name and a Spanish summary.
    expect(index.split('\n')[0]).toBe(`# ${siteText('es').helpCenterName}`);
    expect(index.split('\n')[0]).not.toBe((await (await get('/llms.txt')).text()).split('\n')[0]);
    expect(listed).toEqual(translated);
    const markdown = await get(`/es/articles/${translated[0]}.md`);
    expect(markdown.status).toBe(200);
    expect(await markdown.text()).toContain(`/es/articles/${translated[0]}/`);
  });

  test('old slugs redirect under /es/ too, for the page and its Markdown', async () => {
    const md = await get('/es/articles/reset-password.md', { redirect: 'manual' });
    expect(md.status).toBe(301);
    expect(new URL(md.headers.get('location')!, inject('baseUrl')).pathname).toBe('/es/articles/forgot-password.md');
    const page = await get('/es/articles/reset-password/', { redirect: 'manual' });
    expect(page.status).toBe(301);
    expect(new URL(page.headers.get('location')!, inject('baseUrl')).pathname).toBe('/es/articles/forgot-password/');
  });

  test('/es/llms-full.txt holds every Spanish article’s Markdown, as /es/articles/<slug>.md serves it, and no English one', async () => {
    const full = await get('/es/llms-full.txt');
    expect(full.status).toBe(200);
    const text = await full.text();
    const index = await (await get('/es/llms.txt')).text();
    expect(index).toMatch(/https?:\/\/\S+\/es\/llms-full\.txt/);
    const listed = [...index.matchAll(/\]\(([^)]*\/es\/articles\/[a-z0-9-]+\.md)\)/g)].map((m) => new URL(m[1]).pathname);
    for (const path of listed) expect(text, path).toContain(await (await get(path)).text());
    const sources = [...text.matchAll(/^Source: (\S+)$/gm)].map((m) => new URL(m[1]).pathname);
    expect(sources).toHaveLength(listed.length);
    expect(sources.filter((path) => !path.startsWith('/es/'))).toEqual([]);
  });
});
