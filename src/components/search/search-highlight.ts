/**
 * On a page opened from search: the searched words marked in its text, and the section that matched best scrolled
 * into view (Pagefind's sub-results named it). Loaded by instant-loader.ts only when search handed words over.
 */
import { takeHandoff } from '../../client/search-handoff.ts';

const handoff = takeHandoff(location.pathname);
const body = document.querySelector('[data-pagefind-body]');
if (handoff && body && handoff.words.length) {
  const escaped = handoff.words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const words = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  while (walker.nextNode()) texts.push(walker.currentNode as Text);
  for (const text of texts) {
    const value = text.data;
    const found = [...value.matchAll(words)];
    if (!found.length) continue;
    const pieces: (string | Node)[] = [];
    let at = 0;
    for (const match of found) {
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      mark.textContent = match[0];
      pieces.push(value.slice(at, match.index), mark);
      at = match.index + match[0].length;
    }
    pieces.push(value.slice(at));
    text.replaceWith(...pieces);
  }
  // No section: the page's top matched best, and that is where the page opens anyway.
  if (handoff.section) document.getElementById(handoff.section)?.scrollIntoView({ block: 'start' });
}
