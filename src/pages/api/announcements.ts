import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { createAnnouncementEndpoint } from '../../server/announcements/announcement-endpoint.ts';
import type { Candidate } from '../../server/announcements/select.ts';
import { currentUrgentAnnouncements } from '../../server/db/announcements.ts';
import { database } from '../../server/db/connection.ts';
import { methodNotAllowed } from '../../server/http-responses.ts';
import { announcementSettings } from '../../server/settings.ts';
import { flattenAudience } from '../../lib/announcements.ts';

export const prerender = false;

// File-based notices are fixed at build time; their windows are judged per request.
let fromFiles: Promise<Candidate[]> | undefined;
const files = () =>
  (fromFiles ??= getCollection('announcements').then((entries) => entries.map((e) => ({ id: e.id, ...flattenAudience(e.data) }))));

const handle = createAnnouncementEndpoint({
  settings: announcementSettings(process.env),
  files,
  urgent: async (now, until) => currentUrgentAnnouncements(await database(), now, until),
});

export const GET: APIRoute = ({ request }) => handle(request);

export const ALL: APIRoute = () => methodNotAllowed('GET');
