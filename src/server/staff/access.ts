import type { StaffRole } from '../db/schema.ts';

/** Who may reach a path of the staff area: anyone (sign-in, sign-out), any staff member, or admins only. */
export type Access = 'anyone' | 'staff' | 'admin';

export interface StaffArea {
  access: Access;
  /** JSON endpoints answer 401/403; pages send people to sign in. */
  api: boolean;
}

const OPEN = new Set(['/staff/login', '/staff/logout']);

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

export type Denial = 'sign-in' | 'forbidden';

/** Why a request may not go on: nobody signed in, or not an admin on an admin path. */
export function denial(area: StaffArea, role: StaffRole | undefined): Denial | undefined {
  if (area.access === 'anyone') return undefined;
  if (role === undefined) return 'sign-in';
  if (area.access === 'admin' && role !== 'admin') return 'forbidden';
  return undefined;
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

/** Where to go after signing in: a staff page of ours, never another site (`//evil.example`, `/\evil`). */
export function safeReturnPath(next: string | null | undefined): string {
  if (!next || !/^\/staff(\/|$|\?)/.test(next) || /[\\\s]/.test(next) || next.startsWith('/staff/login')) return '/staff/';
  return next;
}
