/**
 * The search results as HTML, written the same way on the server (the page without JavaScript) and in the browser
 * (results as the reader types), so both show the same thing. Its words come from the message catalogue as
 * patterns (search-words.ts on the server, the page's data attribute in the browser), so no catalogue ships.
 */
import { formatMessage, formatParts, type Message } from '../../i18n/format.ts';
import { escapeHtml } from '../../lib/escape-html.ts';
import type { QuickAnswer } from '../../search/quick-answer.ts';
import type { SearchHit, SearchOutcome } from '../../search/search.ts';
import { AS_TYPED_PARAM, FILTER_NAMES, SEARCH_PATH, type FilterName } from './search-params.ts';

/** The results' words: message patterns (content/messages/en.json, `search.…`) and the locale they format with. */
export interface SearchWords {
  locale: string;
  messages: Record<SearchMessage, Message>;
  filters: Record<FilterName, Message>;
  /**
   * On a page in another language than the default: the default language's search page and name, offered with the
   * same query when nothing matched exactly.
   */
  defaultLanguage?: { searchPath: string; name: string; message: Message };
}

export type SearchMessage =
  | 'alsoCloseHeading'
  | 'closestHeading'
  | 'closestStatus'
  | 'correction'
  | 'fewStatus'
  | 'filtersApply'
  | 'filtersLegend'
  | 'firstOf'
  | 'helpContact'
  | 'helpHeading'
  | 'helpIntro'
  | 'helpTroubleshooter'
  | 'matches'
  | 'noMatch'
  | 'prompt'
  | 'quickAnswerHeading'
  | 'quickAnswerMore'
  | 'quickAnswerSource'
  | 'troubleshooter'
  | 'troubleshooterLabel'
  | 'unavailable';

/** Markup already escaped, as a value placed into a message. */
interface Html {
  html: string;
}

export function searchHref(query: string, asTyped = false): string {
  const params = new URLSearchParams({ q: query });
  if (asTyped) params.set(AS_TYPED_PARAM, '1');
  return `${SEARCH_PATH}?${params}`;
}

/** The words under a hit's title: its topic, or that it is a troubleshooter. */
export const hitLabel = (hit: SearchHit, troubleshooter: string) => (hit.kind === 'troubleshooter' ? troubleshooter : (hit.category ?? ''));

/** Hits that hold every word typed: none when the words were corrected (the reader did not type those). */
const exactShown = (outcome: SearchOutcome) => (outcome.correctedQuery ? 0 : outcome.exactHits);

const link = (href: string, words: string): Html => ({ html: `<a href="${escapeHtml(href)}">${escapeHtml(words)}</a>` });

/** The results' markup in the words given. */
export function resultsMarkup(words: SearchWords) {
  /** A message as text (for the status line, which is set as text in the browser). */
  const text = (name: SearchMessage, values: Record<string, string | number> = {}) =>
    formatMessage(words.messages[name], values, words.locale);
  /** A message as HTML: its words escaped, the markup in its values kept. */
  const html = (name: SearchMessage, values: Record<string, string | number | Html | ((inner: string) => Html)> = {}) =>
    formatParts(words.messages[name], values, words.locale)
      .map((part) => (typeof part === 'string' ? escapeHtml(part) : part.html))
      .join('');

  /** The status line: what the reader's search found, announced to screen readers as it changes. */
  function statusText(outcome: SearchOutcome | undefined): string {
    if (!outcome || !outcome.query.trim()) return text('prompt');
    const query = outcome.query;
    if (outcome.match === 'exact') return text('matches', { count: outcome.total, query });
    if (outcome.match === 'none') return text('noMatch', { query });
    const exact = exactShown(outcome);
    return exact ? text('fewStatus', { count: exact, query }) : text('closestStatus', { count: outcome.hits.length, query });
  }

  /** Everything under the status line: the correction, the results, the help when nothing matched exactly. */
  function resultsHtml(outcome: SearchOutcome | undefined): string {
    if (!outcome || !outcome.query.trim()) return '';
    const parts: string[] = [];
    if (outcome.correctedQuery) {
      const corrected = link(searchHref(outcome.correctedQuery), outcome.correctedQuery);
      parts.push(
        `<p class="correction">${html('correction', { corrected, typed: link(searchHref(outcome.query, true), outcome.query) })}</p>`,
      );
    }
    const exact = outcome.match === 'exact' ? outcome.hits.length : exactShown(outcome);
    if (exact) parts.push(listHtml(outcome.hits.slice(0, exact), 'h2'));
    if (outcome.match === 'exact' && outcome.total > outcome.hits.length) {
      parts.push(`<p class="muted">${html('firstOf', { shown: outcome.hits.length, total: outcome.total })}</p>`);
    }
    const close = outcome.hits.slice(exact);
    if (close.length) parts.push(`<h2>${html(exact ? 'alsoCloseHeading' : 'closestHeading')}</h2>`, listHtml(close, 'h3'));
    if (outcome.match !== 'exact') parts.push(helpHtml(outcome.query));
    return parts.join('');
  }

  function listHtml(hits: SearchHit[], heading: 'h2' | 'h3'): string {
    const items = hits.map((hit) => {
      const flow = hit.kind === 'troubleshooter';
      const title = flow ? text('troubleshooter', { title: hit.title }) : hit.title;
      const label = hitLabel(hit, text('troubleshooterLabel'));
      // Pagefind's excerpt is the page's text with < and > escaped and the matched words in <mark>.
      return (
        // The best section goes with the link, for the opened page to scroll to (search-page.ts hands it over).
        `<li><${heading}><a href="${escapeHtml(hit.url)}"${hit.section ? ` data-section="${escapeHtml(hit.section)}"` : ''}>${escapeHtml(title)}</a></${heading}>` +
        `<p class="result-category">${escapeHtml(label)}</p><p>${hit.excerpt}</p></li>`
      );
    });
    return `<ol class="results article-list">${items.join('')}</ol>`;
  }

  function helpHtml(query: string): string {
    const to = (href: string) => (words: string) => link(href, words);
    const other = words.defaultLanguage;
    const inDefault = other
      ? `<li>${formatParts(
          other.message,
          { link: to(`${other.searchPath}?${new URLSearchParams({ q: query })}`), language: other.name },
          words.locale,
        )
          .map((part) => (typeof part === 'string' ? escapeHtml(part) : part.html))
          .join('')}</li>`
      : '';
    return (
      `<div class="no-results"><h2>${html('helpHeading')}</h2><p>${html('helpIntro')}</p><ul>` +
      inDefault +
      `<li>${html('helpTroubleshooter', { link: to('/troubleshoot/') })}</li>` +
      `<li>${html('helpContact', { link: to('/contact/') })}</li></ul></div>`
    );
  }

  /**
   * The filter groups worth showing: those whose values split the results (two values or more), or where the reader
   * has chosen a value. Nothing at all when there is nothing to filter, so the box takes no room.
   */
  function filtersHtml(outcome: SearchOutcome | undefined, chosen: Record<string, string[]>): string {
    if (!outcome?.hits.length) return '';
    const groups = FILTER_NAMES.flatMap((name) => {
      const picked = chosen[name] ?? [];
      const values = [
        ...new Set([...Object.keys(outcome.filterCounts[name] ?? {}).filter((v) => outcome.filterCounts[name][v] > 0), ...picked]),
      ].sort();
      if (values.length < 2 && !picked.length) return [];
      const boxes = values.map(
        (value) =>
          `<label><input type="checkbox" name="${escapeHtml(name)}" value="${escapeHtml(value)}"${picked.includes(value) ? ' checked' : ''}> ${escapeHtml(value)}</label>`,
      );
      const label = formatMessage(words.filters[name], {}, words.locale);
      return [`<fieldset><legend>${escapeHtml(label)}</legend>${boxes.join('')}</fieldset>`];
    });
    if (!groups.length) return '';
    return (
      `<form class="filters" method="get" action="${SEARCH_PATH}"><fieldset><legend>${html('filtersLegend')}</legend>` +
      `<input type="hidden" name="q" value="${escapeHtml(outcome.query)}"><div class="filter-groups">${groups.join('')}</div>` +
      `<button type="submit" class="secondary">${html('filtersApply')}</button></fieldset></form>`
    );
  }

  /**
   * The quick answer above the results: a region named by its heading, the article's own words and a link to the
   * section they come from; nothing at all without one.
   */
  function quickAnswerHtml(answer: QuickAnswer | undefined): string {
    if (!answer) return '';
    const blocks = answer.blocks.map((block) => {
      if (block.kind === 'text')
        return block.text
          .split(/\n{2,}/)
          .map((para) => `<p>${escapeHtml(para)}</p>`)
          .join('');
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</${tag}>`;
    });
    const title = answer.heading ? `${answer.article.title}: ${answer.heading}` : answer.article.title;
    const source = html('quickAnswerSource', { article: link(answer.href, title) });
    const more = answer.more ? `<p><a href="${escapeHtml(answer.href)}">${html('quickAnswerMore')}</a></p>` : '';
    return (
      `<section class="quick-answer" aria-labelledby="quick-answer-heading">` +
      `<h2 id="quick-answer-heading">${html('quickAnswerHeading')}</h2>${blocks.join('')}${more}` +
      `<p class="quick-answer-source">${source}</p></section>`
    );
  }

  return { statusText, resultsHtml, filtersHtml, quickAnswerHtml, unavailableText: text('unavailable') };
}
