import type { APIRoute } from 'astro';
import { createAnnouncementEndpoint } from '../../server/announcements/announcement-endpoint.ts';
import type { Candidate } from '../../server/announcements/select.ts';
import { currentUrgentAnnouncements } from '../../server/db/announcements.ts';
import { database } from '../../server/db/connection.ts';
import { methodNotAllowed } from '../../server/http/responses.ts';
import { announcementSettings } from '../../server/settings.ts';
import { catalog } from '../../server/catalog.ts';

export const prerender = false;

// File-based notices are fixed at build time; their windows are judged per request.
const files = async (): Promise<Candidate[]> => (await catalog()).announcements;

const handle = createAnnouncementEndpoint({
  settings: announcementSettings(process.env),
  files,
  urgent: async (now, until) => currentUrgentAnnouncements(await database(), now, until),
});

export const GET: APIRoute = ({ request }) => handle(request);

export const ALL: APIRoute = () => methodNotAllowed('GET');
