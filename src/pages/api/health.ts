import type { APIRoute } from 'astro';
import { database } from '../../server/db/connection.ts';
import { databaseIsUp } from '../../server/db/health.ts';
import { jsonResponse } from '../../server/http-responses.ts';

export const prerender = false;

export const GET: APIRoute = async () =>
  (await databaseIsUp(database))
    ? jsonResponse(200, { status: 'ok', database: 'up' })
    : jsonResponse(503, { status: 'error', database: 'down' });
