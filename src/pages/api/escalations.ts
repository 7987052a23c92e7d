import type { APIRoute } from 'astro';
import { handleSupportRequest } from '../../server/tickets/support-request-handler.ts';
import { methodNotAllowed } from '../../server/http/responses.ts';

export const prerender = false;

export const POST: APIRoute = async ({ request, clientAddress, locals, rewrite, url }) => {
  const result = await handleSupportRequest(request, clientAddress);
  if (result instanceof Response) return result;
  // Another client's failed plain-form post shows the contact page, with the input and the errors (our own form
  // posts to /contact/ itself).
  locals.contactForm = result;
  return rewrite(new Request(new URL('/contact/', url)));
};

export const ALL: APIRoute = () => methodNotAllowed('POST');
