import { defineMiddleware } from 'astro:middleware';
import { staffArea } from './server/staff/access.ts';
import { guardStaffArea } from './server/staff/staff-guard.ts';

// Only the staff area has sessions: public pages stay static and never read or set a cookie.
export const onRequest = defineMiddleware((context, next) => {
  if (context.isPrerendered) return next();
  const area = staffArea(context.url.pathname);
  return area ? guardStaffArea(context, next, area) : next();
});
