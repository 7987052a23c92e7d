import { hasControlCharacters } from '../../lib/control-characters.ts';
import { z } from 'astro/zod';
import type { Messages } from '../../i18n/messages.ts';
import type { FieldErrors } from '../../lib/contact-form.ts';
import { COMMENT_MAX, feedbackReasonIds, type FeedbackReasonId } from '../../lib/feedback.ts';

/** A vote on an article, or the reasons a reader adds to their No (named by the vote's id). */
export type FeedbackPost =
  | { kind: 'vote'; article: string; helpful: boolean }
  | { kind: 'details'; vote: string; reasons: FeedbackReasonId[]; comment: string | null };

type Words = Messages['t'];

const voteSchema = (articles: Set<string>, t: Words) =>
  z.object({
    article: z
      .string({ error: t('feedback.article.error.missing') })
      .refine((slug) => articles.has(slug), { error: t('feedback.article.error.unknown') }),
    helpful: z.boolean({ error: t('feedback.helpful.error.missing') }),
  });

const detailsSchema = (t: Words) =>
  z
    .object({
      vote: z.uuid({ error: t('feedback.vote.error.unknown') }),
      reasons: z
        .array(z.enum(feedbackReasonIds, { error: t('feedback.reasons.error.unknown') }), { error: t('feedback.reasons.error.unknown') })
        .default([])
        .transform((list) => [...new Set(list)]),
      comment: z
        .string({ error: t('feedback.comment.error.not-text') })
        .trim()
        .max(COMMENT_MAX, { error: t('feedback.comment.error.too-long', { max: COMMENT_MAX }) })
        .refine((comment) => !hasControlCharacters(comment), { error: t('feedback.comment.error.control-characters') })
        .default('')
        .transform((text) => text || null),
    })
    .refine((d) => d.reasons.length > 0 || d.comment !== null, { error: t('feedback.reasons.error.missing'), path: ['reasons'] });

/** Checks a post's fields: with a `vote` id it adds reasons, otherwise it is a vote; errors in the words of `t`. */
export function parseFeedback(
  fields: Record<string, unknown>,
  articles: Set<string>,
  t: Words,
): { ok: true; value: FeedbackPost } | { ok: false; errors: FieldErrors } {
  if (fields.vote !== undefined) {
    const result = detailsSchema(t).safeParse(fields);
    return result.success ? { ok: true, value: { kind: 'details', ...result.data } } : { ok: false, errors: errorsOf(result.error) };
  }
  const result = voteSchema(articles, t).safeParse(fields);
  return result.success ? { ok: true, value: { kind: 'vote', ...result.data } } : { ok: false, errors: errorsOf(result.error) };
}

/** The plain forms send strings: `helpful=yes|no`, repeated `reasons`, `comment`, `vote` after a No, and the page's `language`. */
export function feedbackFieldsFromForm(form: URLSearchParams): Record<string, unknown> {
  const helpful = form.get('helpful');
  return {
    article: form.get('article') ?? undefined,
    helpful: helpful === 'yes' ? true : helpful === 'no' ? false : (helpful ?? undefined),
    vote: form.get('vote') ?? undefined,
    reasons: form.getAll('reasons'),
    comment: form.get('comment') ?? undefined,
    language: form.get('language') ?? undefined,
  };
}

function errorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? '')] ??= issue.message;
  return errors;
}
