import type { ContactFormValues } from '../../lib/contact-form.ts';
import type { Transcript } from '../../troubleshooter/transcript.ts';
import { storageKey } from './sent-requests.ts';

/**
 * What the reader has written, kept for the tab while suggestions are offered: opening a suggested article and
 * coming back keeps it. Personal data, so sessionStorage only, and removed once the request is sent (rememberSent).
 */
export function savedDraft(transcript: Transcript | undefined): Partial<ContactFormValues> | undefined {
  try {
    return JSON.parse(sessionStorage.getItem(storageKey(transcript, 'draft')) ?? 'null') ?? undefined;
  } catch {
    return undefined; // storage blocked, or not a draft of ours
  }
}

export function saveDraft(transcript: Transcript | undefined, values: ContactFormValues): void {
  try {
    sessionStorage.setItem(storageKey(transcript, 'draft'), JSON.stringify(values));
  } catch {
    // Storage refused: the draft lasts as long as the page.
  }
}
