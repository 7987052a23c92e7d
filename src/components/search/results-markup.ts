/**
 * The search results as HTML, written the same way on the server (the page without JavaScript) and in the browser
 * (results as the reader types), so both show the same thing. The reader-facing words are all here.
 */
import type { SearchHit, SearchOutcome } from '../../search/search.ts';

import { AS_TYPED_PARAM, FILTER_LABELS, SEARCH_PATH } from './search-params.ts';

const TEXT = {
  prompt: 'Type a question or a few words to search.',
  matches: (count: number, query: string) => `${count} ${count === 1 ? 'article matches' : 'articles match'} “${query}”.`,
  closestStatus: (count: number, query: string) =>
    `No exact match for “${query}”: ${count === 1 ? 'the closest article' : `the ${count} closest articles`}.`,
  fewStatus: (count: number, query: string) =>
    `${count} ${count === 1 ? 'article matches' : 'articles match'} “${query}”, and a few more come close.`,
  closestHeading: 'No exact match: closest articles',
  alsoCloseHeading: 'Closest articles',
  noMatch: (query: string) => `No articles match “${query}”.`,
  showingFor: 'Showing results for',
  searchInstead: 'Search instead for',
  firstOf: (shown: number, total: number) => `The first ${shown} of ${total} are shown: add a word to narrow them down.`,
  troubleshooter: 'Troubleshooter',
  helpHeading: 'Let us help you directly',
  helpIntro: 'Try fewer or different words, or:',
  helpTroubleshooter: 'Use a troubleshooter',
  helpTroubleshooterRest: 'to find the fix step by step',
  helpContact: 'Contact support',
  helpContactRest: 'and tell us what is wrong',
  filtersLegend: 'Narrow your results',
  filtersApply: 'Apply',
  unavailable: 'Search is not available at the moment. Please try again in a minute, or browse the topics on the home page.',
};

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function searchHref(query: string, asTyped = false): string {
  const params = new URLSearchParams({ q: query });
  if (asTyped) params.set(AS_TYPED_PARAM, '1');
  return `${SEARCH_PATH}?${params}`;
}

/** The status line: what the reader's search found, announced to screen readers as it changes. */
export function statusText(outcome: SearchOutcome | undefined): string {
  if (!outcome || !outcome.query.trim()) return TEXT.prompt;
  if (outcome.match === 'exact') return TEXT.matches(outcome.total, outcome.query);
  if (outcome.match === 'none') return TEXT.noMatch(outcome.query);
  const exact = exactShown(outcome);
  return exact ? TEXT.fewStatus(exact, outcome.query) : TEXT.closestStatus(outcome.hits.length, outcome.query);
}

/** Hits that hold every word typed: none when the words were corrected (the reader did not type those). */
const exactShown = (outcome: SearchOutcome) => (outcome.correctedQuery ? 0 : outcome.exactHits);

export const unavailableText = TEXT.unavailable;

/** Everything under the status line: the correction, the results, the help when nothing matched exactly. */
export function resultsHtml(outcome: SearchOutcome | undefined): string {
  if (!outcome || !outcome.query.trim()) return '';
  const parts: string[] = [];
  if (outcome.correctedQuery) {
    parts.push(
      `<p class="correction">${TEXT.showingFor} <a href="${escapeHtml(searchHref(outcome.correctedQuery))}">${escapeHtml(outcome.correctedQuery)}</a>` +
        ` · ${TEXT.searchInstead} <a href="${escapeHtml(searchHref(outcome.query, true))}">${escapeHtml(outcome.query)}</a></p>`,
    );
  }
  const exact = outcome.match === 'exact' ? outcome.hits.length : exactShown(outcome);
  if (exact) parts.push(listHtml(outcome.hits.slice(0, exact), 'h2'));
  if (outcome.match === 'exact' && outcome.total > outcome.hits.length) {
    parts.push(`<p class="muted">${TEXT.firstOf(outcome.hits.length, outcome.total)}</p>`);
  }
  const close = outcome.hits.slice(exact);
  if (close.length) parts.push(`<h2>${exact ? TEXT.alsoCloseHeading : TEXT.closestHeading}</h2>`, listHtml(close, 'h3'));
  if (outcome.match !== 'exact') parts.push(helpHtml());
  return parts.join('');
}

function listHtml(hits: SearchHit[], heading: 'h2' | 'h3'): string {
  const items = hits.map((hit) => {
    const title = hit.kind === 'troubleshooter' ? `${TEXT.troubleshooter}: ${hit.title}` : hit.title;
    const label = hit.kind === 'troubleshooter' ? TEXT.troubleshooter : (hit.category ?? '');
    // Pagefind's excerpt is the page's text with < and > escaped and the matched words in <mark>.
    return (
      `<li><${heading}><a href="${escapeHtml(hit.url)}">${escapeHtml(title)}</a></${heading}>` +
      `<p class="result-category">${escapeHtml(label)}</p><p>${hit.excerpt}</p></li>`
    );
  });
  return `<ol class="results article-list">${items.join('')}</ol>`;
}

function helpHtml(): string {
  return (
    `<div class="no-results"><h2>${TEXT.helpHeading}</h2><p>${TEXT.helpIntro}</p><ul>` +
    `<li><a href="/troubleshoot/">${TEXT.helpTroubleshooter}</a> ${TEXT.helpTroubleshooterRest}</li>` +
    `<li><a href="/contact/">${TEXT.helpContact}</a> ${TEXT.helpContactRest}</li></ul></div>`
  );
}

/**
 * The filter groups worth showing: those whose values split the results (two values or more), or where the reader
 * has chosen a value. Nothing at all when there is nothing to filter, so the box takes no room.
 */
export function filtersHtml(outcome: SearchOutcome | undefined, chosen: Record<string, string[]>): string {
  if (!outcome?.hits.length) return '';
  const groups = Object.entries(FILTER_LABELS).flatMap(([name, label]) => {
    const picked = chosen[name] ?? [];
    const values = [
      ...new Set([...Object.keys(outcome.filterCounts[name] ?? {}).filter((v) => outcome.filterCounts[name][v] > 0), ...picked]),
    ].sort();
    if (values.length < 2 && !picked.length) return [];
    const boxes = values.map(
      (value) =>
        `<label><input type="checkbox" name="${escapeHtml(name)}" value="${escapeHtml(value)}"${picked.includes(value) ? ' checked' : ''}> ${escapeHtml(value)}</label>`,
    );
    return [`<fieldset><legend>${escapeHtml(label)}</legend>${boxes.join('')}</fieldset>`];
  });
  if (!groups.length) return '';
  return (
    `<form class="filters" method="get" action="${SEARCH_PATH}"><fieldset><legend>${TEXT.filtersLegend}</legend>` +
    `<input type="hidden" name="q" value="${escapeHtml(outcome.query)}"><div class="filter-groups">${groups.join('')}</div>` +
    `<button type="submit" class="secondary">${TEXT.filtersApply}</button></fieldset></form>`
  );
}
