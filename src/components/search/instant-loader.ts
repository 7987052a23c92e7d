/**
 * On every page, before any interaction: the header search's keyboard shortcuts, and the loading of what the reader
 * is about to use. The instant results (Pagefind and the query code with them) load on the field's first focus,
 * never at idle; the highlighting of searched words only on a page opened from search. Built, like the scripts it
 * loads, as one standalone file (SearchField.astro) so nothing else comes with it: its own row in `npm run bench:weight`.
 */
import { HANDOFF_KEY } from '../../client/search-handoff-key.ts';

const field = document.querySelector<HTMLInputElement>('[data-instant-search]');
const load = (src: string) => document.head.append(Object.assign(document.createElement('script'), { type: 'module', src }));

if (field) {
  let started = false;
  const start = () => {
    if (!started) load(field.dataset.module!);
    started = true;
  };
  field.addEventListener('focus', start);
  if (document.activeElement === field) start();

  // "/" and Ctrl/Cmd-K jump to the header search, unless the reader is typing somewhere.
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    const typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
    const isSlash = event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
    const isCmdK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey);
    if (!isSlash && !isCmdK) return;
    event.preventDefault();
    field.focus();
    field.select();
  });

  try {
    if (sessionStorage.getItem(HANDOFF_KEY)) load(field.form!.dataset.highlight!);
  } catch {
    // Storage refused: nothing was handed over.
  }
}
