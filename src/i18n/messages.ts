/**
 * The words readers see, from one catalogue: content/messages/en.json (docs/messages.md). Every reader-facing
 * string of pages, components, islands and server answers is `t(key, values)` here; a key that is not in the
 * catalogue fails `astro check` (keys are typed), `npm run check:content` and the build (src/i18n/key-check.ts), and
 * throws at render. Islands and browser scripts never import this module: the page gives them their words as props
 * or data attributes (src/i18n/island-text.ts), so no catalogue ships to the browser.
 *
 * The staff console (src/pages/staff/, src/components/staff/, staff-only server messages) is not translated and
 * keeps its English inline.
 */
import en from '../../content/messages/en.json' with { type: 'json' };
import { formatParts, LOCALE_KEY, TOKEN, type Message, type PartValues } from './format.ts';
import { defaultLanguage, languages } from './languages.ts';

export type Catalogue = Record<string, Message>;
export type MessageKey = keyof typeof en;
/** Values as the server gives them: dates too, formatted as a long date in UTC (14 October 2026 in en-GB). */
export type Values<T = string> = Record<string, string | number | Date | T | ((words: string) => T)>;

const TOKENS = new RegExp(TOKEN, 'gs');

/** The functions over one catalogue; `source` names its file in errors. */
export function createMessages<K extends string>(catalogue: Record<K, Message>, source: string) {
  const entries = catalogue as Catalogue;
  const locale = entries[LOCALE_KEY];
  if (typeof locale !== 'string') throw new Error(`${source} has no "${LOCALE_KEY}" (the locale Intl formats with, like "en-GB")`);
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const date = (value: Date) => dates.format(value);

  const lookUp = (key: string): Message => {
    if (!Object.hasOwn(entries, key)) throw new Error(`Unknown message key "${key}" (${source})`);
    return entries[key];
  };
  /** Every placeholder and tag of every form has its value (the browser's formatter does not check). */
  const format = <T>(key: string, values: Values<T>): (string | T)[] => {
    const message = lookUp(key);
    const fail = (problem: string) => new Error(`Message "${key}" (${source}): ${problem}`);
    if (typeof message !== 'string' && typeof values.count !== 'number')
      throw fail('a message with plural forms needs a number as {count}');
    for (const text of typeof message === 'string' ? [message] : Object.values(message)) {
      for (const [, tag, , name] of text.matchAll(TOKENS)) {
        if (values[tag ?? name] === undefined) throw fail(`no value for ${tag ? `<${tag}>` : `{${name}}`}`);
      }
    }
    const ready = Object.fromEntries(Object.entries(values).map(([name, v]) => [name, v instanceof Date ? date(v) : v]));
    return formatParts(message, ready as PartValues<T>, locale);
  };

  return {
    locale,
    /** The message as text, its placeholders filled from `values`. */
    t(key: K, values: Values = {}): string {
      return format(key, values).join('');
    },
    /** The message as pieces for a template, elements among them (`<link>` tags made into links, a placeholder a node). */
    tParts<T>(key: K, values: Values<T>): (string | T)[] {
      return format(key, values);
    },
    /** The message unformatted, for an island that fills it in the browser (with src/i18n/format.ts). */
    messagePattern(key: K): Message {
      return lookUp(key);
    },
    /** A long date in UTC in this language (14 October 2026), as placeholders show dates. */
    date,
    /** "A, B and C" in this language. */
    list(items: string[]): string {
      return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
    },
  };
}

export type Messages = ReturnType<typeof createMessages<MessageKey>>;

/**
 * Every configured language's catalogue, loaded once. A template-literal import, so the bundler takes every file of
 * content/messages/ into the built server and plain Node (scripts/mcp.ts) reads them as they are. The keys are the
 * English catalogue's: src/i18n/key-check.ts checks before the build that each file has exactly those.
 */
const catalogues = new Map<string, Messages>(
  await Promise.all(
    languages.map(async ({ code }): Promise<[string, Messages]> => {
      const source = `content/messages/${code}.json`;
      const loaded = await import(`../../content/messages/${code}.json`, { with: { type: 'json' } }).catch((error: unknown) => {
        throw new Error(`${source}: the messages of language "${code}" (src/site.config.ts) could not be read: ${String(error)}`);
      });
      return [code, createMessages(loaded.default as typeof en, source)];
    }),
  ),
);

/** The words in language `code` (a configured one; src/i18n/languages.ts), for pages and for server answers. */
export function messagesFor(code: string): Messages {
  const messages = catalogues.get(code);
  if (!messages) throw new Error(`No messages for language "${code}": it is not in \`languages\` (src/site.config.ts)`);
  return messages;
}

/** The default language's words, for code that has no page language (server answers, emails, the staff side). */
export const { locale, t, tParts, messagePattern, date, list } = messagesFor(defaultLanguage.code);
