import type { Kysely } from 'kysely';

// Suggestions on the way to support (shown, opened, a request sent after one was opened) are tied together by a
// random per-tab id, on these events only. Insights count them by week, grouped by tab.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('reader_events').addColumn('tab', 'text').execute();
  await db.schema.createIndex('reader_events_tab').on('reader_events').columns(['tab', 'type']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('reader_events_tab').execute();
  await db.schema.alterTable('reader_events').dropColumn('tab').execute();
}
