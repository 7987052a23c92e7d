import { describe, expect, it } from 'vitest';
import { extractFaq, faqJsonLd, toPlainText } from '../../src/lib/faq.ts';
import { buildToc } from '../../src/lib/toc.ts';

describe('FAQ structured data', () => {
  const body = [
    'Intro text.',
    '## Why am I asked a question?',
    'Because the **sign-in** looks [unusual](/articles/x/).',
    '<Callout type="tip">',
    'Try `Ctrl` + `F5`.',
    '</Callout>',
    '## Steps to follow',
    'Not a question.',
    '### What if nothing arrives?',
    '1. Check spam',
    '2. Wait',
    '## Empty question?',
  ].join('\n');

  it('turns question headings into questions with plain-text answers', () => {
    expect(extractFaq(body)).toEqual([
      { question: 'Why am I asked a question?', answer: 'Because the sign-in looks unusual. Try Ctrl + F5.' },
      { question: 'What if nothing arrives?', answer: 'Check spam Wait' },
    ]);
  });

  it('emits FAQPage JSON-LD only when there are questions', () => {
    expect(faqJsonLd([])).toBeUndefined();
    expect(faqJsonLd(extractFaq(body))).toMatchObject({
      '@type': 'FAQPage',
      mainEntity: [{ '@type': 'Question', name: 'Why am I asked a question?' }, {}],
    });
  });

  it('drops import lines and comments from answers', () => {
    expect(toPlainText("import X from './x';\n{/* note */}Hello _there_")).toBe('Hello there');
  });
});

describe('table of contents', () => {
  it('nests h3 under the preceding h2 and ignores other levels', () => {
    const toc = buildToc([
      { depth: 1, slug: 't', text: 'Title' },
      { depth: 2, slug: 'a', text: 'A' },
      { depth: 3, slug: 'a1', text: 'A1' },
      { depth: 4, slug: 'a1x', text: 'deep' },
      { depth: 2, slug: 'b', text: 'B' },
    ]);
    expect(toc.map((i) => [i.slug, i.children.map((c) => c.slug)])).toEqual([
      ['a', ['a1']],
      ['b', []],
    ]);
  });
});
