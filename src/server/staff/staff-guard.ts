import type { APIContext, MiddlewareNext } from 'astro';
import { staffAuth } from '../auth/staff-auth.ts';
import type { SignedInStaff } from '../auth/lucia.ts';
import { jsonResponse } from '../http/responses.ts';
import { isCrossSite } from '../http/origin-check.ts';
import { staffSettings, type StaffSettings } from '../settings.ts';
import { denial, type StaffArea } from './access.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

let settings: StaffSettings | undefined;

/**
 * The gate in front of every staff page and staff API: refuses cross-site state changes (Astro's origin check
 * covers forms only, not JSON), loads the session from its cookie into `locals.staff` (sending the cookie again
 * when lucia extended the session, a blank one when it is gone), sends people without a session to sign in
 * (401 for APIs), agents on admin paths to 403, and marks every answer as not to be stored.
 */
export async function guardStaffArea(context: APIContext, next: MiddlewareNext, area: StaffArea): Promise<Response> {
  settings ??= staffSettings(process.env);
  const { request, locals, url } = context;
  if (!SAFE_METHODS.has(request.method) && isCrossSite(request, settings.publicOrigin)) {
    return staffHeaders(
      area.api
        ? jsonResponse(403, { error: 'cross-site', message: 'Staff changes must come from the staff pages.' })
        : new Response('Staff changes must come from the staff pages.', {
            status: 403,
            headers: { 'Content-Type': 'text/plain; charset=utf-8' },
          }),
    );
  }

  locals.staff = await signedInStaff(context);
  const denied = denial(area, locals.staff?.role);
  let response: Response;
  if (denied === 'sign-in') {
    const back = request.method === 'GET' ? `?next=${encodeURIComponent(url.pathname + url.search)}` : '';
    response = area.api
      ? jsonResponse(401, { error: 'unauthorized', message: 'Sign in at /staff/login first.' })
      : new Response(null, { status: 303, headers: { Location: `/staff/login${back}` } });
  } else if (denied === 'forbidden') {
    response = area.api ? jsonResponse(403, { error: 'forbidden', message: 'Only admins may do this.' }) : await next('/staff/forbidden');
  } else {
    response = await next();
  }
  return staffHeaders(response);
}

async function signedInStaff({ cookies }: APIContext): Promise<SignedInStaff | null> {
  const auth = staffAuth();
  const sessionId = cookies.get(auth.sessionCookieName)?.value;
  if (!sessionId) return null;
  const { session, user } = await auth.validateSession(sessionId);
  const setCookie = (cookie: ReturnType<typeof auth.createBlankSessionCookie>) => cookies.set(cookie.name, cookie.value, cookie.attributes);
  if (!session) {
    setCookie(auth.createBlankSessionCookie());
    return null;
  }
  if (session.fresh) setCookie(auth.createSessionCookie(session.id));
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionId: session.id };
}

/** Staff answers hold personal data: never stored by browsers or proxies. */
function staffHeaders(response: Response): Response {
  let answer = response;
  try {
    answer.headers.set('Cache-Control', 'no-store');
  } catch {
    answer = new Response(response.body, response); // immutable headers (Response.redirect): copy
    answer.headers.set('Cache-Control', 'no-store');
  }
  return answer;
}
