import type { APIRoute } from 'astro';
import { catalog } from '../../server/catalog.ts';
import { thanksHref } from '../../lib/feedback.ts';
import { localizedPath } from '../../i18n/languages.ts';
import { database } from '../../server/db/connection.ts';
import { createFeedbackEndpoint } from '../../server/feedback/feedback-endpoint.ts';
import { methodNotAllowed } from '../../server/http/responses.ts';
import { feedbackSettings } from '../../server/settings.ts';

export const prerender = false;

// Content is fixed at build time, so one lookup of the published slugs serves the process.
let slugs: Promise<Set<string>> | undefined;
const articles = () => (slugs ??= catalog().then(({ articles }) => new Set(articles.map((a) => a.id))));

const handle = createFeedbackEndpoint({ settings: feedbackSettings(process.env), articles, db: database });

export const POST: APIRoute = async ({ request, clientAddress, locals, rewrite, url }) => {
  const result = await handle(request, clientAddress);
  if (result instanceof Response) return result;
  // A failed plain-form post shows the thank-you page with the problem (and the reasons form again, if it was that).
  locals.feedbackForm = result;
  return rewrite(new Request(new URL(localizedPath(thanksHref(result.article ?? '', result.vote), result.language), url)));
};

export const ALL: APIRoute = () => methodNotAllowed('POST');
