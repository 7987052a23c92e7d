import type { Db } from './connection.ts';

/** A device cookie's row, found by the hash of the token the browser presents. */
export interface StaffDevice {
  id: string;
  staffId: string;
  expiresAt: string;
}

export async function deviceByTokenHash(db: Db, tokenHash: string): Promise<StaffDevice | undefined> {
  const row = await db
    .selectFrom('staff_devices')
    .select(['id', 'staff_id', 'expires_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row && { id: row.id, staffId: row.staff_id, expiresAt: row.expires_at };
}

export async function insertDevice(
  db: Db,
  row: { id: string; tokenHash: string; staffId: string; at: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('staff_devices')
    .values({
      id: row.id,
      token_hash: row.tokenHash,
      staff_id: row.staffId,
      created_at: row.at,
      last_signed_in_at: row.at,
      expires_at: row.expiresAt,
    })
    .execute();
}

/** After a sign-in from the device: a new token (the old one stops working) and a later expiry. */
export async function renewDevice(db: Db, id: string, change: { tokenHash: string; at: string; expiresAt: string }): Promise<void> {
  await db
    .updateTable('staff_devices')
    .set({ token_hash: change.tokenHash, last_signed_in_at: change.at, expires_at: change.expiresAt })
    .where('id', '=', id)
    .execute();
}

export async function deleteDevicesOf(db: Db, staffId: string): Promise<void> {
  await db.deleteFrom('staff_devices').where('staff_id', '=', staffId).execute();
}

/** Returns how many it deleted. */
export async function deleteDevicesExpiredBefore(db: Db, now: string): Promise<number> {
  const result = await db.deleteFrom('staff_devices').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
