import type { Db } from './connection.ts';

/** Stores hashes of new keys to a ticket's requester page (in the transaction that queues the emails carrying them). */
export async function insertRequestKeys(db: Db, reference: string, keyHashes: string[], now: Date): Promise<void> {
  if (keyHashes.length === 0) return;
  const created_at = now.toISOString();
  await db
    .insertInto('request_keys')
    .values(keyHashes.map((key_hash) => ({ key_hash, reference, created_at })))
    .execute();
}

/** The hashes of every key to a ticket's page; none for an unknown or anonymised ticket. */
export async function keyHashesOf(db: Db, reference: string): Promise<string[]> {
  const rows = await db.selectFrom('request_keys').select('key_hash').where('reference', '=', reference).execute();
  return rows.map((row) => row.key_hash);
}
