import type { Kysely } from 'kysely';

// Device cookies (OWASP's "Slow Down Online Guessing Attacks with Device Cookies"): a browser that signed in to an
// account before is throttled on its own, so a stranger's failures cannot lock its owner out. Portable types only
// (see 001).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('staff_devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_signed_in_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('staff_devices_staff_id').on('staff_devices').column('staff_id').execute();
  await db.schema.createIndex('staff_devices_expires_at').on('staff_devices').column('expires_at').execute();

  // Which device cookie an attempt came with (null: none valid for the address). No foreign key: the log outlives
  // the devices it names.
  await db.schema.alterTable('sign_in_attempts').addColumn('device_id', 'text').execute();
  await db.schema.createIndex('sign_in_attempts_device').on('sign_in_attempts').columns(['device_id', 'attempted_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('sign_in_attempts_device').execute();
  await db.schema.alterTable('sign_in_attempts').dropColumn('device_id').execute();
  await db.schema.dropTable('staff_devices').execute();
}
