import type { Db } from './connection.ts';

export interface QueueMark {
  state: 'done' | 'snoozed';
  until: string;
}

/** Marks still in force at `now`, by item key. */
export async function activeQueueMarks(db: Db, now: Date): Promise<Map<string, QueueMark>> {
  const rows = await db.selectFrom('queue_marks').select(['item_key', 'state', 'until']).where('until', '>', now.toISOString()).execute();
  return new Map(rows.map((r) => [r.item_key, { state: r.state, until: r.until }]));
}

/** Marks an item done or snoozed until `until`, replacing an earlier mark. */
export async function markQueueItem(db: Db, key: string, mark: QueueMark, by: string, now: Date): Promise<void> {
  const row = { state: mark.state, until: mark.until, marked_by: by, marked_at: now.toISOString() };
  await db
    .insertInto('queue_marks')
    .values({ item_key: key, ...row })
    .onConflict((oc) => oc.column('item_key').doUpdateSet(row))
    .execute();
}
