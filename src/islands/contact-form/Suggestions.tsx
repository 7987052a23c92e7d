import { useEffect, useRef, useState } from 'preact/hooks';
import type { Suggestion } from './suggest.ts';

// Loaded together with the suggestions, which are why a draft is kept (a suggestion opened, then Back).
export { savedDraft, saveDraft } from './draft.ts';

/** The suggestions' words (src/i18n/island-text.ts) and what the search module needs to know of the site. */
export interface SuggestionsText {
  heading: string;
  troubleshooter: string;
  flowPathPrefix: string;
  productName: string;
}

/** Suggestions wait for this many words, and for a pause this long in the typing. */
const MIN_WORDS = 3;
const TYPING_PAUSE_MS = 600;

/**
 * "Before you send: these may solve it": up to three articles or troubleshooters matching what the reader has
 * written so far, found by the one search module (suggest.ts, loaded with the first search) as they pause in typing,
 * and announced politely when they change. Opening one keeps the draft (the form saves it for the tab) and
 * highlights the matched words on the page opened.
 */
export function Suggestions({ description, text }: { description: string; text: SuggestionsText }) {
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const logic = useRef<typeof import('./suggest.ts')>();
  useEffect(() => {
    if (description.trim().split(/\s+/).length < MIN_WORDS) {
      setSuggestions([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      import('./suggest.ts')
        .then((loaded) => (logic.current = loaded).suggest(description, text, text.troubleshooter))
        .then((found) => {
          // The same suggestions again (more words typed) stay as they are, and are not announced again.
          const urls = (list: Suggestion[]) => list.map((s) => s.hit.url).join();
          if (current) setSuggestions((shown) => (urls(shown) === urls(found) ? shown : found));
        })
        // Search unavailable: the form works as before, without suggestions.
        .catch(() => undefined);
    }, TYPING_PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [description]);
  useEffect(() => {
    if (suggestions.length) logic.current?.shown(suggestions);
  }, [suggestions]);

  return (
    <div class="suggestions" aria-live="polite">
      {suggestions.length > 0 && (
        <section class="notice" aria-labelledby="suggestions-heading">
          <h2 id="suggestions-heading">{text.heading}</h2>
          <ul>
            {suggestions.map((suggestion, i) => (
              <li key={suggestion.hit.url}>
                <a href={suggestion.hit.url} onClick={() => logic.current?.opened(suggestion, i + 1)}>
                  {suggestion.hit.title}
                </a>{' '}
                <span class="muted">{suggestion.label}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
