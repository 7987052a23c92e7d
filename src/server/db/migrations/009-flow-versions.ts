import type { Kysely } from 'kysely';

// Troubleshooter events name the version of their flow's graph, so insights keep a changed flow's figures apart
// from the old one's. Events from before have none.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('reader_events').addColumn('flow_version', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('reader_events').dropColumn('flow_version').execute();
}
