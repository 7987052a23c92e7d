import { jsonResponse } from './http/responses.ts';

/**
 * The staff console's middleware (another module) signs staff in and sets `Astro.locals.staff` on /staff/*;
 * pages here only check that it did, so they never serve staff data if that ever fails.
 */
export const STAFF_LOGIN_PATH = '/staff/login';

/** For downloads and posts without a signed-in staff member. */
export function notSignedIn(): Response {
  return jsonResponse(401, { error: 'not-signed-in', message: 'Sign in to the staff console first.' });
}
