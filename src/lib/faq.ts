/**
 * FAQPage structured data from an MDX body: every h2/h3 written as a question
 * becomes a Question whose answer is the plain text up to the next heading.
 */
export interface FaqEntry {
  question: string;
  answer: string;
}

export function extractFaq(mdxBody: string): FaqEntry[] {
  const entries: FaqEntry[] = [];
  let current: { question: string; lines: string[] } | undefined;
  const flush = () => {
    if (!current) return;
    const answer = toPlainText(current.lines.join('\n'));
    if (answer) entries.push({ question: current.question, answer });
    current = undefined;
  };
  let inFence = false;
  for (const line of mdxBody.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const heading = inFence ? null : /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) {
      flush();
      const text = toPlainText(heading[2]);
      const depth = heading[1].length;
      if ((depth === 2 || depth === 3) && text.endsWith('?')) current = { question: text, lines: [] };
      continue;
    }
    current?.lines.push(line);
  }
  flush();
  return entries;
}

export function faqJsonLd(entries: FaqEntry[]): object | undefined {
  if (entries.length === 0) return undefined;
  return {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    mainEntity: entries.map((e) => ({
      '@type': 'Question',
      name: e.question,
      acceptedAnswer: { '@type': 'Answer', text: e.answer },
    })),
  };
}

/** Strips MDX/Markdown syntax to readable text; close enough for search-engine snippets. */
export function toPlainText(source: string): string {
  return source
    .replace(/^\s*(import|export)\s.*$/gm, '')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__|\*|_)(\S(?:.*?\S)?)\1/g, '$2')
    .replace(/^\s*(?:[-*+]|\d+\.)\s+/gm, '')
    .replace(/^\s*>\s?/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}
