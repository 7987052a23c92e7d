/**
 * Insights on suggestions made while a reader describes their problem to support: shown, opened, and a request sent
 * after one was opened (so staff can count the requests a suggestion made unnecessary). A random id per browser tab
 * ties them together; it lives in sessionStorage, goes on these events only and never on a ticket. Nothing is sent
 * with Global Privacy Control or Do Not Track on (the beacon's rule).
 */
import { beacon } from './reader-beacon.ts';

const TAB_KEY = 'signpost:tab';
/** Set once the tab has opened a suggestion: a request sent from it afterwards is then reported. */
const OPENED_KEY = 'signpost:suggestion-opened';

function tab(): string | undefined {
  try {
    const id = sessionStorage.getItem(TAB_KEY) ?? crypto.randomUUID();
    sessionStorage.setItem(TAB_KEY, id);
    return id;
  } catch {
    return undefined; // storage refused: the events could not be tied together, so none are sent
  }
}

export function suggestionsShown(count: number): void {
  const id = tab();
  if (id) beacon.track({ type: 'suggestions_shown', tab: id, count });
}

export function suggestionOpened(target: string, rank: number): void {
  const id = tab();
  if (!id) return;
  sessionStorage.setItem(OPENED_KEY, '1');
  beacon.track({ type: 'suggestion_open', tab: id, target, rank });
}

/** On the sent page: the request went out; counted when this tab had opened a suggestion first. */
export function requestSent(): void {
  try {
    if (!sessionStorage.getItem(OPENED_KEY)) return;
    sessionStorage.removeItem(OPENED_KEY);
  } catch {
    return;
  }
  const id = tab();
  if (id) beacon.track({ type: 'suggestion_request_sent', tab: id });
}
