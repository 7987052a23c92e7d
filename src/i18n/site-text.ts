/**
 * The site settings readers see, in their language: the help center's name, the support hours, and the labels of
 * topics and audiences, from `translations.<code>` in src/site.config.ts, each falling back to the setting itself.
 * Pages get them from `pageText(Astro).siteText`; emails and server answers with `siteText(code)`.
 */
import { site, type SiteConfig } from '../site.config.ts';

export interface Choice {
  id: string;
  label: string;
}

export interface SiteText {
  helpCenterName: string;
  supportHours: string;
  /** Every topic, in the settings' order, labelled in the language. */
  topics: Choice[];
  /** Every audience, in the settings' order, labelled in the language. */
  audiences: Choice[];
  /** A topic's or an audience's label by its id; the id itself for one that is not configured. */
  topicLabel(id: string): string;
  audienceLabel(id: string): string;
}

/** The settings in language `code` out of `config`; exported for tests, pages use `siteText`. */
export function siteTextOf(
  config: Pick<SiteConfig, 'helpCenterName' | 'supportHours' | 'topics' | 'audiences' | 'translations'>,
  code: string,
): SiteText {
  const words = Object.hasOwn(config.translations, code) ? config.translations[code] : {};
  const labelled = (list: Choice[], labels: Record<string, string> = {}) =>
    list.map(({ id, label }) => ({ id, label: Object.hasOwn(labels, id) ? labels[id] : label }));
  const topics = labelled(config.topics, words.topics);
  const audiences = labelled(config.audiences, words.audiences);
  const labelOf = (list: Choice[]) => (id: string) => list.find((item) => item.id === id)?.label ?? id;
  return {
    helpCenterName: words.helpCenterName ?? config.helpCenterName,
    supportHours: words.supportHours ?? config.supportHours,
    topics,
    audiences,
    topicLabel: labelOf(topics),
    audienceLabel: labelOf(audiences),
  };
}

const byLanguage = new Map<string, SiteText>();

/** The site's settings in language `code` (the settings as written for the default language, or any without words). */
export function siteText(code: string): SiteText {
  let text = byLanguage.get(code);
  if (!text) byLanguage.set(code, (text = siteTextOf(site, code)));
  return text;
}
