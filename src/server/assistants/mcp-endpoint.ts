import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { t } from '../../i18n/messages.ts';
import { site } from '../../site.config.ts';
import { isForeignHost } from '../http/host-check.ts';
import { isCrossSite } from '../http/origin-check.ts';
import { isRejection, readText } from '../http/request-body.ts';
import { assistantSettings } from '../settings.ts';
import { countAssistantCall } from './call-limit.ts';
import { createHelpServer, type HelpCenter } from './help-server.ts';

/** A refusal as MCP clients read one: a JSON-RPC error (it belongs to no request id), with the HTTP status. */
function refusal(status: number, code: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null }), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}

/**
 * POST /mcp: MCP over Streamable HTTP, stateless, answered as JSON. Our own checks come first (the host, then the
 * origin, then MCP_RATE_LIMIT, then the body within the API's size limit); then a new server and transport answer
 * this request alone, so nothing is kept between requests and any instance can answer any of them.
 */
export async function mcpRequest(request: Request, socketAddress: string, center: HelpCenter): Promise<Response> {
  const { publicOrigin } = assistantSettings(process.env);
  if (isForeignHost(request, publicOrigin ?? site.baseUrl)) {
    return refusal(403, ErrorCode.InvalidRequest, t('assistants.foreign-host', { origin: publicOrigin ?? site.baseUrl }));
  }
  if (isCrossSite(request, publicOrigin)) return refusal(403, ErrorCode.InvalidRequest, t('api.cross-site'));
  // Stateless: no stream to open with GET, no session to end with DELETE.
  if (request.method !== 'POST')
    return refusal(405, ErrorCode.InvalidRequest, t('api.method-not-allowed', { methods: 'POST' }), { Allow: 'POST' });
  const limit = await countAssistantCall(request, socketAddress);
  if (!limit.allowed) {
    const wait = limit.retryAfterSeconds;
    return refusal(429, ErrorCode.InvalidRequest, t('assistants.rate-limited', { count: wait }), { 'Retry-After': String(wait) });
  }
  const body = await readText(request);
  if (isRejection(body)) return refusal(body.status, ErrorCode.InvalidRequest, body.message);
  let parsedBody: unknown;
  try {
    parsedBody = JSON.parse(body.text);
  } catch {
    return refusal(400, ErrorCode.ParseError, t('api.body.not-json'));
  }
  const server = createHelpServer(center);
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  await server.connect(transport);
  try {
    return await transport.handleRequest(request, { parsedBody });
  } finally {
    await server.close();
  }
}
