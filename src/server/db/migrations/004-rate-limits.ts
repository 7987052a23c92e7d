import type { Kysely } from 'kysely';

// The table rate-limiter-flexible's PostgreSQL store reads and writes (its own layout: key, points, expire in
// epoch ms), created here so instances starting together never race to create it. SQLite runs the same
// migration; its single instance keeps the limits in memory and leaves the table empty.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'varchar(255)', (c) => c.primaryKey())
    .addColumn('points', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expire', 'bigint')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rate_limits').execute();
}
