import type { Db } from './connection.ts';
import type { StaffRole } from './schema.ts';

/** The staff member a session belongs to, as lucia's user attributes need it. */
export interface SessionStaff {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
}

/** A session row; `idHash` is what the table keys on, never the cookie's value. */
export interface SessionRow {
  idHash: string;
  staffId: string;
  expiresAt: string;
}

export async function insertSession(db: Db, row: { idHash: string; staffId: string; createdAt: string; expiresAt: string }): Promise<void> {
  await db
    .insertInto('staff_sessions')
    .values({ id_hash: row.idHash, staff_id: row.staffId, created_at: row.createdAt, expires_at: row.expiresAt })
    .execute();
}

/** The session and its staff member. A disabled account's session comes back without the staff member. */
export async function sessionWithStaff(db: Db, idHash: string): Promise<{ session?: SessionRow; staff?: SessionStaff }> {
  const row = await db
    .selectFrom('staff_sessions as s')
    .innerJoin('staff', 'staff.id', 's.staff_id')
    .select(['s.id_hash', 's.staff_id', 's.expires_at', 'staff.email', 'staff.name', 'staff.role', 'staff.disabled_at'])
    .where('s.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) return {};
  const session = { idHash: row.id_hash, staffId: row.staff_id, expiresAt: row.expires_at };
  if (row.disabled_at !== null) return { session };
  return { session, staff: { id: row.staff_id, email: row.email, name: row.name, role: row.role } };
}

export function sessionsOf(db: Db, staffId: string): Promise<{ id_hash: string; staff_id: string; expires_at: string }[]> {
  return db.selectFrom('staff_sessions').select(['id_hash', 'staff_id', 'expires_at']).where('staff_id', '=', staffId).execute();
}

export async function updateSessionExpiry(db: Db, idHash: string, expiresAt: string): Promise<void> {
  await db.updateTable('staff_sessions').set({ expires_at: expiresAt }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('id_hash', '=', idHash).execute();
}

/** Ends every session of an account, or every one but `keepIdHash` (the browser that changed the password). */
export async function deleteSessionsOf(db: Db, staffId: string, keepIdHash?: string): Promise<void> {
  let query = db.deleteFrom('staff_sessions').where('staff_id', '=', staffId);
  if (keepIdHash) query = query.where('id_hash', '!=', keepIdHash);
  await query.execute();
}

/** Returns how many it deleted. */
export async function deleteSessionsExpiredBefore(db: Db, now: string): Promise<number> {
  const result = await db.deleteFrom('staff_sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
