// Quick answers: GET /api/answer?q= and the "Quick answer" region of /search/ without JavaScript.
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, type ServerProcess } from '../../harness/server-process.ts';
import type { QuickAnswer } from '../../src/search/quick-answer.ts';

const baseUrl = inject('baseUrl');

const answerFor = (q: string, base = baseUrl) => fetch(`${base}/api/answer?${new URLSearchParams({ q })}`);

describe('GET /api/answer', () => {
  it('quotes the section of the best article that answers the query, with a link to its heading', async () => {
    const response = await answerFor('forgot password');
    expect(response.status).toBe(200);
    const { answer } = (await response.json()) as { answer: QuickAnswer };
    expect(answer.article.slug).toBe('forgot-password');
    expect(answer.href).toMatch(/^\/articles\/forgot-password\/#[a-z0-9-]+$/);
    const page = parse(await (await fetch(new URL(answer.href, baseUrl))).text());
    expect(page.getElementById(answer.href.split('#')[1])?.text).toBe(answer.heading);
    const words = answer.blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : b.items)).join(' ');
    expect(words.split(/\s+/).length).toBeLessThanOrEqual(80);
    expect(answer.blocks.some((b) => b.kind === 'list' && b.ordered)).toBe(true);
  });

  it('gives no answer when the match is weak', async () => {
    const response = await answerFor('how do i fill in my tax forms');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { answer: unknown }).answer).toBeNull();
  });

  it('names the field when q is missing or too long', async () => {
    for (const q of ['', '   ', 'x'.repeat(201)]) {
      const response = await answerFor(q);
      expect(response.status, q).toBe(400);
      const body = (await response.json()) as { error: string; fields: { q: string } };
      expect(body.error).toBe('invalid');
      expect(body.fields.q).toMatch(/\bq\b/);
    }
    expect((await fetch(`${baseUrl}/api/answer`, { method: 'PUT', headers: { Origin: new URL(baseUrl).origin } })).status).toBe(405);
  });
});

describe('the Quick answer region of /search/ (no JavaScript)', () => {
  const searchPage = async (q: string) => parse(await (await fetch(`${baseUrl}/search/?${new URLSearchParams({ q })}`)).text());

  it('sits above the results as a region named by its heading, linking to the section quoted', async () => {
    const page = await searchPage('forgot password');
    const region = page.querySelector('section.quick-answer');
    expect(region?.getAttribute('aria-labelledby')).toBe('quick-answer-heading');
    expect(page.getElementById('quick-answer-heading')?.text).toBe('Quick answer');
    expect(region?.querySelector('.quick-answer-source a')?.getAttribute('href')).toMatch(/^\/articles\/forgot-password\/#/);
    const results = page.querySelector('.found');
    expect(page.toString().indexOf('quick-answer') < page.toString().indexOf(results!.toString())).toBe(true);
  });

  it('is absent when the match is weak', async () => {
    const page = await searchPage('how do i fill in my tax forms');
    expect(page.querySelector('.quick-answer')).toBeNull();
    expect(page.querySelector('.found')).not.toBeNull();
  });
});

describe('quick answers under MCP_RATE_LIMIT=3', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({ env: { MCP_RATE_LIMIT: '3' } });
  });
  afterAll(() => server?.stop());

  it('answer a flood with 429 and Retry-After', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await answerFor('forgot password', server.url)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await answerFor('forgot password', server.url);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await limited.json()) as { message: string }).message).toMatch(/Too many calls/);
  });
});
