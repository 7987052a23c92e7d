import { t } from '../../i18n/messages.ts';
import { jsonResponse } from '../http/responses.ts';
import { MAX_QUERY_LENGTH } from '../../search/search.ts';
import { siteQuickAnswer } from '../search/quick-answer.ts';
import { languageCode } from '../../search/bundle-path.ts';
import { searchableLanguages, SearchUnavailableError } from '../search/site-search.ts';
import { countAssistantCall } from './call-limit.ts';

/**
 * GET /api/answer?q=[&lang=]: the quick answer for a query as JSON, `{ query, answer }`, with `answer` null when
 * search is not sure enough. `lang` picks the language's articles (the default language's without it, or for a
 * language the site has no search for). Counted against the client's MCP_RATE_LIMIT.
 */
export async function answerRequest(request: Request, socketAddress: string): Promise<Response> {
  const limit = await countAssistantCall(request, socketAddress);
  if (!limit.allowed) {
    const wait = limit.retryAfterSeconds;
    return jsonResponse(
      429,
      { error: 'rate-limited', message: t('assistants.rate-limited', { count: wait }) },
      { 'Retry-After': String(wait) },
    );
  }
  const query = new URL(request.url).searchParams.get('q')?.trim() ?? '';
  if (!query)
    return jsonResponse(400, {
      error: 'invalid',
      message: t('answer.error.query-missing'),
      fields: { q: t('answer.error.query-missing') },
    });
  if (query.length > MAX_QUERY_LENGTH) {
    const message = t('answer.error.query-too-long', { max: MAX_QUERY_LENGTH });
    return jsonResponse(400, { error: 'invalid', message, fields: { q: message } });
  }
  const asked = languageCode(new URL(request.url).searchParams.get('lang') ?? '');
  const language = searchableLanguages().includes(asked) ? asked : undefined;
  try {
    return jsonResponse(200, { query, answer: (await siteQuickAnswer(query, language)) ?? null });
  } catch (error) {
    if (!(error instanceof SearchUnavailableError)) throw error;
    console.error(`quick answer unavailable: ${error.message}`);
    return jsonResponse(503, { error: 'search-unavailable', message: t('search.status.unavailable') }, { 'Retry-After': '60' });
  }
}
