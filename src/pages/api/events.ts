import type { APIRoute } from 'astro';
import { flowsById } from '../../server/catalog.ts';
import { database } from '../../server/db/connection.ts';
import { createEventStore } from '../../server/db/reader-events.ts';
import { createEventEndpoint } from '../../server/events/event-endpoint.ts';
import { methodNotAllowed } from '../../server/http/responses.ts';
import { eventSettings } from '../../server/settings.ts';

export const prerender = false;

const handle = createEventEndpoint({ settings: eventSettings(process.env), flows: flowsById, record: createEventStore(database) });

export const POST: APIRoute = ({ request, clientAddress }) => handle(request, clientAddress);

export const ALL: APIRoute = () => methodNotAllowed('POST');
