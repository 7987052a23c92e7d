import type { EventBatch } from '../db/reader-events.ts';
import { clientAddress, rateLimitKey } from '../http/client-address.ts';
import { failedWrite } from '../http/database-answers.ts';
import { isCrossSite } from '../http/origin-check.ts';
import { createRateLimit } from '../http/rate-limit.ts';
import { isRejection, parseJsonObject, readText } from '../http/request-body.ts';
import { jsonResponse } from '../http/responses.ts';
import { t } from '../../i18n/messages.ts';
import { languageOfPage } from '../http/request-language.ts';
import type { EndpointSettings } from '../settings.ts';
import { parseEventBatch, type Flows } from './event-schema.ts';

export interface EventEndpointOptions {
  settings: EndpointSettings;
  flows: () => Promise<Flows>;
  record: (batch: EventBatch) => Promise<void>;
  now?: () => number;
}

/** navigator.sendBeacon sends a string as text/plain (no preflight); other clients may send JSON. */
const ACCEPTED_TYPES = ['text/plain', 'application/json'];

/** True when the request says its reader does not want to be tracked (Global Privacy Control or Do Not Track). */
export function optedOut(request: Request): boolean {
  return request.headers.get('sec-gpc')?.trim() === '1' || request.headers.get('dnt')?.trim() === '1';
}

/**
 * POST /api/events: a batch of reader events. 204 when stored, and also when the request carries Sec-GPC: 1
 * or DNT: 1, in which case nothing is read or stored. Otherwise the support request endpoint's checks: origin,
 * body, rate limit, fields. The events are recorded in the language the batch names (`language`), else in that of
 * the page that sent them, from its address in the Referer (a beacon from our own pages carries it: the site's
 * Referrer-Policy is strict-origin-when-cross-origin), so the browser sends nothing more for it.
 */
export function createEventEndpoint({ settings, flows, record, now = Date.now }: EventEndpointOptions) {
  const rateLimit = createRateLimit('events', settings.rateLimitPerMinute);
  const fail = (status: number, error: string, message: string, extra: object = {}, headers: Record<string, string> = {}) =>
    jsonResponse(status, { error, message, ...extra }, headers);

  return async function handle(request: Request, socketAddress: string): Promise<Response> {
    if (optedOut(request)) return noContent();
    if (isCrossSite(request, settings.publicOrigin)) return fail(403, 'cross-site', t('api.cross-site'));
    const type = request.headers.get('content-type')?.split(';')[0].trim().toLowerCase() ?? '';
    if (!ACCEPTED_TYPES.includes(type)) return fail(415, 'unsupported-media-type', t('events.error.unsupported-media-type'));
    const body = await readText(request);
    if (isRejection(body)) return fail(body.status, body.error, body.message);

    const client = clientAddress(socketAddress, request.headers.get('x-forwarded-for'), settings.trustedProxyHops);
    const limit = await rateLimit(rateLimitKey(client));
    if (!limit.allowed) {
      return fail(429, 'rate-limited', t('events.error.rate-limited'), {}, { 'Retry-After': String(limit.retryAfterSeconds) });
    }

    const json = parseJsonObject(body.text);
    if (isRejection(json)) return fail(json.status, json.error, json.message);
    const parsed = parseEventBatch(json.object, await flows());
    if (!parsed.ok) return fail(422, 'invalid', t('events.error.invalid'), { problems: parsed.problems });

    try {
      const language = parsed.language ?? languageOfPage(request, settings.publicOrigin);
      await record({ events: parsed.events, language, receivedAt: new Date(now()) });
    } catch (error) {
      console.error(`events not stored: ${error instanceof Error ? error.message : String(error)}`);
      const answer = failedWrite(error, t('events.error.not-saved'));
      return fail(answer.status, answer.error, answer.message, {}, answer.headers);
    }
    return noContent();
  };
}

function noContent(): Response {
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
}
