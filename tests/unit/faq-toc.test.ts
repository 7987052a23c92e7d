import { describe, expect, it } from 'vitest';
import { extractFaq, faqJsonLd } from '../../src/lib/faq.ts';
import { articleMarkdown } from '../../src/lib/markdown/article-markdown.ts';
import { buildToc } from '../../src/lib/toc.ts';

describe('FAQ structured data', () => {
  const body = [
    'Intro text.',
    '## Why am I asked a question?',
    "Because the **sign-in** looks [unusual](/articles/x/). It's normal.",
    '<Callout type="tip">',
    'Try <Kbd>Ctrl</Kbd> + <Kbd>F5</Kbd>.',
    '</Callout>',
    '## Steps to follow',
    'Not a question.',
    '### What if nothing arrives?',
    '1. Check spam\n2. Wait',
    '## Which browser do you use?',
    '<BrowserTabs>\n\n<Browser name="chrome">\n\nOpen the menu.\n\n</Browser>\n\n</BrowserTabs>',
    '### Still stuck?',
    'Write to us.',
    '## Empty question?',
  ].join('\n\n');
  const faq = () => extractFaq(articleMarkdown(body, { flowTitle: () => undefined }));

  it('turns question headings into questions with the plain text under them as answers', () => {
    expect(faq()).toEqual([
      { question: 'Why am I asked a question?', answer: 'Because the sign-in looks unusual. It’s normal.\n\nTip\n\nTry Ctrl + F5.' },
      { question: 'What if nothing arrives?', answer: '1. Check spam\n2. Wait' },
      // A browser's subsection belongs to the answer; the next question ends it.
      { question: 'Which browser do you use?', answer: 'Chrome\n\nOpen the menu.' },
      { question: 'Still stuck?', answer: 'Write to us.' },
    ]);
  });

  it('emits FAQPage JSON-LD only when there are questions', () => {
    expect(faqJsonLd([])).toBeUndefined();
    expect(faqJsonLd(faq())).toMatchObject({
      '@type': 'FAQPage',
      mainEntity: [{ '@type': 'Question', name: 'Why am I asked a question?' }, {}, {}, {}],
    });
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
