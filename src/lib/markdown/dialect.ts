import type { Features } from 'satteri';

/**
 * The help center's one Markdown dialect, for articles (MDX), troubleshooter steps and announcements alike:
 * GitHub Flavored Markdown (tables, strikethrough, task lists, autolinks, footnotes) and smart punctuation
 * (curly quotes, dashes, ellipses). Articles compile with these features as Astro's MDX integration would.
 */
export const MARKDOWN_FEATURES = { gfm: true, smartPunctuation: true } as const satisfies Features;
