import type { Kysely } from 'kysely';

// The editors' work queue (/staff/queue): items staff marked done or snoozed, by the item's key, hidden until
// `until`. Portable types only (see 001).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('queue_marks')
    .addColumn('item_key', 'text', (c) => c.primaryKey())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('until', 'text', (c) => c.notNull())
    .addColumn('marked_by', 'text', (c) => c.notNull())
    .addColumn('marked_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('queue_marks').execute();
}
