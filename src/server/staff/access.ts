import type { APIContext, MiddlewareNext } from 'astro';
import { createAuth, type Auth, type SignedInStaff } from '../auth/lucia.ts';
import { database } from '../db/connection.ts';
import type { StaffRole } from '../db/schema.ts';
import { jsonResponse } from '../http/responses.ts';
import { isCrossSite } from '../http/origin-check.ts';
import { staffSettings, type StaffSettings } from '../settings.ts';

/**
 * Who may reach the staff area, and the one answer everyone else gets. The middleware guards every staff path
 * with `guardStaffArea`; each staff route asks again for its own access level with `requireStaff`, which answers
 * through the same `refusal`, so a route reached some other way still serves nothing and says the same.
 */

export const STAFF_LOGIN_PATH = '/staff/login';
const FORBIDDEN_PAGE = '/staff/forbidden';

/** Who may reach a path of the staff area: anyone (sign-in, sign-out), any staff member, or admins only. */
export type Access = 'anyone' | 'staff' | 'admin';

export interface StaffArea {
  access: Access;
  /** JSON endpoints answer 401/403; pages send people to sign in or show the forbidden page. */
  api: boolean;
}

const OPEN = new Set([STAFF_LOGIN_PATH, '/staff/logout']);

/**
 * Which part of the staff area a path is in; undefined for public paths. Compared in a canonical form (decoded,
 * lower case, single slashes, no trailing slash), so no spelling of a staff path slips past as public.
 */
export function staffArea(pathname: string): StaffArea | undefined {
  const path = canonical(pathname);
  const api = path === '/api/staff' || path.startsWith('/api/staff/');
  if (!api && path !== '/staff' && !path.startsWith('/staff/')) return undefined;
  const local = api ? path.slice('/api'.length) : path;
  if (!api && OPEN.has(local)) return { access: 'anyone', api };
  const admin = local === '/staff/admin' || local.startsWith('/staff/admin/');
  return { access: admin ? 'admin' : 'staff', api };
}

function canonical(pathname: string): string {
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    // a malformed escape is not a staff path's spelling; compare it as it is
  }
  return (
    path
      .toLowerCase()
      .replace(/\/{2,}/g, '/')
      .replace(/\/+$/, '') || '/'
  );
}

export type Denial = 'sign-in' | 'forbidden';

/** Why a request may not go on: nobody signed in, or not an admin on an admin path. */
export function denial(area: StaffArea, role: StaffRole | undefined): Denial | undefined {
  if (area.access === 'anyone') return undefined;
  if (role === undefined) return 'sign-in';
  if (area.access === 'admin' && role !== 'admin') return 'forbidden';
  return undefined;
}

/** Where to go after signing in: a staff page of ours, never another site (`//evil.example`, `/\evil`). */
export function safeReturnPath(next: string | null | undefined): string {
  if (!next || !/^\/staff(\/|$|\?)/.test(next) || /[\\\s]/.test(next) || next.startsWith(STAFF_LOGIN_PATH)) return '/staff/';
  return next;
}

let auth: Auth | undefined;

/** The server's lucia (staff sessions), made on first use so settings are read at run time (never while building). */
export function staffAuth(): Auth {
  auth ??= createAuth(database, staffSettings(process.env));
  return auth;
}

type RouteContext = Pick<APIContext, 'locals' | 'request' | 'url' | 'rewrite'>;

/**
 * The one answer to a request that may not go on, or undefined when it may: without a session, pages send people
 * to sign in (303, coming back here after a GET) and APIs answer 401; an agent on an admin path gets the forbidden
 * page (403, rendered by `show`) or a 403 in JSON.
 */
async function refusal(
  { locals, request, url }: Omit<RouteContext, 'rewrite'>,
  area: StaffArea,
  show: (path: string) => Promise<Response>,
): Promise<Response | undefined> {
  const denied = denial(area, locals.staff?.role);
  if (denied === 'sign-in') {
    if (area.api) return jsonResponse(401, { error: 'unauthorized', message: `Sign in at ${STAFF_LOGIN_PATH} first.` });
    const back = request.method === 'GET' ? `?next=${encodeURIComponent(url.pathname + url.search)}` : '';
    return new Response(null, { status: 303, headers: { Location: `${STAFF_LOGIN_PATH}${back}` } });
  }
  if (denied === 'forbidden')
    return area.api ? jsonResponse(403, { error: 'forbidden', message: 'Only admins may do this.' }) : show(FORBIDDEN_PAGE);
  return undefined;
}

/**
 * For a staff page or endpoint: the signed-in staff member it may serve at `access`, or the answer to give instead
 * (the middleware's own, for this path).
 */
export async function requireStaff(context: RouteContext, access: 'staff' | 'admin'): Promise<SignedInStaff | Response> {
  const area = { access, api: staffArea(context.url.pathname)?.api ?? false };
  return (await refusal(context, area, (path) => context.rewrite(path))) ?? context.locals.staff!;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

let settings: StaffSettings | undefined;

/**
 * The middleware's gate in front of every staff page and staff API: refuses cross-site state changes (Astro's
 * origin check covers forms only, not JSON), loads the session from its cookie into `locals.staff` (sending the
 * cookie again when lucia extended the session, a blank one when it is gone), answers whoever may not go on, and
 * marks every answer as not to be stored.
 */
export async function guardStaffArea(context: APIContext, next: MiddlewareNext, area: StaffArea): Promise<Response> {
  settings ??= staffSettings(process.env);
  const { request } = context;
  if (!SAFE_METHODS.has(request.method) && isCrossSite(request, settings.publicOrigin)) {
    const message = 'Staff changes must come from the staff pages.';
    return noStore(
      area.api
        ? jsonResponse(403, { error: 'cross-site', message })
        : new Response(message, { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } }),
    );
  }
  context.locals.staff = await sessionStaff(context);
  return noStore((await refusal(context, area, (path) => next(path))) ?? (await next()));
}

async function sessionStaff({ cookies }: APIContext): Promise<SignedInStaff | null> {
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
function noStore(response: Response): Response {
  let answer = response;
  try {
    answer.headers.set('Cache-Control', 'no-store');
  } catch {
    answer = new Response(response.body, response); // immutable headers (Response.redirect): copy
    answer.headers.set('Cache-Control', 'no-store');
  }
  return answer;
}
