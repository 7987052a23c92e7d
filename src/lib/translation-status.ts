/**
 * Which translations fell behind their source: the source article's `updated` is newer than the translation's.
 * `npm run check:content` warns about each (file and line), and the staff work queue lists them.
 */
export interface ArticleDate {
  slug: string;
  file: string;
  /** ISO date (2026-10-14) or a full ISO time. */
  updated: string;
}

export interface OutdatedTranslation {
  lang: string;
  slug: string;
  file: string;
  updated: string;
  source: { file: string; updated: string };
}

export function outdatedTranslations(sources: ArticleDate[], translations: (ArticleDate & { lang: string })[]): OutdatedTranslation[] {
  const bySlug = new Map(sources.map((s) => [s.slug, s]));
  return translations.flatMap((t) => {
    const source = bySlug.get(t.slug);
    if (!source || Date.parse(source.updated) <= Date.parse(t.updated)) return [];
    return [
      {
        lang: t.lang,
        slug: t.slug,
        file: t.file,
        updated: t.updated.slice(0, 10),
        source: { file: source.file, updated: source.updated.slice(0, 10) },
      },
    ];
  });
}

/** An article file's `updated` date and its line, read from the frontmatter's text (for warnings with a line). */
export function updatedLine(text: string): { updated: string; line: number } | undefined {
  const match = /^updated:\s*['"]?(\d{4}-\d{2}-\d{2})/m.exec(text);
  return match ? { updated: match[1], line: text.slice(0, match.index).split('\n').length } : undefined;
}
