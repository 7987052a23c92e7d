import { clientAddress, rateLimitKey } from '../http/client-address.ts';
import { createRateLimit, type RateLimit, type RateLimitAnswer } from '../http/rate-limit.ts';
import { assistantSettings, type EndpointSettings } from '../settings.ts';

let shared: { settings: EndpointSettings; limit: RateLimit } | undefined;

/**
 * Counts a call from an assistant or program (an MCP request, a quick answer) against its client's budget,
 * MCP_RATE_LIMIT per minute: one budget for both endpoints, so a client cannot double it by switching.
 */
export function countAssistantCall(request: Request, socketAddress: string): Promise<RateLimitAnswer> {
  if (!shared) {
    const settings = assistantSettings(process.env);
    shared = { settings, limit: createRateLimit('assistants', settings.rateLimitPerMinute) };
  }
  const client = clientAddress(socketAddress, request.headers.get('x-forwarded-for'), shared.settings.trustedProxyHops);
  return shared.limit(rateLimitKey(client));
}
