/**
 * The "Was this article helpful?" contract, shared by the article's form, the thank-you page, the enhancing
 * script and the server. Field names are the API's JSON names.
 */
export const FEEDBACK_REASONS = [
  { id: 'unclear', label: 'It was hard to understand' },
  { id: 'not-my-question', label: 'It did not answer my question' },
  { id: 'did-not-work', label: 'The steps did not work for me' },
  { id: 'out-of-date', label: 'It is wrong or out of date' },
] as const;

export type FeedbackReasonId = (typeof FEEDBACK_REASONS)[number]['id'];
export const feedbackReasonIds = FEEDBACK_REASONS.map((r) => r.id) as [FeedbackReasonId, ...FeedbackReasonId[]];

export const COMMENT_MAX = 500;

/** What the reader is told happens with their answer, on the article and on the thank-you page. */
export const FEEDBACK_PROMISE =
  'We count your answer together with other readers’ answers: our editors use them to decide which articles to improve first, ' +
  'and they read every comment. We do not store who you are, and nobody replies to feedback, so if you need help, contact support.';

/** Where a plain-form vote or reasons post lands; `vote` only after a No, so the page can ask why. */
export function thanksHref(article: string, vote?: string): string {
  const params = new URLSearchParams({ article });
  if (vote) params.set('vote', vote);
  return `/feedback/thanks/?${params}`;
}
