import type { Transcript } from '../../troubleshooter/transcript.ts';

/**
 * The requests this tab has sent, by where the form stood: the contact page, or a troubleshooter path. The sent
 * state has its own address (/contact/sent/?ref=…); when the reader comes back to a form they already sent (Back,
 * a reload, the same path walked again), it says so instead of offering an empty form that would make a second
 * ticket. Kept for the tab only, like the troubleshooter's path. The form's draft (draft.ts) is kept the same way.
 */
export const storageKey = (transcript: Transcript | undefined, kind: 'sent' | 'draft' = 'sent') =>
  `signpost:${kind}:${transcript ? JSON.stringify(transcript) : 'contact'}`;

export function sentReference(transcript: Transcript | undefined): string | undefined {
  try {
    return sessionStorage.getItem(storageKey(transcript)) ?? undefined;
  } catch {
    return undefined; // storage blocked: the form is offered as usual
  }
}

export function rememberSent(transcript: Transcript | undefined, reference: string | undefined): void {
  try {
    if (reference) sessionStorage.setItem(storageKey(transcript), reference);
    else sessionStorage.removeItem(storageKey(transcript));
    // Sent, or a new request begun: the draft is done with.
    sessionStorage.removeItem(storageKey(transcript, 'draft'));
  } catch {
    // Private modes may refuse storage; the sent page still has the reference.
  }
}
