import type { APIRoute } from 'astro';
import { staffAuth } from '../../server/auth/staff-auth.ts';
import { methodNotAllowed } from '../../server/http-responses.ts';
import { readForm } from '../../server/staff/form-body.ts';

export const prerender = false;

/** Ends this session, or with `everywhere` every session of the account; then back to the sign-in page. */
export const POST: APIRoute = async ({ request, locals, cookies, redirect }) => {
  const auth = staffAuth();
  const everywhere = (await readForm(request)).has('everywhere');
  if (locals.staff) {
    if (everywhere) await auth.invalidateUserSessions(locals.staff.id);
    else await auth.invalidateSession(locals.staff.sessionId);
  }
  const blank = auth.createBlankSessionCookie();
  cookies.set(blank.name, blank.value, blank.attributes);
  return redirect(`/staff/login?signed-out=${everywhere ? 'everywhere' : 'here'}`, 303);
};

export const ALL: APIRoute = () => methodNotAllowed('POST');
