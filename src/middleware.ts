import { defineMiddleware } from 'astro:middleware';
import { isDatabaseUnavailable, isDatabaseUnwritable, isUnstorableText } from './server/db/database-errors.ts';
import { guardStaffArea, staffArea } from './server/staff/access.ts';
import { databaseUnavailable, databaseUnwritable, unstorableText } from './server/database-failures.ts';

// Only the staff area has sessions: public pages stay static and never read or set a cookie. Every on-demand
// route reads the database, so a database that is down or cannot be written becomes a 503 here, once, rather
// than a 500 in each.
export const onRequest = defineMiddleware(async (context, next) => {
  if (context.isPrerendered) return next();
  try {
    const area = staffArea(context.url.pathname);
    return await (area ? guardStaffArea(context, next, area) : next());
  } catch (error) {
    if (isUnstorableText(error)) return unstorableText(context.url.pathname);
    const unwritable = isDatabaseUnwritable(error);
    if (!unwritable && !isDatabaseUnavailable(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    console.error(
      `${context.request.method} ${context.url.pathname}: database ${unwritable ? 'cannot be written' : 'unavailable'} (${reason})`,
    );
    return unwritable ? databaseUnwritable(context.url.pathname) : databaseUnavailable(context.url.pathname);
  }
});
