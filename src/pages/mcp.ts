import type { APIRoute } from 'astro';
import { mcpRequest } from '../server/assistants/mcp-endpoint.ts';
import { siteHelpCenter } from '../server/assistants/site-help-center.ts';

// MCP over Streamable HTTP for assistants (see README "For assistants"); on demand, one server per request.
export const prerender = false;

export const ALL: APIRoute = ({ request, clientAddress }) => mcpRequest(request, clientAddress, siteHelpCenter());
