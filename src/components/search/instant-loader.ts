/**
 * On every page, before any interaction: the header search's keyboard shortcuts, and the loading of what the reader
 * is about to use. The instant results (Pagefind and the query code with them) load on the field's first focus,
 * never at idle; the highlighting of searched words only on a page opened from search. Built, like the scripts it
 * loads, as one standalone file (SearchField.astro) so nothing else comes with it: its own row in `npm run bench:weight`.
 */
import { HANDOFF_KEY } from '../../client/search-handoff-key.ts';

const field = document.querySelector<HTMLInputElement>('[data-instant-search]');
// Runtime URLs, not modules of this build (so no loader of Vite's comes along): a second import does nothing.
const load = (url = field!.dataset.module!) => import(url);

if (field) {
  field.addEventListener('focus', () => load());
  // Module scripts run once the page is parsed: a quick reader may be in the field already.
  if (document.activeElement === field) void load();

  // "/" and Ctrl/Cmd-K jump to the header search, unless the reader is typing somewhere.
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    const typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
    const modified = event.ctrlKey || event.metaKey;
    if ((event.key === '/' && !typing && !modified && !event.altKey) || (event.key.toLowerCase() === 'k' && modified)) {
      event.preventDefault();
      field.focus();
      field.select();
    }
  });

  try {
    if (sessionStorage.getItem(HANDOFF_KEY)) void load(field.form!.dataset.highlight);
  } catch {
    // Storage refused: nothing was handed over.
  }
}
