import type { APIRoute } from 'astro';
import { database } from '../../server/db/connection.ts';
import { databaseHealth } from '../../server/db/health.ts';
import { jsonResponse } from '../../server/http/responses.ts';

export const prerender = false;

const databaseState = databaseHealth(database);

/** 200 while the database reads and writes; 503 when it is down or refuses writes, so a load balancer stops sending. */
export const GET: APIRoute = async () => {
  const state = await databaseState();
  return state === 'up' ? jsonResponse(200, { status: 'ok', database: 'up' }) : jsonResponse(503, { status: 'error', database: state });
};
