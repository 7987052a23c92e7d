import type { SignedInStaff } from '../auth/lucia.ts';
import { jsonResponse } from '../http/responses.ts';

/**
 * The signed-in staff member a page or endpoint may serve, or the answer to give instead. The middleware already
 * turned everyone else away; routes check again so one reached some other way still shows no data.
 */
export function pageStaff(locals: App.Locals, access: 'staff' | 'admin' = 'staff'): SignedInStaff | Response {
  const staff = locals.staff;
  if (!staff) return new Response(null, { status: 303, headers: { Location: '/staff/login', 'Cache-Control': 'no-store' } });
  if (access === 'admin' && staff.role !== 'admin') return new Response('Only admins may see this page.', { status: 403 });
  return staff;
}

/** The same for JSON endpoints: 401 without a session, 403 for an agent on an admin endpoint. */
export function apiStaff(locals: App.Locals, access: 'staff' | 'admin' = 'staff'): SignedInStaff | Response {
  const staff = locals.staff;
  if (!staff) return jsonResponse(401, { error: 'unauthorized', message: 'Sign in at /staff/login first.' });
  if (access === 'admin' && staff.role !== 'admin') return jsonResponse(403, { error: 'forbidden', message: 'Only admins may do this.' });
  return staff;
}
