import type { AstroCookies } from 'astro';
import { deviceCookie } from '../auth/device-cookie.ts';
import { signIn } from '../auth/sign-in.ts';
import { staffAuth } from '../auth/staff-auth.ts';
import { clientAddress, rateLimitKey } from '../http/client-address.ts';
import { database } from '../db/connection.ts';
import { staffSettings } from '../settings.ts';
import { isFormProblem, readForm, type FormProblem } from './form-body.ts';

/** One message for every wrong combination, so it never tells whether an address has an account. */
export const WRONG_CREDENTIALS = 'The email address or password is not right. Check both and try again.';

export type SignInOutcome = { signedIn: true } | ({ signedIn: false; email: string } & FormProblem);

/**
 * POST /staff/login: checks the form, signs in (throttled, recorded; the browser's device cookie decides which
 * throttle applies), and on success starts a new session (ending any the browser had), setting its cookie and a
 * new device cookie. The page then redirects; on failure it shows the form again.
 */
export async function submitSignIn(
  request: Request,
  socketAddress: string,
  cookies: AstroCookies,
  previousSessionId?: string,
): Promise<SignInOutcome> {
  const form = await readForm(request);
  if (isFormProblem(form)) return { signedIn: false, email: '', ...form };
  const email = (form.get('email') ?? '').trim();
  const password = form.get('password') ?? '';
  const errors: Record<string, string> = {};
  if (email === '') errors.email = 'Enter your email address';
  if (password === '') errors.password = 'Enter your password';
  if (Object.keys(errors).length > 0) return { signedIn: false, email, status: 422, errors };

  const { trustedProxyHops, cookieSecure } = staffSettings(process.env);
  const clientKey = rateLimitKey(clientAddress(socketAddress, request.headers.get('x-forwarded-for'), trustedProxyHops));
  const device = deviceCookie(cookieSecure);
  const result = await signIn(await database(), { email, password, clientKey, deviceToken: cookies.get(device.name)?.value });
  if (!result.ok) {
    if (result.reason === 'invalid') return { signedIn: false, email, status: 401, errors: { email: WRONG_CREDENTIALS } };
    const minutes = Math.ceil(result.retryAfterSeconds / 60);
    return {
      signedIn: false,
      email,
      status: 429,
      headers: { 'Retry-After': String(result.retryAfterSeconds) },
      errors: {},
      formError: `There have been too many attempts to sign in. Wait ${minutes} minute${minutes === 1 ? '' : 's'}, then try again.`,
    };
  }

  const auth = staffAuth();
  // A new session at every sign-in: an id planted in this browser before sign-in is worth nothing after it.
  if (previousSessionId) await auth.invalidateSession(previousSessionId);
  const session = await auth.createSession(result.staffId, {});
  const cookie = auth.createSessionCookie(session.id);
  cookies.set(cookie.name, cookie.value, cookie.attributes);
  cookies.set(device.name, result.deviceToken, device.attributes);
  return { signedIn: true };
}
