import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { AnnouncementFields, Audience } from '../../lib/announcements.ts';
import type { Db } from './connection.ts';
import type { AnnouncementChangesTable, Database, UrgentAnnouncementsTable } from './schema.ts';

/** An announcement published from the staff console. */
export interface UrgentAnnouncement extends AnnouncementFields {
  id: string;
  createdAt: string;
  updatedAt: string;
}

/** Who made a change: the signed-in staff member. */
export interface Editor {
  id: string;
  email: string;
}

export interface AnnouncementChange {
  id: string;
  announcementId: string;
  changedAt: string;
  staffId: string;
  staffEmail: string;
  action: AnnouncementChangesTable['action'];
  details: AnnouncementFields;
}

/** Every staff-published announcement, newest first. */
export async function listUrgentAnnouncements(db: Db): Promise<UrgentAnnouncement[]> {
  const rows = await db.selectFrom('urgent_announcements').selectAll().orderBy('created_at', 'desc').orderBy('id').execute();
  return rows.map(fromRow);
}

/** Those not yet ended at `now` and starting before `until`: what readers may need to see soon. */
export async function currentUrgentAnnouncements(db: Db, now: Date, until: Date): Promise<UrgentAnnouncement[]> {
  const rows = await db
    .selectFrom('urgent_announcements')
    .selectAll()
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', now.toISOString())]))
    .where((eb) => eb.or([eb('starts_at', 'is', null), eb('starts_at', '<=', until.toISOString())]))
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(fromRow);
}

export async function findUrgentAnnouncement(db: Db, id: string): Promise<UrgentAnnouncement | undefined> {
  const row = await db.selectFrom('urgent_announcements').selectAll().where('id', '=', id).executeTakeFirst();
  return row && fromRow(row);
}

/** Stores a new announcement and its audit row in one transaction; returns its id. */
export async function publishAnnouncement(db: Db, fields: AnnouncementFields, editor: Editor, now: Date): Promise<string> {
  const id = randomUUID();
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('urgent_announcements')
      .values({ id, ...toColumns(fields), created_at: at, updated_at: at })
      .execute();
    await recordChange(trx, id, 'published', fields, editor, at);
  });
  return id;
}

/** Replaces an announcement's fields; false when there is no such announcement. */
export async function editAnnouncement(db: Db, id: string, fields: AnnouncementFields, editor: Editor, now: Date): Promise<boolean> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('urgent_announcements')
      .set({ ...toColumns(fields), updated_at: at })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    await recordChange(trx, id, 'edited', fields, editor, at);
    return true;
  });
}

/** Ends an announcement now (its end moves to `now`); says why when nothing changed. */
export async function endAnnouncement(db: Db, id: string, editor: Editor, now: Date): Promise<'ended' | 'unknown' | 'already-ended'> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('urgent_announcements').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return 'unknown';
    if (row.ends_at !== null && row.ends_at <= at) return 'already-ended';
    // A scheduled one that never started ends before its start: keep the window valid (start <= end).
    const startsAt = row.starts_at !== null && row.starts_at > at ? at : row.starts_at;
    await trx.updateTable('urgent_announcements').set({ ends_at: at, starts_at: startsAt, updated_at: at }).where('id', '=', id).execute();
    await recordChange(trx, id, 'ended', fromRow({ ...row, starts_at: startsAt, ends_at: at }), editor, at);
    return 'ended';
  });
}

/** The latest changes, newest first. */
export async function recentAnnouncementChanges(db: Db, limit = 50): Promise<AnnouncementChange[]> {
  const rows = await db.selectFrom('announcement_changes').selectAll().orderBy('changed_at', 'desc').orderBy('id').limit(limit).execute();
  return rows.map((row) => ({
    id: row.id,
    announcementId: row.announcement_id,
    changedAt: row.changed_at,
    staffId: row.staff_id,
    staffEmail: row.staff_email,
    action: row.action,
    details: JSON.parse(row.details) as AnnouncementFields,
  }));
}

async function recordChange(
  trx: Transaction<Database>,
  announcementId: string,
  action: AnnouncementChangesTable['action'],
  fields: AnnouncementFields,
  editor: Editor,
  at: string,
): Promise<void> {
  const { message, messages, icon, start, end, countries, userTypes } = fields;
  await trx
    .insertInto('announcement_changes')
    .values({
      id: randomUUID(),
      announcement_id: announcementId,
      changed_at: at,
      staff_id: editor.id,
      staff_email: editor.email,
      action,
      details: JSON.stringify({ message, icon, start, end, countries, userTypes, ...(messages ? { messages } : {}) }),
    })
    .execute();
}

const hasTranslations = (messages: AnnouncementFields['messages']): messages is Record<string, string> =>
  messages !== undefined && Object.values(messages).some(Boolean);

function toColumns(fields: AnnouncementFields) {
  return {
    message: fields.message,
    icon: fields.icon,
    starts_at: fields.start ?? null,
    ends_at: fields.end ?? null,
    countries: JSON.stringify(fields.countries),
    user_types: JSON.stringify(fields.userTypes),
    messages: hasTranslations(fields.messages) ? JSON.stringify(fields.messages) : null,
  };
}

function fromRow(row: UrgentAnnouncementsTable): UrgentAnnouncement {
  return {
    id: row.id,
    message: row.message,
    icon: row.icon,
    ...(row.starts_at ? { start: row.starts_at } : {}),
    ...(row.ends_at ? { end: row.ends_at } : {}),
    countries: JSON.parse(row.countries) as Audience,
    userTypes: JSON.parse(row.user_types) as Audience,
    ...(row.messages ? { messages: JSON.parse(row.messages) as Record<string, string> } : {}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
