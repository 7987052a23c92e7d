import { z } from 'astro/zod';
import { audienceIds } from '../site.config.ts';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  error: 'use lowercase words joined by hyphens, e.g. "reset-your-password"',
});

/** The editors' contract for `content/articles/**\/*.mdx` frontmatter. */
export const articleSchema = z.strictObject({
  title: z.string().min(3).max(120),
  description: z.string().min(20, { error: 'write at least a sentence (20+ characters)' }).max(300),
  category: slug,
  audience: z
    .array(z.enum(audienceIds))
    .min(1)
    .default([...audienceIds]),
  keywords: z.array(z.string().min(2)).default([]),
  updated: z.coerce.date({ error: 'use a date such as 2026-11-02' }),
  related: z.array(slug).default([]),
  draft: z.boolean().default(false),
  popular: z.boolean().default(false),
  aliases: z.array(slug).default([]),
});

export const categorySchema = z.strictObject({
  id: slug,
  title: z.string().min(2),
  description: z.string().min(10),
  icon: z.enum(['key', 'user', 'card', 'briefcase', 'shield', 'chat', 'gear']),
  order: z.int().min(0),
});

export type ArticleData = z.infer<typeof articleSchema>;
export type CategoryData = z.infer<typeof categorySchema>;
export const categoryIcons = categorySchema.shape.icon.options;
