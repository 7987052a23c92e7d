import { randomBytes } from 'node:crypto';
import type { Db } from './connection.ts';

const cache = new Map<string, string>();

/**
 * The salt for a UTC day, shared by every instance through the database: the first instance to need it
 * creates it, the unique day decides which one's salt wins. Purged after two days (see purgeOldSalts), after
 * which nothing salted with it can be linked to a reader again.
 */
export async function dailySalt(db: Db, day: string): Promise<string> {
  const cached = cache.get(day);
  if (cached) return cached;
  await db
    .insertInto('daily_salts')
    .values({ day, salt: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('day').doNothing())
    .execute();
  const { salt } = await db.selectFrom('daily_salts').select('salt').where('day', '=', day).executeTakeFirstOrThrow();
  cache.clear(); // only today's is worth keeping
  cache.set(day, salt);
  return salt;
}

/** Returns how many it deleted. */
export async function purgeOldSalts(db: Db, beforeDay: string): Promise<number> {
  const result = await db.deleteFrom('daily_salts').where('day', '<', beforeDay).executeTakeFirst();
  return Number(result.numDeletedRows);
}
