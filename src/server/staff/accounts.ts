import { controlCharactersProblem, hasControlCharacters } from '../../lib/control-characters.ts';
import { randomUUID } from 'node:crypto';
import { z } from 'astro/zod';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { hashToken } from '../auth/token-hash.ts';
import { passwordProblem } from '../auth/password-policy.ts';
import { recordAudit } from '../db/audit.ts';
import type { Db } from '../db/connection.ts';
import type { StaffRole } from '../db/schema.ts';
import { deleteDevicesOf } from '../db/staff-devices.ts';
import { deleteSessionsOf } from '../db/staff-sessions.ts';
import { countOtherActiveAdmins, insertStaff, staffByEmail, staffById, toAccount, updateStaff, type StaffAccount } from '../db/staff.ts';
import { normaliseEmail } from '../email-address.ts';

/**
 * Staff accounts, for the command line and the admin pages alike. Each change is written with its audit entry
 * in one transaction; `actor` is the admin who made it, null for the command line.
 */
export type AccountResult = { ok: true; account: StaffAccount } | { ok: false; field?: keyof NewAccount; message: string };

/** A new account as a form or the command line gives it. */
export interface NewAccount {
  email: string;
  name: string;
  role: string;
  password: string;
}

export const ROLES = ['agent', 'admin'] as const satisfies readonly StaffRole[];

const EMAIL_FORMAT = 'Enter an email address in the correct format, like name@example.com';
const weakPassword = ({ password, email, name }: NewAccount) => passwordProblem(password, { email: email.trim(), name: name.trim() });

/** A new account's checks: every problem is named by its field, in the form's order. */
export const newAccountSchema = z
  .object({
    email: z
      .string()
      .trim()
      .min(1, { error: 'Enter an email address' })
      .max(254, { error: EMAIL_FORMAT })
      .pipe(z.email({ error: EMAIL_FORMAT })),
    name: z
      .string()
      .trim()
      .min(1, { error: 'Enter a name' })
      .max(200, { error: 'Name must be 200 characters or fewer' })
      .refine((name) => !hasControlCharacters(name), { error: controlCharactersProblem('Name') })
      // Staff notices go to "Name <address>": a line break there would start a header of its own.
      .refine((name) => !/[\r\n]/.test(name), { error: 'Enter the name on one line' }),
    role: z.enum(ROLES, { error: 'Choose a role: agent or admin' }),
    password: z.string(),
  })
  // Judged against the name and address even when those have problems too, so every problem shows at once.
  .refine((account) => !weakPassword(account), {
    path: ['password'],
    error: (issue) => weakPassword(issue.input as NewAccount),
    when: () => true,
  });

export async function addStaff(db: Db, input: NewAccount, actor: string | null, now = new Date()): Promise<AccountResult> {
  const parsed = newAccountSchema.safeParse(input);
  if (!parsed.success) {
    const [first] = parsed.error.issues;
    return { ok: false, field: first.path[0] as keyof NewAccount, message: first.message };
  }
  const account = parsed.data;
  const row = {
    id: randomUUID(),
    email: account.email,
    email_normalized: normaliseEmail(account.email),
    name: account.name,
    role: account.role,
    password_hash: await hashPassword(account.password),
    created_at: now.toISOString(),
    disabled_at: null,
    notify_new_tickets: 0,
  };
  const created = await db.transaction().execute(async (trx) => {
    if (!(await insertStaff(trx, row))) return false;
    await recordAudit(trx, {
      at: row.created_at,
      staffId: actor,
      action: 'staff-added',
      detail: { account: row.id, role: row.role, by: by(actor) },
    });
    return true;
  });
  return created
    ? { ok: true, account: toAccount(row) }
    : { ok: false, field: 'email', message: `There is already an account for ${row.email}` };
}

/** Finds an account by its address (any case), for the command line. */
export async function accountByEmail(db: Db, email: string): Promise<StaffAccount | undefined> {
  const row = await staffByEmail(db, normaliseEmail(email));
  return row && toAccount(row);
}

export async function accountById(db: Db, id: string): Promise<StaffAccount | undefined> {
  const row = await staffById(db, id);
  return row && toAccount(row);
}

/**
 * Disables (or enables again) an account; disabling ends its sessions at once and forgets its devices (see
 * resetPassword). The last active admin stays.
 */
export async function setDisabled(db: Db, id: string, disabled: boolean, actor: string | null, now = new Date()): Promise<AccountResult> {
  return db.transaction().execute(async (trx): Promise<AccountResult> => {
    const row = await staffById(trx, id);
    if (!row) return { ok: false, message: 'No such account' };
    if (disabled && row.role === 'admin' && row.disabled_at === null && (await countOtherActiveAdmins(trx, id)) === 0) {
      return { ok: false, message: `${row.email} is the only active admin; add another admin first` };
    }
    if ((row.disabled_at !== null) === disabled) return { ok: true, account: toAccount(row) };
    const disabledAt = disabled ? now.toISOString() : null;
    await updateStaff(trx, id, { disabled_at: disabledAt });
    if (disabled) {
      await deleteSessionsOf(trx, id);
      await deleteDevicesOf(trx, id);
    }
    await recordAudit(trx, {
      at: now.toISOString(),
      staffId: actor,
      action: disabled ? 'staff-disabled' : 'staff-enabled',
      detail: { account: id, by: by(actor) },
    });
    return { ok: true, account: toAccount({ ...row, disabled_at: disabledAt }) };
  });
}

/**
 * Sets a new password and signs the account out everywhere (whoever knew the old one is out too). Its device
 * cookies stop counting as trusted as well: a reset answers a suspected compromise, and a cookie copied from a
 * compromised browser must not keep a guessing budget of its own. The owner signs in once per browser as an
 * untrusted client, which is all that costs.
 */
export async function resetPassword(db: Db, id: string, password: string, actor: string | null, now = new Date()): Promise<AccountResult> {
  const row = await staffById(db, id);
  if (!row) return { ok: false, message: 'No such account' };
  const weak = passwordProblem(password, { email: row.email, name: row.name });
  if (weak) return { ok: false, field: 'password', message: weak };
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await updateStaff(trx, id, { password_hash: passwordHash });
    await deleteSessionsOf(trx, id);
    await deleteDevicesOf(trx, id);
    await recordAudit(trx, {
      at: now.toISOString(),
      staffId: actor,
      action: 'staff-password-reset',
      detail: { account: id, by: by(actor) },
    });
  });
  return { ok: true, account: toAccount(row) };
}

/**
 * A staff member sets their own password, proving they know the current one. Their other sessions end (whoever
 * knew the old password is out); this browser stays signed in.
 */
export async function changeOwnPassword(
  db: Db,
  staff: { id: string; sessionId: string },
  current: string,
  password: string,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; field: 'currentPassword' | 'password'; message: string }> {
  const row = await staffById(db, staff.id);
  if (!row || !(await verifyPassword(row.password_hash, current)))
    return { ok: false, field: 'currentPassword', message: 'Your current password is not right' };
  const weak = passwordProblem(password, { email: row.email, name: row.name });
  if (weak) return { ok: false, field: 'password', message: weak };
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await updateStaff(trx, staff.id, { password_hash: passwordHash });
    await deleteSessionsOf(trx, staff.id, hashToken(staff.sessionId));
    await recordAudit(trx, { at: now.toISOString(), staffId: staff.id, action: 'staff-password-changed', detail: { account: staff.id } });
  });
  return { ok: true };
}

/** Whether a staff member is emailed about new tickets and about requester messages on tickets nobody is assigned to. */
export async function setNotifications(db: Db, id: string, on: boolean): Promise<void> {
  await updateStaff(db, id, { notify_new_tickets: on ? 1 : 0 });
}

const by = (actor: string | null) => (actor ? 'admin' : 'command line');
