import type { Kysely } from 'kysely';

// Languages (#19): an announcement published from the staff console may carry its message in other
// languages of the site (JSON, `{ "es": "…" }`; null when it has none), as announcement files do; and a "Was this
// helpful?" vote records the language of the page it was cast on, so insights can filter article feedback by it.
// Votes from before this migration were all cast in English, the only language then: the code is written here rather
// than read from the site config, so the migration means the same on every install whatever its configured default.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('urgent_announcements').addColumn('messages', 'text').execute();
  await db.schema
    .alterTable('feedback_votes')
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('en'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('feedback_votes').dropColumn('language').execute();
  await db.schema.alterTable('urgent_announcements').dropColumn('messages').execute();
}
