import type { APIRoute } from 'astro';
import { staffAuth } from '../../server/auth/staff-auth.ts';
import { methodNotAllowed } from '../../server/http/responses.ts';
import { isFormProblem, readFormAction } from '../../server/staff/form-body.ts';

export const prerender = false;

/** action=here ends this session, action=everywhere every session of the account; then back to the sign-in page. */
export const POST: APIRoute = async ({ request, locals, cookies, redirect }) => {
  const post = await readFormAction(request, ['here', 'everywhere']);
  if (isFormProblem(post))
    return new Response(post.formError, { status: post.status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const auth = staffAuth();
  if (locals.staff) {
    if (post.action === 'everywhere') await auth.invalidateUserSessions(locals.staff.id);
    else await auth.invalidateSession(locals.staff.sessionId);
  }
  const blank = auth.createBlankSessionCookie();
  cookies.set(blank.name, blank.value, blank.attributes);
  return redirect(`/staff/login?signed-out=${post.action}`, 303);
};

export const ALL: APIRoute = () => methodNotAllowed('POST');
