import type { APIRoute } from 'astro';
import { flowsById } from '../../server/catalog.ts';
import { recordEscalation } from '../../server/db/escalations.ts';
import { createEscalationEndpoint } from '../../server/escalations/escalation-endpoint.ts';
import { methodNotAllowed } from '../../server/http-responses.ts';
import { escalationSettings } from '../../server/settings.ts';

export const prerender = false;

const handle = createEscalationEndpoint({ settings: escalationSettings(process.env), flows: flowsById, record: recordEscalation });

export const POST: APIRoute = async ({ request, clientAddress, locals, rewrite, url }) => {
  const result = await handle(request, clientAddress);
  if (result instanceof Response) return result;
  // A failed plain-form post shows the contact page again, with the reader's input and the errors.
  locals.contactForm = result;
  return rewrite(new Request(new URL('/contact/', url)));
};

export const ALL: APIRoute = () => methodNotAllowed('POST');
