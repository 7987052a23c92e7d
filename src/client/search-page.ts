/** Browser code for /search/: runs Pagefind's JS API against the `q` in the URL and keeps the URL in step. */
import { beacon } from './reader-beacon.ts';
import { createSearchTracker } from './search-tracker.ts';

interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: Record<string, string> }>;
}
interface Pagefind {
  options(o: object): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(q: string, o?: object): Promise<{ results: PagefindResult[] }>;
}

const FILTER_LABELS: Record<string, string> = { category: 'Topic', audience: 'Written for' };

export async function runSearchPage(): Promise<void> {
  const root = document.querySelector('search-results');
  const field = document.querySelector<HTMLInputElement>('#search-page-field');
  if (!root || !field) return;
  const ui = root.querySelector<HTMLElement>('.search-ui')!;
  const status = root.querySelector<HTMLElement>('.status')!;
  const list = root.querySelector<HTMLOListElement>('.results')!;
  const noResults = root.querySelector<HTMLElement>('.no-results')!;
  const filterBox = root.querySelector<HTMLFieldSetElement>('.filters')!;
  root.querySelector<HTMLElement>('.needs-js')!.hidden = true;
  ui.hidden = false;

  let pagefind: Pagefind;
  try {
    pagefind = (await import(/* @vite-ignore */ `${'/pagefind/'}pagefind.js`)) as Pagefind;
    await pagefind.options({ excerptLength: 24 });
    await pagefind.init();
  } catch {
    status.textContent = 'Search could not load. Please reload the page, or browse the topics on the home page.';
    return;
  }

  const params = new URLSearchParams(location.search);
  const chosen = new Map<string, Set<string>>();
  for (const name of Object.keys(FILTER_LABELS)) chosen.set(name, new Set(params.getAll(name)));
  renderFilters(filterBox, await pagefind.filters(), chosen, () => void update());
  field.value = params.get('q') ?? '';

  // Insights: the query the reader settles on, its result count, and which result they open.
  const tracker = createSearchTracker(beacon.track);
  let shownQuery = '';
  const opened = (event: MouseEvent) => {
    const link = (event.target as Element).closest('a');
    const item = link?.closest('li');
    if (link && item) tracker.opened(shownQuery, new URL(link.href).pathname, [...list.children].indexOf(item) + 1);
  };
  list.addEventListener('click', opened);
  list.addEventListener('auxclick', opened);
  addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && tracker.settle());
  addEventListener('pagehide', tracker.settle);

  let generation = 0;
  async function update(pushUrl = true) {
    const query = field!.value.trim();
    const mine = ++generation;
    if (pushUrl) syncUrl(query, chosen);
    if (!query) {
      list.replaceChildren();
      noResults.hidden = true;
      status.textContent = 'Type a question or a few words to search.';
      return;
    }
    const filters = Object.fromEntries([...chosen].filter(([, v]) => v.size).map(([k, v]) => [k, { any: [...v] }]));
    const search = await pagefind.search(query, { filters });
    const page = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
    if (mine !== generation) return;
    shownQuery = query;
    tracker.searched(query, search.results.length);
    list.replaceChildren(...page.map(renderResult));
    noResults.hidden = page.length > 0;
    status.textContent = page.length
      ? `${search.results.length} ${search.results.length === 1 ? 'article matches' : 'articles match'} “${query}”.`
      : `No articles match “${query}”.`;
  }

  let timer: number | undefined;
  field.addEventListener('input', () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => void update(), 250);
  });
  field.form?.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void update();
  });
  await update(false);
}

function renderResult(data: { url: string; excerpt: string; meta: Record<string, string> }): HTMLLIElement {
  const item = document.createElement('li');
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  heading.append(link);
  const category = document.createElement('p');
  category.className = 'result-category';
  category.textContent = data.meta.category ?? '';
  const excerpt = document.createElement('p');
  // Pagefind escapes the page text and only adds <mark> around matches.
  excerpt.innerHTML = data.excerpt;
  item.append(heading, category, excerpt);
  return item;
}

function renderFilters(
  box: HTMLFieldSetElement,
  available: Record<string, Record<string, number>>,
  chosen: Map<string, Set<string>>,
  onChange: () => void,
) {
  const groups = box.querySelector('.filter-groups')!;
  for (const [name, label] of Object.entries(FILTER_LABELS)) {
    const values = Object.keys(available[name] ?? {}).sort();
    if (values.length < 2) continue;
    const group = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = label;
    group.append(legend);
    for (const value of values) {
      const labelEl = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.name = name;
      input.value = value;
      input.checked = chosen.get(name)!.has(value);
      input.addEventListener('change', () => {
        const set = chosen.get(name)!;
        if (input.checked) set.add(value);
        else set.delete(value);
        onChange();
      });
      labelEl.append(input, ` ${value}`);
      group.append(labelEl);
    }
    groups.append(group);
    box.hidden = false;
  }
}

function syncUrl(query: string, chosen: Map<string, Set<string>>) {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  for (const [name, values] of chosen) for (const v of values) params.append(name, v);
  const next = `${location.pathname}${params.size ? `?${params}` : ''}`;
  if (next !== `${location.pathname}${location.search}`) history.replaceState(null, '', next);
}
