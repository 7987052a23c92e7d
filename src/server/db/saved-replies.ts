import type { Db } from './connection.ts';
import { sortableId } from './sortable-id.ts';

export interface SavedReply {
  id: string;
  title: string;
  body: string;
}

export async function savedReplies(db: Db): Promise<SavedReply[]> {
  return db.selectFrom('saved_replies').select(['id', 'title', 'body']).orderBy('title').orderBy('id').execute();
}

export async function addSavedReply(db: Db, reply: Omit<SavedReply, 'id'>, now = new Date()): Promise<string> {
  const id = sortableId(now.getTime());
  const at = now.toISOString();
  await db.insertInto('saved_replies').values({ id, title: reply.title, body: reply.body, created_at: at, updated_at: at }).execute();
  return id;
}

/** False when there is no such saved reply. */
export async function updateSavedReply(db: Db, id: string, reply: Omit<SavedReply, 'id'>, now = new Date()): Promise<boolean> {
  const result = await db
    .updateTable('saved_replies')
    .set({ title: reply.title, body: reply.body, updated_at: now.toISOString() })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteSavedReply(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('saved_replies').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
