import type { APIContext } from 'astro';
import { z } from 'astro/zod';
import { deviceCookie } from '../auth/device-cookie.ts';
import { signIn } from '../auth/sign-in.ts';
import { clientAddress, rateLimitKey } from '../http/client-address.ts';
import { database } from '../db/connection.ts';
import { staffSettings } from '../settings.ts';
import { staffAuth } from './access.ts';
import { formAction, type Outcome, type StaffForm } from './form-post.ts';

/** One message for every wrong combination, so it never tells whether an address has an account. */
export const WRONG_CREDENTIALS = 'The email address or password is not right. Check both and try again.';

const signInFields = z.object({
  email: z.string().trim().min(1, { error: 'Enter your email address' }),
  password: z.string().min(1, { error: 'Enter your password' }),
});

/**
 * The sign-in page's form: signs in (throttled, recorded; the browser's device cookie decides which throttle
 * applies), and on success starts a new session (ending any the browser had), sets its cookie and a new device
 * cookie, and goes on to `next`.
 */
export function signInForm(context: Pick<APIContext, 'request' | 'clientAddress' | 'cookies' | 'locals'>, next: string): StaffForm {
  return {
    actions: formAction(signInFields, async ({ email, password }): Promise<Outcome> => {
      const { request, cookies } = context;
      const { trustedProxyHops, cookieSecure } = staffSettings(process.env);
      const clientKey = rateLimitKey(clientAddress(context.clientAddress, request.headers.get('x-forwarded-for'), trustedProxyHops));
      const device = deviceCookie(cookieSecure);
      const result = await signIn(await database(), { email, password, clientKey, deviceToken: cookies.get(device.name)?.value });
      if (!result.ok) {
        if (result.reason === 'invalid') return { status: 401, errors: { email: WRONG_CREDENTIALS } };
        const minutes = Math.ceil(result.retryAfterSeconds / 60);
        return {
          status: 429,
          headers: { 'Retry-After': String(result.retryAfterSeconds) },
          errors: {},
          formError: `There have been too many attempts to sign in. Wait ${minutes} minute${minutes === 1 ? '' : 's'}, then try again.`,
        };
      }

      const auth = staffAuth();
      // A new session at every sign-in: an id planted in this browser before sign-in is worth nothing after it.
      const previous = context.locals.staff?.sessionId;
      if (previous) await auth.invalidateSession(previous);
      const session = await auth.createSession(result.staffId, {});
      const cookie = auth.createSessionCookie(session.id);
      cookies.set(cookie.name, cookie.value, cookie.attributes);
      cookies.set(device.name, result.deviceToken, device.attributes);
      return { done: 'signed-in' };
    }),
    location: () => next,
  };
}
