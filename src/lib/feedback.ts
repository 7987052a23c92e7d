import { t } from '../i18n/messages.ts';

/**
 * The "Was this article helpful?" contract, shared by the article's form, the thank-you page and the server (the
 * enhancing script, article-feedback.ts, gets its words from the page). Field names are the API's JSON names.
 */
export const FEEDBACK_REASONS = [
  { id: 'unclear', label: t('feedback.reason.unclear') },
  { id: 'not-my-question', label: t('feedback.reason.not-my-question') },
  { id: 'did-not-work', label: t('feedback.reason.did-not-work') },
  { id: 'out-of-date', label: t('feedback.reason.out-of-date') },
] as const;

export type FeedbackReasonId = (typeof FEEDBACK_REASONS)[number]['id'];
export const feedbackReasonIds = FEEDBACK_REASONS.map((r) => r.id) as [FeedbackReasonId, ...FeedbackReasonId[]];

export const COMMENT_MAX = 500;

/** Where a plain-form vote or reasons post lands; `vote` only after a No, so the page can ask why. */
export function thanksHref(article: string, vote?: string): string {
  const params = new URLSearchParams({ article });
  if (vote) params.set('vote', vote);
  return `/feedback/thanks/?${params}`;
}
