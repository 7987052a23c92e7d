import type { Selectable } from 'kysely';
import { lockingRows, type Db } from './connection.ts';
import type { StaffRole, StaffTable } from './schema.ts';

export type StaffRow = Selectable<StaffTable>;

/** A staff account as the app shows it: no password hash. */
export interface StaffAccount {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  createdAt: string;
  disabledAt: string | null;
  /** Emailed about new tickets and requester messages on tickets nobody is assigned to. */
  notifyNewTickets: boolean;
}

export function toAccount(
  row: Omit<StaffRow, 'password_hash' | 'email_normalized' | 'notify_new_tickets'> & { notify_new_tickets?: number },
): StaffAccount {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
    notifyNewTickets: row.notify_new_tickets === 1,
  };
}

/** Inserts an account; false when its address is taken (the unique index decides, not an earlier lookup). */
export async function insertStaff(db: Db, row: StaffRow): Promise<boolean> {
  const inserted = await db
    .insertInto('staff')
    .values(row)
    .onConflict((oc) => oc.column('email_normalized').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export function staffByEmail(db: Db, emailNormalized: string): Promise<StaffRow | undefined> {
  return db.selectFrom('staff').selectAll().where('email_normalized', '=', emailNormalized).executeTakeFirst();
}

export function staffById(db: Db, id: string): Promise<StaffRow | undefined> {
  return db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listStaff(db: Db): Promise<StaffAccount[]> {
  const rows = await db
    .selectFrom('staff')
    .select(['id', 'email', 'name', 'role', 'created_at', 'disabled_at', 'notify_new_tickets'])
    .orderBy('email_normalized')
    .execute();
  return rows.map(toAccount);
}

export async function countStaff(db: Db): Promise<number> {
  const { count } = await db
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(count);
}

/**
 * Active admins other than `exceptId`: the last one may not be disabled or demoted. On PostgreSQL the active
 * admins stay locked until the change commits, so two instances cannot each disable "the other" admin and
 * leave none (FOR UPDATE cannot lock a count, hence the ids; in id order, so two lockers cannot deadlock).
 */
export async function countOtherActiveAdmins(db: Db, exceptId: string): Promise<number> {
  const admins = await lockingRows(
    db,
    db.selectFrom('staff').select('id').where('role', '=', 'admin').where('disabled_at', 'is', null).orderBy('id'),
  ).execute();
  return admins.filter((admin) => admin.id !== exceptId).length;
}

export async function updateStaff(
  db: Db,
  id: string,
  changes: Partial<Pick<StaffRow, 'password_hash' | 'disabled_at' | 'role' | 'name' | 'notify_new_tickets'>>,
): Promise<void> {
  await db.updateTable('staff').set(changes).where('id', '=', id).execute();
}

/** Active staff who may be assigned tickets, by name. */
export async function activeStaff(db: Db): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('staff').select(['id', 'name']).where('disabled_at', 'is', null).orderBy('name').orderBy('id').execute();
}
