// The search results' words from the message catalogue, as patterns: the server formats them, and the page hands
// the same patterns to its browser code (results-markup.ts fills them in both places).
import { locale, messagePattern, t } from '../../i18n/messages.ts';
import type { InstantWords } from './instant-search.ts';
import { defaultLanguage } from '../../search/site-languages.ts';
import type { SearchWords } from './results-markup.ts';
import { SEARCH_PATH } from './search-params.ts';

/** The results' words for a search page in `language` (the default language unless said). */
export function searchWords(language = defaultLanguage()): SearchWords {
  const fallback = defaultLanguage();
  return {
    ...(language === fallback
      ? {}
      : {
          defaultLanguage: {
            searchPath: SEARCH_PATH,
            name: new Intl.DisplayNames([fallback], { type: 'language' }).of(fallback) ?? fallback,
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
export function instantWords(): InstantWords {
  return {
    locale,
    count: messagePattern('search-field.instant.count'),
    none: messagePattern('search-field.instant.none'),
    seeAll: messagePattern('search-field.instant.see-all'),
    troubleshooter: t('search.result.troubleshooter-label'),
    unavailable: t('search-field.instant.unavailable'),
  };
}
