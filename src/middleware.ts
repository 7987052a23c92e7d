import { defineMiddleware } from 'astro:middleware';
import { guardStaffArea, staffArea } from './server/staff/access.ts';
import { databaseFailureResponse } from './server/http/database-answers.ts';

// Only the staff area has sessions: public pages stay static and never read or set a cookie. Every on-demand
// route reads the database, so a database that is down or cannot be written becomes a 503 here, once, rather
// than a 500 in each.
export const onRequest = defineMiddleware(async (context, next) => {
  if (context.isPrerendered) return next();
  try {
    const area = staffArea(context.url.pathname);
    return await (area ? guardStaffArea(context, next, area) : next());
  } catch (error) {
    const answer = databaseFailureResponse(error, context.request.method, context.url.pathname);
    if (!answer) throw error;
    return answer;
  }
});
