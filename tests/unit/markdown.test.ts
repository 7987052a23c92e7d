import { describe, expect, it } from 'vitest';
import { absoluteLinks } from '../../src/lib/markdown/absolute-links.ts';
import { articleMarkdown } from '../../src/lib/markdown/article-markdown.ts';
import { renderInlineMarkdown, renderMarkdown } from '../../src/lib/markdown/html.ts';
import { markdownToText } from '../../src/lib/markdown/text.ts';

const flows: Record<string, string> = { login: 'I can’t sign in' };
const toMarkdown = (mdx: string) => articleMarkdown(mdx, { flowTitle: (id) => flows[id] });

describe('Markdown as HTML (troubleshooter steps)', () => {
  it('has the articles’ features and typography: GFM and smart punctuation', () => {
    expect(renderMarkdown(`It's "done" -- really...\n\n| Plan | Fee |\n| --- | --- |\n| Basic | ~~5%~~ 3% |\n`)).toBe(
      '<p>It’s “done” – really…</p>\n<table>\n<thead>\n<tr>\n<th>Plan</th>\n<th>Fee</th>\n</tr>\n</thead>\n' +
        '<tbody>\n<tr>\n<td>Basic</td>\n<td><del>5%</del> 3%</td>\n</tr>\n</tbody>\n</table>\n',
    );
  });

  it('keeps the lists and links editors write', () => {
    expect(renderMarkdown('1. Open [Settings](/articles/settings/).\n2. Select **Save**.')).toBe(
      '<ol>\n<li>Open <a href="/articles/settings/">Settings</a>.</li>\n<li>Select <strong>Save</strong>.</li>\n</ol>\n',
    );
  });
});

describe('inline Markdown as HTML (announcements, typed by staff too)', () => {
  it('renders emphasis, code and links, with the same typography', () => {
    expect(renderInlineMarkdown(`Payouts pause on **Sunday**; it's _brief_, see [fees](/articles/fees/) or \`status\`.`)).toBe(
      'Payouts pause on <strong>Sunday</strong>; it’s <em>brief</em>, see <a href="/articles/fees/">fees</a> or <code>status</code>.',
    );
  });

  it('shows raw HTML as text', () => {
    expect(renderInlineMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)> <b>hi</b>')).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; &lt;b&gt;hi&lt;/b&gt;',
    );
  });

  it('drops images to their text', () => {
    expect(renderInlineMarkdown('See ![the status page](https://tracker.example/pixel.gif) now')).toBe('See the status page now');
  });

  it('keeps only links to our pages, the web and email; others become their label', () => {
    const unsafe = [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'javascript&#58;alert(1)',
      'data:text/html,x',
      'vbscript:x',
      '//evil.example/',
    ];
    for (const href of unsafe) expect(renderInlineMarkdown(`[click](${href})`), href).toBe('click');
    expect(renderInlineMarkdown('[a](/articles/a/) [b](https://status.example/) [c](mailto:help@example.com) [d](#top)')).toBe(
      '<a href="/articles/a/">a</a> <a href="https://status.example/">b</a> <a href="mailto:help@example.com">c</a> <a href="#top">d</a>',
    );
    // A quote cannot close the attribute.
    expect(renderInlineMarkdown('[web](https://example.com/?a="b")')).toBe('<a href="https://example.com/?a=%22b%22">web</a>');
  });

  it('stays one paragraph of inline text: block syntax shows as typed', () => {
    expect(renderInlineMarkdown('# Outage')).toBe('# Outage');
    expect(renderInlineMarkdown('1. Payouts are **late**')).toBe('1. Payouts are <strong>late</strong>');
    expect(renderInlineMarkdown('> quoted')).toBe('&gt; quoted');
    expect(renderInlineMarkdown('- item')).toBe('- item');
    expect(renderInlineMarkdown('```js')).toBe('```js');
    expect(renderInlineMarkdown('[status]: https://status.example/ is up')).toBe(
      '[status]: <a href="https://status.example/">https://status.example/</a> is up',
    );
    expect(renderInlineMarkdown('First line\n\n    second line')).toBe('First line second line');
    expect(renderInlineMarkdown('*Soon*: new fees')).toBe('<em>Soon</em>: new fees');
  });
});

describe('Markdown as plain text', () => {
  it('drops the markup and keeps what a reader reads, typography included', () => {
    const markdown = [
      '## What now?',
      `Check **Spam** and [the help center](/), then "wait"... <b>really</b>.`,
      '1. Open ![the menu](menu.png)\n2. Select `Settings`\n   - Privacy\n   - Security',
      '- [x] done\n- [ ] to do',
      '> Quoted',
      '| Plan | Fee |\n| --- | --- |\n| Basic | 3% |',
    ].join('\n\n');
    expect(markdownToText(markdown)).toBe(
      [
        'What now?',
        'Check Spam and the help center, then “wait”… really.',
        '1. Open the menu\n2. Select Settings\n   - Privacy\n   - Security',
        '- [x] done\n- [ ] to do',
        'Quoted',
        'Plan | Fee\nBasic | 3%',
      ].join('\n\n'),
    );
  });
});

describe('an article as plain Markdown (its components turned into their plain equivalents)', () => {
  it('keeps plain Markdown as written', () => {
    expect(toMarkdown('Intro with **bold** and a [link](/contact/).\n\n## Heading\n\n- one\n- two')).toBe(
      'Intro with **bold** and a [link](/contact/).\n\n## Heading\n\n- one\n- two',
    );
  });

  it('turns steps into their numbered list', () => {
    expect(toMarkdown('<Steps>\n\n1. Open **Settings**.\n2. Select **Save**.\n\n</Steps>')).toBe(
      '1. Open **Settings**.\n2. Select **Save**.',
    );
  });

  it('turns a callout into a blockquote led by its title, or by its kind', () => {
    expect(toMarkdown('<Callout type="warning" title="Never share codes">\n\nNot even with us.\n\nReally.\n\n</Callout>')).toBe(
      '> **Never share codes**\n>\n> Not even with us.\n>\n> Really.',
    );
    expect(toMarkdown('<Callout type="tip">\n\nCheck spam.\n\n</Callout>')).toBe('> **Tip**\n>\n> Check spam.');
    expect(toMarkdown('<Callout>\n\nA note.\n\n</Callout>')).toBe('> **Note**\n>\n> A note.');
  });

  it('turns browser tabs into one subsection per browser, a level under the heading above them', () => {
    const mdx = [
      '## Clear your cache',
      '<BrowserTabs>',
      '<Browser name="chrome">\n\n<Steps>\n\n1. Press <Kbd>Ctrl</Kbd> + <Kbd>Shift</Kbd> + <Kbd>Delete</Kbd>.\n\n</Steps>\n\n</Browser>',
      '<Browser name="other">\n\nLook in the settings.\n\n</Browser>',
      '</BrowserTabs>',
      'After.',
    ].join('\n\n');
    expect(toMarkdown(mdx)).toBe(
      '## Clear your cache\n\n### Chrome\n\n1. Press Ctrl + Shift + Delete.\n\n### Other browsers\n\nLook in the settings.\n\nAfter.',
    );
  });

  it('turns a troubleshooter link into a link, named after the troubleshooter when it has no text', () => {
    expect(toMarkdown('<TroubleshooterLink flow="login" step="check-spam">Find the email</TroubleshooterLink>')).toBe(
      '[Find the email](/troubleshoot/login/#check-spam)',
    );
    expect(toMarkdown('<TroubleshooterLink flow="login" />')).toBe('[I can’t sign in: start the troubleshooter](/troubleshoot/login/)');
  });

  it('words its labels in the article’s language, and links to that language’s troubleshooter', () => {
    const spanish = (mdx: string) => articleMarkdown(mdx, { lang: 'es', flowTitle: () => 'No puedo iniciar sesión' });
    expect(spanish('<Callout type="tip">\n\nMira en spam.\n\n</Callout>')).toBe('> **Consejo**\n>\n> Mira en spam.');
    expect(
      spanish('## Borra la caché\n\n<BrowserTabs>\n\n<Browser name="other">\n\nMira en los ajustes.\n\n</Browser>\n\n</BrowserTabs>'),
    ).toBe('## Borra la caché\n\n### Otros navegadores\n\nMira en los ajustes.');
    expect(spanish('<TroubleshooterLink flow="login" />')).toBe('[No puedo iniciar sesión: empezar el asistente](/es/troubleshoot/login/)');
  });

  it('leaves out comments and keeps a component inside a list item in that item', () => {
    expect(toMarkdown('{/* editors only */}\n\n1. First\n\n   <Callout>\n\n   Inside.\n\n   </Callout>\n\n2. Second')).toBe(
      '1. First\n\n   > **Note**\n   >\n   > Inside.\n\n2. Second',
    );
  });

  it('refuses what the page would refuse, naming the component', () => {
    expect(() => toMarkdown('<Widget />')).toThrow('<Widget> is not a component articles may use');
    expect(() => toMarkdown('<Browser name="netscape">\n\nx\n\n</Browser>')).toThrow(/^<Browser> has invalid props: name:/);
    expect(() => toMarkdown('<TroubleshooterLink flow="billing" />')).toThrow('there is no troubleshooter "billing"');
  });

  it('reads as plain text through the same pipeline', () => {
    const mdx = 'Press <Kbd>Ctrl</Kbd>.\n\n<Callout type="tip">\n\nIt’s "safe".\n\n</Callout>';
    expect(markdownToText(toMarkdown(mdx))).toBe('Press Ctrl.\n\nTip\n\nIt’s “safe”.');
  });
});

describe('absolute links (Markdown read away from the site)', () => {
  it('puts the origin before site-relative destinations only, and changes nothing else', () => {
    const markdown = [
      'See [fees](/articles/fees/ "Fees") or [the web](https://status.example/) and [top](#top).',
      '',
      '> ![chart](/chart.png) in [the flow](/troubleshoot/login/#check-spam)',
      '',
      '[ref]: /articles/ref/',
      '',
      '- a [reference][ref] and `[code](/not-a-link/)`',
    ].join('\n');
    expect(absoluteLinks(markdown, 'https://help.example.com')).toBe(
      [
        'See [fees](https://help.example.com/articles/fees/ "Fees") or [the web](https://status.example/) and [top](#top).',
        '',
        '> ![chart](https://help.example.com/chart.png) in [the flow](https://help.example.com/troubleshoot/login/#check-spam)',
        '',
        '[ref]: https://help.example.com/articles/ref/',
        '',
        '- a [reference][ref] and `[code](/not-a-link/)`',
      ].join('\n'),
    );
  });
});
