import type { APIContext } from 'astro';
import { z } from 'astro/zod';
import { STAFF_LOGIN_PATH, staffAuth } from './access.ts';
import { formAction, withDone, type StaffForm } from './form-post.ts';

/** What the sign-in page says after signing out (`?done=…`). */
export const SIGNED_OUT_DONE = {
  'signed-out': 'You are signed out.',
  'signed-out-everywhere': 'You are signed out on every device.',
};

/** The sign-out button's form (every staff page has it): here ends this session, everywhere every session of the account. */
export function signOutForm({ locals, cookies }: Pick<APIContext, 'locals' | 'cookies'>): StaffForm {
  const signOut = (everywhere: boolean) =>
    formAction(z.object({}), async () => {
      const auth = staffAuth();
      if (locals.staff) {
        if (everywhere) await auth.invalidateUserSessions(locals.staff.id);
        else await auth.invalidateSession(locals.staff.sessionId);
      }
      const blank = auth.createBlankSessionCookie();
      cookies.set(blank.name, blank.value, blank.attributes);
      return { done: everywhere ? 'signed-out-everywhere' : 'signed-out' };
    });
  return {
    actions: { here: signOut(false), everywhere: signOut(true) },
    location: (done) => withDone(STAFF_LOGIN_PATH, done),
  };
}
