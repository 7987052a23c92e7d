import type { Kysely } from 'kysely';

// Feedback, reader events and staff-published announcements. Portable types only (see 001): timestamps are
// ISO strings, lists JSON text, so PostgreSQL runs this unchanged.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('feedback_votes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('article', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text')
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('detailed_at', 'text')
    .execute();
  // Insights read votes by period, then group them by article.
  await db.schema.createIndex('feedback_votes_created_at').on('feedback_votes').columns(['created_at', 'article']).execute();

  // One row per reader and article for a day: a salted hash, so it names nobody once the day's salt is gone.
  await db.schema
    .createTable('vote_claims')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('vote_claims_created_at').on('vote_claims').column('created_at').execute();

  await db.schema
    .createTable('daily_salts')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('salt', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('reader_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('flow', 'text')
    .addColumn('step', 'text')
    .addColumn('from_step', 'text')
    .addColumn('outcome', 'text')
    .addColumn('query', 'text')
    .addColumn('result_count', 'integer')
    .addColumn('target', 'text')
    .addColumn('result_rank', 'integer')
    .execute();
  // Every insight reads one type of event over a period; the retention purge deletes by time.
  await db.schema.createIndex('reader_events_type_created_at').on('reader_events').columns(['type', 'created_at']).execute();
  await db.schema.createIndex('reader_events_created_at').on('reader_events').column('created_at').execute();

  await db.schema
    .createTable('urgent_announcements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('icon', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text')
    .addColumn('ends_at', 'text')
    .addColumn('countries', 'text', (c) => c.notNull())
    .addColumn('user_types', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('urgent_announcements_ends_at').on('urgent_announcements').column('ends_at').execute();

  // Who changed which announcement, when and to what; folded into the shared audit trail later.
  await db.schema
    .createTable('announcement_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('announcement_id', 'text', (c) => c.notNull().references('urgent_announcements.id').onDelete('cascade'))
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text', (c) => c.notNull())
    .addColumn('staff_email', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('announcement_changes_announcement')
    .on('announcement_changes')
    .columns(['announcement_id', 'changed_at'])
    .execute();
  await db.schema.createIndex('announcement_changes_changed_at').on('announcement_changes').column('changed_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['announcement_changes', 'urgent_announcements', 'reader_events', 'daily_salts', 'vote_claims', 'feedback_votes']) {
    await db.schema.dropTable(table).execute();
  }
}
