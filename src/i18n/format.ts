/**
 * Formats one message of the catalogue (content/messages/<lang>.json): `{name}` placeholders, plural forms chosen
 * by `count`, numbers through Intl, and `<name>…</name>` around words the code turns into an element (a link, say),
 * so a translation can move them. No catalogue here, and kept small: islands get the few messages they fill in
 * themselves as props and format them with this. src/i18n/messages.ts checks the values and formats dates first.
 */

/** The key of the locale a catalogue is formatted with (Intl: numbers, dates, lists, plurals), like "en-GB". */
export const LOCALE_KEY = 'intl.locale';

/** Plural forms by CLDR category (`one`, `few`, …): Intl.PluralRules picks one by `count`; `other` is required. */
export type PluralMessage = { [category in Intl.LDMLPluralRule]?: string } & { other: string };
export type Message = string | PluralMessage;
/** A placeholder's value, an element to put in its place, or a function making one of a tag's words. */
export type PartValues<T> = Record<string, string | number | T | ((words: string) => T)>;

// Split gives: text, then per match its tag name, the tag's words and a placeholder's name (unmatched ones undefined).
export const TOKEN = /<(\w+)>(.*?)<\/\1>|\{(\w+)\}/s;

/** The message as pieces, elements made by `values` among them, for a template (Astro or Preact) to render. */
export function formatParts<T>(message: Message, values: PartValues<T>, locale: string): (string | T)[] {
  const text =
    typeof message == 'string' ? message : (message[new Intl.PluralRules(locale).select(values.count as number)] ?? message.other);
  const pieces = text.split(TOKEN);
  const parts: (string | T)[] = [];
  for (let i = 0; i < pieces.length; i += 4) {
    if (pieces[i]) parts.push(pieces[i]);
    const value = values[pieces[i + 1] ?? pieces[i + 3]];
    if (pieces[i + 1]) parts.push((value as (words: string) => T)(pieces[i + 2]));
    else if (pieces[i + 3]) parts.push(typeof value == 'number' ? new Intl.NumberFormat(locale).format(value) : (value as string | T));
  }
  return parts;
}

/** The message as text. */
export function formatMessage(message: Message, values: PartValues<string>, locale: string): string {
  return formatParts(message, values, locale).join('');
}
