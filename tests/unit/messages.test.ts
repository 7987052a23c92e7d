import { describe, expect, it } from 'vitest';
import { formatParts } from '../../src/i18n/format.ts';
import { createMessages, locale, t } from '../../src/i18n/messages.ts';

const catalogue = {
  'intl.locale': 'en-GB',
  'demo.count': { one: '{count} article', other: '{count} articles' },
  'demo.date': 'Last updated {date}',
  'demo.greeting': 'Hello {name}, you have {count} characters left',
  'demo.link': 'Try a search, or go to the <home>help center home</home>.',
  'demo.list': 'For {who}.',
};
const { t: demo, tParts, messagePattern, list } = createMessages(catalogue, 'demo.json');

describe('messages', () => {
  it('fills placeholders, numbers formatted for the locale', () => {
    expect(demo('demo.greeting', { name: 'Ada', count: 5000 })).toBe('Hello Ada, you have 5,000 characters left');
  });

  it('chooses the plural form with Intl.PluralRules', () => {
    expect([0, 1, 2, 1200].map((count) => demo('demo.count', { count }))).toEqual([
      '0 articles',
      '1 article',
      '2 articles',
      '1,200 articles',
    ]);
    // Polish has four forms: the rules are the locale's, not an English "1 or not".
    const polish = { one: '{count} artykuł', few: '{count} artykuły', many: '{count} artykułów', other: '{count} artykułu' };
    expect([1, 3, 5, 22, 1.5].map((count) => formatParts(polish, { count }, 'pl').join(''))).toEqual([
      '1 artykuł',
      '3 artykuły',
      '5 artykułów',
      '22 artykuły',
      '1,5 artykułu',
    ]);
  });

  it('formats dates as a long UTC date, and lists, in the catalogue’s locale', () => {
    expect(demo('demo.date', { date: new Date('2026-10-14T23:30:00Z') })).toBe('Last updated 14 October 2026');
    expect(demo('demo.list', { who: list(['Freelancers', 'Clients', 'Agencies']) })).toBe('For Freelancers, Clients and Agencies.');
  });

  it('makes elements of tags and placeholders for templates', () => {
    const parts = tParts('demo.link', { home: (words) => ({ href: '/', words }) });
    expect(parts).toEqual(['Try a search, or go to the ', { href: '/', words: 'help center home' }, '.']);
    expect(messagePattern('demo.count')).toEqual(catalogue['demo.count']);
  });

  it('names the key when a key is unknown or a value is missing', () => {
    expect(() => demo('demo.nope' as keyof typeof catalogue)).toThrow('Unknown message key "demo.nope" (demo.json)');
    expect(() => demo('demo.greeting', { name: 'Ada' })).toThrow('Message "demo.greeting" (demo.json): no value for {count}');
    expect(() => demo('demo.count')).toThrow('Message "demo.count" (demo.json): a message with plural forms needs a number as {count}');
    expect(() => tParts('demo.link', {})).toThrow('Message "demo.link" (demo.json): no value for <home>');
    expect(() => createMessages({ 'demo.a': 'A' }, 'x.json')).toThrow('x.json has no "intl.locale"');
  });

  it('serves the English catalogue', () => {
    expect(locale).toBe('en-GB');
    expect(t('page.title', { title: 'Forgot password', helpCenter: 'Help' })).toBe('Forgot password | Help');
    expect(() => t('page.nope' as never)).toThrow('Unknown message key "page.nope" (content/messages/en.json)');
  });
});
