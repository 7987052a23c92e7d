/**
 * Browser code for /search/: the server has rendered the results for the URL's query; from then on the page searches
 * in the browser as the reader types or picks a filter (the same search module, the same markup), keeps the URL in
 * step, and reports the query the reader settles on (insights).
 */
import { beacon } from '../../client/reader-beacon.ts';
import { handOff, markedWords } from '../../client/search-handoff.ts';
import { createSearchTracker } from '../../client/search-tracker.ts';
import type { QuickAnswer } from '../../search/quick-answer.ts';
import type { SearchWords } from './results-markup.ts';
import { AS_TYPED_PARAM, FILTER_NAMES } from './search-params.ts';

/** Searching waits this long after the last keystroke. */
const TYPING_PAUSE_MS = 250;

export function enhanceSearchPage(): void {
  const root = document.querySelector<HTMLElement>('search-results');
  const field = root && document.querySelector<HTMLInputElement>(`#${root.dataset.field}`);
  if (!root || !field) return;
  const filterBox = root.querySelector<HTMLElement>('.filter-box')!;
  const status = root.querySelector<HTMLElement>('.status')!;
  const found = root.querySelector<HTMLElement>('.found')!;
  const answerBox = root.querySelector<HTMLElement>('.quick-answer-box')!;
  const options = { flowPathPrefix: root.dataset.flows!, productName: root.dataset.product! };
  const words = JSON.parse(root.dataset.words!) as SearchWords;
  const chosen = Object.fromEntries(FILTER_NAMES.map((name) => [name, new URLSearchParams(location.search).getAll(name)]));
  let asTyped = new URLSearchParams(location.search).get(AS_TYPED_PARAM) === '1';
  // Filters apply as they are ticked: their Apply button is for pages without JavaScript.
  root.dataset.live = '';

  // Insights: the query the reader settles on, its result count, and which result they open.
  const tracker = createSearchTracker(beacon.track);
  let shownQuery = root.dataset.query ?? '';
  if (shownQuery.trim()) tracker.searched(shownQuery, Number(root.dataset.total));
  const opened = (event: MouseEvent) => {
    const link = (event.target as Element).closest('a');
    const item = link?.closest('.results > li');
    if (!link || !item) return;
    const path = new URL(link.href).pathname;
    tracker.opened(shownQuery, path, [...item.parentElement!.children].indexOf(item) + 1);
    handOff({ path, words: markedWords(item.innerHTML), section: link.dataset.section });
  };
  found.addEventListener('click', opened);
  found.addEventListener('auxclick', opened);
  addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && tracker.settle());
  addEventListener('pagehide', tracker.settle);

  let generation = 0;
  async function update() {
    const query = field!.value.trim();
    const mine = ++generation;
    syncUrl(query, chosen, asTyped);
    // The search module and the markup load with the first search, not with the page (the server rendered its results).
    const [{ browserSearch }, { resultsMarkup }] = await Promise.all([
      import('../../search/browser-search.ts'),
      import('./results-markup.ts'),
    ]);
    const markup = resultsMarkup(words);
    if (mine !== generation) return;
    if (!query) {
      filterBox.replaceChildren();
      answerBox.replaceChildren();
      found.replaceChildren();
      status.textContent = markup.statusText(undefined);
      return;
    }
    performance.mark('search-start');
    const answer = quickAnswerOf(query);
    let outcome;
    try {
      const search = await browserSearch(options);
      outcome = await search({ query, filters: chosen, asTyped });
    } catch {
      if (mine === generation) {
        status.textContent = markup.unavailableText;
        answerBox.replaceChildren();
      }
      return;
    }
    if (mine !== generation) return;
    shownQuery = query;
    tracker.searched(query, outcome.total);
    // Ticking a box must not replace it under the reader's pointer: the box changes only when its values do.
    const filters = markup.filtersHtml(outcome, chosen);
    if (filters.replaceAll(' checked', '') !== filterBox.innerHTML.replaceAll(' checked=""', '')) filterBox.innerHTML = filters;
    found.innerHTML = markup.resultsHtml(outcome);
    // The box follows the results; a late or failed answer leaves no box rather than one for another query.
    void answer.then((quick) => mine === generation && (answerBox.innerHTML = markup.quickAnswerHtml(quick)));
    status.textContent = markup.statusText(outcome);
    root!.dataset.query = query;
    root!.dataset.total = String(outcome.total);
    // For `npm run bench:build`: how long a query takes in the browser, from keystroke pause to results on screen.
    performance.measure('search', 'search-start');
  }

  let timer: number | undefined;
  const soon = () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => void update(), TYPING_PAUSE_MS);
  };
  field.addEventListener('input', () => {
    asTyped = false;
    soon();
  });
  field.form?.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    asTyped = false;
    void update();
  });
  filterBox.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    const values = new Set(chosen[box.name] ?? []);
    if (box.checked) values.add(box.value);
    else values.delete(box.value);
    chosen[box.name] = [...values];
    void update();
  });
  filterBox.addEventListener('submit', (event) => event.preventDefault());
}

/** The quick answer for a query from the server (GET /api/answer), or none when there is none or it cannot be had. */
async function quickAnswerOf(query: string): Promise<QuickAnswer | undefined> {
  try {
    // In the page's language: its articles, read by its rules.
    const response = await fetch(`/api/answer?${new URLSearchParams({ q: query, lang: document.documentElement.lang })}`);
    if (!response.ok) return undefined;
    return ((await response.json()) as { answer: QuickAnswer | null }).answer ?? undefined;
  } catch {
    return undefined;
  }
}

function syncUrl(query: string, chosen: Record<string, string[]>, asTyped: boolean) {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  for (const [name, values] of Object.entries(chosen)) for (const value of values) params.append(name, value);
  if (asTyped) params.set(AS_TYPED_PARAM, '1');
  const next = `${location.pathname}${params.size ? `?${params}` : ''}`;
  if (next !== `${location.pathname}${location.search}`) history.replaceState(null, '', next);
}
