import { describe, expect, it } from 'vitest';
import {
  BENCH_CATEGORIES,
  COMMON_WORD,
  PROBE_ARTICLE_INDEX,
  articleSlug,
  articleToMdx,
  categoriesToYaml,
  generateArticle,
  mulberry32,
} from '../../scripts/bench/corpus.ts';
import { articleSchema, categorySchema, categoryIcons } from '../../src/lib/content-schemas.ts';

describe('bench corpus', () => {
  it('is deterministic: the same index gives the same article', () => {
    expect(generateArticle(42)).toEqual(generateArticle(42));
    expect(articleToMdx(generateArticle(PROBE_ARTICLE_INDEX))).toBe(articleToMdx(generateArticle(PROBE_ARTICLE_INDEX)));
    const a = mulberry32(1);
    const b = mulberry32(1);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it('has 8 valid categories with icons from the schema', () => {
    expect(BENCH_CATEGORIES).toHaveLength(8);
    for (const c of BENCH_CATEGORIES) {
      expect(categorySchema.safeParse(c).success).toBe(true);
      expect(categoryIcons).toContain(c.icon);
    }
    expect(new Set(BENCH_CATEGORIES.map((c) => c.id)).size).toBe(8);
    expect(categoriesToYaml()).toContain('- id: account-access\n');
  });

  it('writes frontmatter the strict article schema accepts, with links to existing articles', () => {
    const slugs = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const article = generateArticle(i);
      const parsed = articleSchema.safeParse(article.frontmatter);
      expect(parsed.success, `article ${i}: ${parsed.error?.message}`).toBe(true);
      expect(BENCH_CATEGORIES.map((c) => c.id)).toContain(article.frontmatter.category);
      for (const slug of article.frontmatter.related) expect(slugs.has(slug)).toBe(true);
      expect(articleSlug(i)).toBe(article.slug);
      slugs.add(article.slug);
    }
    expect(slugs.size).toBe(300);
  });

  it('writes about 600 words with question headings, lists and a tip callout', () => {
    const article = generateArticle(PROBE_ARTICLE_INDEX);
    const words = article.body.split(/\s+/).filter((w) => /[a-z]/i.test(w)).length;
    expect(words).toBeGreaterThanOrEqual(580);
    expect(words).toBeLessThanOrEqual(720);
    expect(article.body).toMatch(/^## How do I .+\?$/m);
    expect(article.body).toMatch(/^1\. /m);
    expect(article.body).toMatch(/^- /m);
    expect(article.body).toContain('<Callout type="tip">');
    expect(article.body).not.toMatch(/[{}]/);
  });

  it('uses the common word in many but not all articles', () => {
    let count = 0;
    for (let i = 0; i < 400; i++) if (new RegExp(`\\b${COMMON_WORD}s?\\b`, 'i').test(generateArticle(i).body)) count++;
    expect(count).toBeGreaterThan(400 * 0.3);
    expect(count).toBeLessThan(400 * 0.9);
  });
});
