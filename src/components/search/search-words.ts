// The search results' words from the message catalogue, as patterns: the server formats them, and the page hands
// the same patterns to its browser code (results-markup.ts fills them in both places).
import { defaultLanguage } from '../../i18n/languages.ts';
import { messagesFor } from '../../i18n/messages.ts';
import type { InstantWords } from './instant-search.ts';
import type { SearchWords } from './results-markup.ts';
import { SEARCH_PATH } from './search-params.ts';

export function searchWords(lang: string = defaultLanguage.code): SearchWords {
  const { locale, messagePattern } = messagesFor(lang);
  const fallback = defaultLanguage.code;
  return {
    ...(lang === fallback
      ? {}
      : {
          defaultLanguage: {
            searchPath: SEARCH_PATH,
            // In the page's language: "inglés" on a Spanish page.
            name: new Intl.DisplayNames([locale], { type: 'language' }).of(defaultLanguage.code) ?? defaultLanguage.name,
            message: messagePattern('search.help.default-language'),
          },
        }),
    locale,
    messages: {
      alsoCloseHeading: messagePattern('search.closest.also-heading'),
      closestHeading: messagePattern('search.closest.heading'),
      closestStatus: messagePattern('search.status.closest'),
      correction: messagePattern('search.correction'),
      fewStatus: messagePattern('search.status.few'),
      filtersApply: messagePattern('search.filters.apply'),
      filtersLegend: messagePattern('search.filters.legend'),
      firstOf: messagePattern('search.first-of'),
      helpContact: messagePattern('search.help.contact'),
      helpHeading: messagePattern('search.help.heading'),
      helpIntro: messagePattern('search.help.intro'),
      helpTroubleshooter: messagePattern('search.help.troubleshooter'),
      matches: messagePattern('search.status.matches'),
      noMatch: messagePattern('search.status.none'),
      prompt: messagePattern('search.status.prompt'),
      quickAnswerHeading: messagePattern('search.quick-answer.heading'),
      quickAnswerMore: messagePattern('search.quick-answer.more'),
      quickAnswerSource: messagePattern('search.quick-answer.source'),
      troubleshooter: messagePattern('search.result.troubleshooter'),
      troubleshooterLabel: messagePattern('search.result.troubleshooter-label'),
      unavailable: messagePattern('search.status.unavailable'),
    },
    filters: {
      audience: messagePattern('search.filter.audience'),
      category: messagePattern('search.filter.category'),
    },
  };
}

/** The words of the header search's instant results (instant-search.ts). */
export function instantWords(lang: string = defaultLanguage.code): InstantWords {
  const { locale, messagePattern, t } = messagesFor(lang);
  return {
    locale,
    count: messagePattern('search-field.instant.count'),
    none: messagePattern('search-field.instant.none'),
    seeAll: messagePattern('search-field.instant.see-all'),
    troubleshooter: t('search.result.troubleshooter-label'),
    unavailable: t('search-field.instant.unavailable'),
  };
}
