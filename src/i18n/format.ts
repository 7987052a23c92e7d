/**
 * Formats one message of the catalogue (content/messages/<lang>.json): `{name}` placeholders, plural forms chosen
 * by `count`, numbers and dates through Intl, and `<name>…</name>` around words the code turns into an element
 * (a link, say), so a translation can move them. No catalogue here: this runs on the server for src/i18n/messages.ts
 * and in islands, which get the few messages they format themselves as props.
 */

/** The key of the locale a catalogue is formatted with (Intl: numbers, dates, lists, plurals), like "en-GB". */
export const LOCALE_KEY = 'intl.locale';

/** Plural forms by CLDR category (`one`, `few`, …): Intl.PluralRules picks one by `count`; `other` is required. */
export type PluralMessage = { [category in Intl.LDMLPluralRule]?: string } & { other: string };
export type Message = string | PluralMessage;
/** Numbers are formatted for the locale (5,000); dates as a long date in UTC (14 October 2026 in en-GB). */
export type Value = string | number | Date;
export type Values = Record<string, Value>;
/** What `formatParts` also takes: an element to put where a placeholder is, or one to make of a tag's words. */
export type PartValues<T> = Record<string, Value | T | ((words: string) => T)>;

// Split gives: text, then per match its tag name, the tag's words and a placeholder's name (unmatched ones undefined).
const TOKEN = /<(\w+)>(.*?)<\/\1>|\{(\w+)\}/s;

/** The message as pieces, elements made by `values` among them, for a template (Astro or Preact) to render. */
export function formatParts<T>(message: Message, values: PartValues<T>, locale: string): (string | T)[] {
  let text = message;
  if (typeof text !== 'string') {
    const count = values.count;
    if (typeof count !== 'number') throw new Error('a message with plural forms needs a number as {count}');
    text = text[new Intl.PluralRules(locale).select(count)] ?? text.other;
  }
  const pieces = text.split(TOKEN);
  const parts: (string | T)[] = [];
  for (let i = 0; i < pieces.length; i += 4) {
    if (pieces[i]) parts.push(pieces[i]);
    const name = pieces[i + 1] ?? pieces[i + 3];
    if (!name) continue;
    const value = values[name];
    if (value === undefined) throw new Error(`no value for ${pieces[i + 1] ? `<${name}>` : `{${name}}`}`);
    parts.push(
      typeof value === 'function'
        ? (value as (words: string) => T)(pieces[i + 2])
        : typeof value === 'number'
          ? new Intl.NumberFormat(locale).format(value)
          : value instanceof Date
            ? new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(value)
            : value,
    );
  }
  return parts;
}

/** The message as text. */
export function formatMessage(message: Message, values: PartValues<string>, locale: string): string {
  return formatParts(message, values, locale).join('');
}

/** "A, B and C": a list of words joined as the locale joins them. */
export function formatList(items: string[], locale: string): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
}
