/**
 * The header search as the W3C APG "combobox with listbox popup": focus stays in the field while the arrow keys move
 * through the top results (articles and troubleshooters, with their topic) and "See all results"; Enter opens one,
 * Escape closes the list, and a polite status says how many results there are. The same search module and Pagefind
 * index as the search page. Loaded by instant-loader.ts on the field's first focus; without JavaScript the field is
 * the plain form to /search/. Built as one standalone file (SearchField.astro): what the first results need arrives
 * in one request.
 */
import { beacon } from '../../client/reader-beacon.ts';
import { handOffHit } from '../../client/search-handoff.ts';
import { createSearchTracker } from '../../client/search-tracker.ts';
import { formatMessage, type Message } from '../../i18n/format.ts';
import { browserSearch } from '../../search/browser-search.ts';
import type { SearchHit } from '../../search/search.ts';
import { hitLabel, searchHref } from './results-markup.ts';

/** The words of the popup, from the message catalogue (search-words.ts), on the form's `data-words`. */
export interface InstantWords {
  locale: string;
  count: Message;
  none: Message;
  seeAll: Message;
  troubleshooter: string;
  unavailable: string;
}

/** Results shown, before "See all results". */
export const INSTANT_RESULTS = 5;
/** Searching waits this long after the last keystroke. */
const TYPING_PAUSE_MS = 200;

const field = document.querySelector<HTMLInputElement>('[data-instant-search]');
if (field) enhance(field);

function enhance(field: HTMLInputElement): void {
  const form = field.form!;
  const listbox = document.getElementById(field.dataset.instantSearch!)!;
  // The count's live region, there from the first focus on (so only where instant results run), filled once results come.
  const status = form.appendChild(Object.assign(document.createElement('p'), { className: 'sr-only' }));
  status.setAttribute('role', 'status');
  const words = JSON.parse(form.dataset.words!) as InstantWords;
  const options = { flowPathPrefix: form.dataset.flows!, productName: form.dataset.product! };
  const say = (message: Message, values: Record<string, string | number>) => formatMessage(message, values, words.locale);
  for (const [name, value] of Object.entries({
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listbox.id,
  }))
    field.setAttribute(name, value);

  const tracker = createSearchTracker(beacon.track);
  addEventListener('pagehide', tracker.settle);
  let hits: SearchHit[] = [];
  let query = '';
  let active = -1;
  let generation = 0;
  let timer: number | undefined;
  const choices = () => [...listbox.children] as HTMLElement[];

  function activate(index: number) {
    active = index;
    choices().forEach((choice, i) => choice.setAttribute('aria-selected', String(i === index)));
    const chosen = choices()[index];
    if (chosen) {
      field.setAttribute('aria-activedescendant', chosen.id);
      chosen.scrollIntoView({ block: 'nearest' });
    } else field.removeAttribute('aria-activedescendant');
  }

  function show(open: boolean) {
    listbox.hidden = !open;
    field.setAttribute('aria-expanded', String(open));
    if (!open) activate(-1);
  }

  function choice(id: string, title: string, label = '') {
    const item = document.createElement('li');
    item.id = `${listbox.id}-${id}`;
    item.setAttribute('role', 'option');
    item.setAttribute('aria-selected', 'false');
    const name = document.createElement('span');
    name.textContent = title;
    item.append(name);
    if (label) {
      const topic = document.createElement('span');
      topic.className = 'instant-topic';
      topic.textContent = label;
      item.append(' ', topic);
    }
    return item;
  }

  function go(index: number) {
    const hit = hits[index];
    // "See all results": for what the field says now, even if its results are still on their way.
    if (!hit) return location.assign(searchHref(field.value.trim()));
    tracker.opened(query, new URL(hit.url, location.href).pathname, index + 1);
    handOffHit(hit);
    location.assign(hit.url);
  }

  async function update() {
    const typed = field.value.trim();
    const mine = ++generation;
    if (!typed) {
      show(false);
      status.textContent = '';
      return;
    }
    let outcome;
    try {
      // The five shown are the five ranked again (each page's text is a request; on the golden query set the top
      // five hold the answer as often as when ten are ranked), and no filter box needs counts.
      outcome = await (await browserSearch(options))({ query: typed, limit: INSTANT_RESULTS, depth: INSTANT_RESULTS, countFilters: false });
    } catch {
      if (mine === generation) {
        show(false);
        status.textContent = words.unavailable;
      }
      return;
    }
    if (mine !== generation) return;
    query = typed;
    hits = outcome.hits;
    listbox.replaceChildren(
      ...hits.map((hit, i) => choice(String(i), hit.title, hitLabel(hit, words.troubleshooter))),
      choice('all', say(words.seeAll, { query })),
    );
    show(true);
    const count = outcome.match === 'exact' ? outcome.total : hits.length;
    status.textContent = hits.length ? say(words.count, { count }) : say(words.none, { query });
    tracker.searched(query, outcome.total);
  }

  field.addEventListener('input', () => {
    activate(-1);
    clearTimeout(timer);
    timer = window.setTimeout(() => void update(), TYPING_PAUSE_MS);
  });
  field.addEventListener('keydown', (event) => {
    const open = !listbox.hidden;
    const count = choices().length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!count) return;
      event.preventDefault();
      if (!open) show(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      activate(active < 0 && step < 0 ? count - 1 : (active + step + count) % count);
    } else if (event.key === 'Enter' && open && active >= 0) {
      event.preventDefault();
      go(active);
    } else if (event.key === 'Escape' && open) {
      // A search field clears itself on Escape: the first Escape only closes the list.
      event.preventDefault();
      show(false);
    }
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) show(false);
  });
  // A press on an option must not take focus from the field (APG: focus stays in the combobox).
  listbox.addEventListener('pointerdown', (event) => event.preventDefault());
  listbox.addEventListener('click', (event) => {
    const item = (event.target as Element).closest('[role=option]');
    if (item) go(choices().indexOf(item as HTMLElement));
  });
  // What the reader typed before this code arrived.
  if (field.value.trim()) void update();
}
