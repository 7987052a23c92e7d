import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkMessageKeys, checkTranslation, messageCheckReport } from '../../src/i18n/key-check.ts';

const catalogue = (entries: Record<string, unknown>, path = 'content/messages/en.json') => ({
  path,
  // Sorted, as the check asks.
  source: JSON.stringify(
    Object.fromEntries(Object.entries({ 'intl.locale': 'en-GB', ...entries }).sort(([a], [b]) => (a < b ? -1 : 1))),
    null,
    2,
  ),
});
const en = catalogue({ 'home.title': 'How can we help?', 'home.search': 'Search', 'page.unused': 'Nobody says this' });
const page = (source: string, path = 'src/pages/index.astro') => ({ path, source });

describe('the message key check', () => {
  it('reports file and line of an unknown key, and lists unused keys', () => {
    const source = "---\nimport { t } from '../i18n/messages.ts';\n---\n<h1>{t('home.title')}</h1>\n<p>{t(\n  'home.serch')}</p>\n";
    const { problems, unused } = checkMessageKeys([page(source)], en);
    expect(problems).toEqual([
      { path: 'src/pages/index.astro', line: 6, message: 'unknown message key "home.serch" (not in content/messages/en.json)' },
    ]);
    expect(unused).toEqual(['home.search', 'page.unused']);
  });

  it('counts a key written anywhere as used, and refuses keys it cannot read', () => {
    const labels = page('const LABELS = { home: \'home.search\', x: "page.unused" } as const;\n', 'src/lib/labels.ts');
    const computed = page('t(`home.${part}`);\nt(`home.title`);\ntParts("home.nope", {});\nmessagePattern(\'page.nope\');\n', 'src/x.ts');
    const { problems, unused } = checkMessageKeys([labels, computed], en);
    expect(problems.map((p) => `${p.path}:${p.line}: ${p.message}`)).toEqual([
      'src/x.ts:1: write the message key out in full, so it can be checked',
      'src/x.ts:3: unknown message key "home.nope" (not in content/messages/en.json)',
      'src/x.ts:4: unknown message key "page.nope" (not in content/messages/en.json)',
    ]);
    expect(unused).toEqual([]);
  });

  it('keeps the catalogue out of browser code', () => {
    const island = page(
      "import type { MessageKey } from '../i18n/messages.ts';\nimport { t } from '../i18n/messages.ts';\n",
      'src/islands/X.tsx',
    );
    expect(checkMessageKeys([island], en).problems).toEqual([
      {
        path: 'src/islands/X.tsx',
        line: 2,
        message: 'browser code must not import the message catalogue: give it its words as props (src/i18n/island-text.ts)',
      },
    ]);
  });

  it('checks the catalogue’s shape: sorted keys, plural forms, balanced placeholders and tags', () => {
    const source = [
      '{',
      '  "b.title": "Fine {name} and <link>words</link>",',
      '  "a.first": "Out of order",',
      '  "c.broken": "Unclosed {name",',
      '  "c.plural": { "one": "{count} thing" },',
      '  "c.tag": "A <link>link",',
      '  "Bad Key": "x",',
      '  "intl.locale": "en-GB"',
      '}',
    ].join('\n');
    const { problems } = checkMessageKeys([], { path: 'content/messages/en.json', source });
    expect(problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '3: "a.first": keep the keys sorted: this one belongs before "b.title"',
      '4: "c.broken": unbalanced {placeholder} or <tag> in "Unclosed {name"',
      '5: "c.plural": a message is text, or plural forms like { "one": "…", "other": "…" }',
      '6: "c.tag": unbalanced {placeholder} or <tag> in "A <link>link"',
      '7: "Bad Key": keep the keys sorted: this one belongs before "c.tag"',
      '7: "Bad Key": a key is lowercase words joined by dots, like "contact.email.label"',
    ]);
    expect(checkMessageKeys([], { path: 'en.json', source: '{ "a.b": "x" }' }).problems[0].message).toMatch(/"intl.locale" is missing/);
    expect(checkMessageKeys([], { path: 'en.json', source: '{ "a.b": ' }).problems[0].message).toMatch(/^not valid JSON/);
  });

  it('holds another language to the same keys', () => {
    const es = catalogue({ 'home.title': '¿Cómo podemos ayudarte?', 'home.extra': 'Sobra' }, 'content/messages/es.json');
    expect(checkTranslation(es, en).map((p) => p.message)).toEqual([
      'key "home.extra" is not in content/messages/en.json',
      'language "es" is missing key "home.search" (from content/messages/en.json)',
      'language "es" is missing key "page.unused" (from content/messages/en.json)',
    ]);
  });
});

describe('messageCheckReport', () => {
  let root: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reads src/ and content/messages/ into lines to print', () => {
    root = mkdtempSync(join(tmpdir(), 'messages-'));
    write(en.path, en.source);
    write('content/messages/es.json', catalogue({ 'home.title': 'Hola', 'home.search': 'Buscar', 'page.unused': 'Nadie' }).source);
    write('src/pages/contact/sent.astro', "---\nconst title = t('sent.title');\n---\n{t('home.title')}{t('home.search')}\n");
    expect(messageCheckReport(root)).toEqual({
      errors: ['src/pages/contact/sent.astro:2: unknown message key "sent.title" (not in content/messages/en.json)'],
      warnings: ['content/messages/en.json: unused message key "page.unused"'],
      keys: 4,
    });
  });

  it('needs every configured language to have its file, with all the keys', () => {
    root = mkdtempSync(join(tmpdir(), 'messages-'));
    write(en.path, en.source);
    write('content/messages/es.json', catalogue({ 'home.title': 'Hola', 'page.unused': 'Nadie' }).source);
    write('src/pages/index.astro', "---\n---\n{t('home.title')}{t('home.search')}\n");
    expect(messageCheckReport(root, ['en', 'es', 'fr']).errors).toEqual([
      'content/messages/es.json:1: language "es" is missing key "home.search" (from content/messages/en.json)',
      'content/messages/fr.json:1: missing: every language in `languages` (src/site.config.ts) needs its messages file',
    ]);
  });
});
