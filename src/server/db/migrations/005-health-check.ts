import type { Kysely } from 'kysely';

// One row the health check rewrites, so it can tell a database that answers reads but refuses writes (read-only
// files, a full disk) from one that works. Portable types only (see 001).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('health_check')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('health_check').execute();
}
