import type { FieldErrors } from '../../lib/contact-form.ts';
import { thanksHref } from '../../lib/feedback.ts';
import type { Db } from '../db/connection.ts';
import { dailySalt } from '../db/daily-salt.ts';
import { addVoteDetails, recordVote } from '../db/feedback.ts';
import { clientAddress, rateLimitKey } from '../http/client-address.ts';
import { failedWrite } from '../http/database-answers.ts';
import { isCrossSite } from '../http/origin-check.ts';
import { createRateLimit, type RateLimitAnswer } from '../http/rate-limit.ts';
import { isRejection, readSubmission, submissionKind } from '../http/request-body.ts';
import { jsonResponse } from '../http/responses.ts';
import { fieldLanguage, languageOfPage } from '../http/request-language.ts';
import { localizedPath } from '../../i18n/languages.ts';
import { messagesFor, type Messages } from '../../i18n/messages.ts';
import type { EndpointSettings } from '../settings.ts';
import { feedbackFieldsFromForm, parseFeedback, type FeedbackPost } from './feedback-schema.ts';
import { utcDay, voterKey } from './voter-key.ts';

/** A plain-form post that failed: the thank-you page shows this instead, with the status. */
export interface FeedbackFormProblem {
  status: number;
  headers: Record<string, string>;
  message: string;
  errors: FieldErrors;
  /** The language the message is in, and the thank-you page to show it on. */
  language: string;
  /** What the reader sent, to show the reasons form again with it. */
  article?: string;
  vote?: string;
  reasons: string[];
  comment: string;
}

export interface FeedbackEndpointOptions {
  settings: EndpointSettings;
  /** Slugs of the published articles. */
  articles: () => Promise<Set<string>>;
  db: () => Promise<Db>;
  now?: () => number;
}

/**
 * POST /api/feedback, JSON or plain form, with the support request endpoint's checks in the same order: origin,
 * body, rate limit, fields. JSON gets JSON; the plain form gets a 303 to the thank-you page, or that page with
 * the problem (a FeedbackFormProblem).
 */
export function createFeedbackEndpoint({ settings, articles, db, now = Date.now }: FeedbackEndpointOptions) {
  const rateLimit = createRateLimit('feedback', settings.rateLimitPerMinute);

  return async function handle(request: Request, socketAddress: string): Promise<Response | FeedbackFormProblem> {
    // The language of the page the vote was cast on (from its address) until the body's `language` field names one.
    let language = languageOfPage(request, settings.publicOrigin);
    let { t } = messagesFor(language);
    if (isCrossSite(request, settings.publicOrigin)) return jsonResponse(403, { error: 'cross-site', message: t('api.cross-site') });
    const asForm = submissionKind(request) === 'form';
    const submission = await readSubmission(request, feedbackFieldsFromForm);
    const form = isRejection(submission) ? undefined : submission.form;
    const fail = (status: number, error: string, message: string, errors: FieldErrors = {}, headers: Record<string, string> = {}) =>
      asForm
        ? problem(status, message, errors, form, headers, language)
        : jsonResponse(status, { error, message, ...(Object.keys(errors).length > 0 ? { fields: errors } : {}) }, headers);
    // Storing failed, or counting the post did (on PostgreSQL the rate limits are in the database too).
    const notSaved = (error: unknown) => {
      console.error(`feedback not stored: ${error instanceof Error ? error.message : String(error)}`);
      const answer = failedWrite(error, t('feedback.error.not-saved'), language);
      return fail(answer.status, answer.error, answer.message, {}, answer.headers);
    };
    if (isRejection(submission)) return fail(submission.status, submission.error, submission.message);

    const network = rateLimitKey(clientAddress(socketAddress, request.headers.get('x-forwarded-for'), settings.trustedProxyHops));
    let limit: RateLimitAnswer;
    try {
      limit = await rateLimit(network);
    } catch (error) {
      return notSaved(error);
    }
    if (!limit.allowed) {
      const wait = limit.retryAfterSeconds;
      return fail(429, 'rate-limited', t('feedback.error.rate-limited', { count: wait }), {}, { 'Retry-After': String(wait) });
    }

    // The language of the page the vote was cast on: the form names it, else the page it came from does.
    const asked = fieldLanguage(submission.fields, language);
    if ('unknown' in asked) return fail(400, 'invalid', asked.unknown, { language: asked.unknown });
    language = asked.language;
    ({ t } = messagesFor(language));
    const parsed = parseFeedback(submission.fields, await articles(), t);
    if (!parsed.ok) return fail(422, 'invalid', t('api.invalid'), parsed.errors);

    let answer: Stored;
    try {
      const reader = { network, userAgent: request.headers.get('user-agent') ?? '', language, t, at: new Date(now()) };
      answer = await store(parsed.value, await db(), reader);
    } catch (error) {
      return notSaved(error);
    }
    if ('errors' in answer) return fail(422, 'invalid', t('api.invalid'), answer.errors);
    // A repeat is no error to a reader of the plain form: they land on the same thank-you page.
    if (asForm) return new Response(null, { status: 303, headers: { Location: answer.location, 'Cache-Control': 'no-store' } });
    return jsonResponse(answer.status, answer.body);
  };
}

/** What the stored post answers: a status and body for JSON, where the plain form goes; or field errors. */
type Stored = { status: number; body: object; location: string } | { errors: FieldErrors };

interface Reader {
  network: string;
  userAgent: string;
  /** The page's language: the vote records it, and the plain form goes on to the thank-you page in it. */
  language: string;
  /** Its words, for the answers. */
  t: Messages['t'];
  at: Date;
}

async function store(post: FeedbackPost, db: Db, reader: Reader): Promise<Stored> {
  const { t } = reader;
  const thanks = (article: string, vote?: string) => localizedPath(thanksHref(article, vote), reader.language);
  if (post.kind === 'vote') {
    const salt = await dailySalt(db, utcDay(reader.at));
    const claimKey = voterKey({ salt, article: post.article, network: reader.network, userAgent: reader.userAgent });
    const answer = post.helpful ? 'yes' : 'no';
    const result = await recordVote(db, { article: post.article, answer, language: reader.language, claimKey, createdAt: reader.at });
    if (result.outcome === 'repeat') {
      const body = { error: 'already-voted', message: t('feedback.error.already-voted') };
      return { status: 409, body, location: thanks(post.article) };
    }
    // Only a No leads to the reasons form, so only then does the reader need the vote's id.
    return { status: 201, body: { vote: result.id }, location: thanks(post.article, post.helpful ? undefined : result.id) };
  }
  const result = await addVoteDetails(db, { id: post.vote, reasons: post.reasons, comment: post.comment, at: reader.at });
  switch (result.outcome) {
    case 'saved':
      return { status: 200, body: { vote: post.vote }, location: thanks(result.article, post.vote) };
    case 'already-detailed': {
      const body = { error: 'already-detailed', message: t('feedback.error.already-detailed') };
      return { status: 409, body, location: thanks(result.article!, post.vote) };
    }
    case 'not-a-no':
      return { errors: { vote: t('feedback.vote.error.not-a-no') } };
    case 'unknown':
      return { errors: { vote: t('feedback.vote.error.unknown') } };
  }
}

function problem(
  status: number,
  message: string,
  errors: FieldErrors,
  form: URLSearchParams | undefined,
  headers: Record<string, string>,
  language: string,
): FeedbackFormProblem {
  return {
    status,
    headers,
    message,
    errors,
    language,
    article: form?.get('article') ?? undefined,
    vote: form?.get('vote') ?? undefined,
    reasons: form?.getAll('reasons') ?? [],
    comment: form?.get('comment') ?? '',
  };
}
