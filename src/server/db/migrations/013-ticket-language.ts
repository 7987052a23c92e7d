import type { Kysely } from 'kysely';

// Languages (#19): each ticket records the language its requester wrote in, which its emails and page use and
// staff filter the inbox by; reader events (searches among them) record the language of the page they were made
// on, so insights can be filtered by it and report searches per language. Rows from before this migration were all made in English, the only language
// then: the code is written here rather than read from the site config, so the migration means the same on every
// install whatever its configured default.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('tickets')
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('en'))
    .execute();
  await db.schema.createIndex('tickets_language').on('tickets').columns(['language', 'created_at', 'reference']).execute();
  await db.schema
    .alterTable('reader_events')
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('en'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('reader_events').dropColumn('language').execute();
  await db.schema.dropIndex('tickets_language').execute();
  await db.schema.alterTable('tickets').dropColumn('language').execute();
}
