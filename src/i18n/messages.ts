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
import { formatList, formatMessage, formatParts, LOCALE_KEY, type Message, type PartValues } from './format.ts';

export type Catalogue = Record<string, Message>;
export type MessageKey = keyof typeof en;

/** The functions over one catalogue; `source` names its file in errors. */
export function createMessages<K extends string>(catalogue: Record<K, Message>, source: string) {
  const entries = catalogue as Catalogue;
  const locale = entries[LOCALE_KEY];
  if (typeof locale !== 'string') throw new Error(`${source} has no "${LOCALE_KEY}" (the locale Intl formats with, like "en-GB")`);
  const lookUp = (key: string): Message => {
    if (!Object.hasOwn(entries, key)) throw new Error(`Unknown message key "${key}" (${source})`);
    return entries[key];
  };
  const about = (key: string, error: unknown) =>
    new Error(`Message "${key}" (${source}): ${error instanceof Error ? error.message : String(error)}`);

  return {
    locale,
    /** The message as text, its placeholders filled from `values`. */
    t(key: K, values: PartValues<string> = {}): string {
      const message = lookUp(key);
      try {
        return formatMessage(message, values, locale);
      } catch (error) {
        throw about(key, error);
      }
    },
    /** The message as pieces for a template, elements among them (`<link>` tags made into links, a placeholder a node). */
    tParts<T>(key: K, values: PartValues<T>): (string | T)[] {
      const message = lookUp(key);
      try {
        return formatParts(message, values, locale);
      } catch (error) {
        throw about(key, error);
      }
    },
    /** The message unformatted, for an island that fills it in the browser (with src/i18n/format.ts). */
    messagePattern(key: K): Message {
      return lookUp(key);
    },
    /** "A, B and C" in this language. */
    list(items: string[]): string {
      return formatList(items, locale);
    },
  };
}

/** English, the only language yet. */
export const { locale, t, tParts, messagePattern, list } = createMessages(en, 'content/messages/en.json');
