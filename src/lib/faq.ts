import type { MdastNode } from 'satteri';
import { blocksToText, parseMarkdown } from './markdown/text.ts';

/**
 * FAQPage structured data from an article's Markdown form (src/lib/markdown/article-markdown.ts): every h2 or h3
 * written as a question becomes a Question whose answer is the plain text under it, up to the next question or the
 * next heading of its level or above (a browser's subsection stays in the answer).
 */
export interface FaqEntry {
  question: string;
  answer: string;
}

export function extractFaq(markdown: string): FaqEntry[] {
  const entries: FaqEntry[] = [];
  let current: { question: string; depth: number; blocks: MdastNode[] } | undefined;
  const flush = () => {
    const answer = current && blocksToText(current.blocks);
    if (answer) entries.push({ question: current!.question, answer });
    current = undefined;
  };
  for (const block of parseMarkdown(markdown).children) {
    if (block.type === 'heading') {
      const text = blocksToText([block]);
      const question = (block.depth === 2 || block.depth === 3) && text.endsWith('?');
      if (current && (question || block.depth <= current.depth)) flush();
      if (question) {
        current = { question: text, depth: block.depth, blocks: [] };
        continue;
      }
    }
    current?.blocks.push(block);
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
