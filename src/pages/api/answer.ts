import type { APIRoute } from 'astro';
import { answerRequest } from '../../server/assistants/answer-endpoint.ts';
import { methodNotAllowed } from '../../server/http/responses.ts';

export const prerender = false;

export const GET: APIRoute = ({ request, clientAddress }) => answerRequest(request, clientAddress);

export const ALL: APIRoute = () => methodNotAllowed('GET');
