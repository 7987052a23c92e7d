import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../src/server/db/connection.ts';
import { createEventStore } from '../../src/server/db/reader-events.ts';
import { purgeExpired, scheduleRetention } from '../../src/server/events/retention.ts';
import { eventSettings } from '../../src/server/settings.ts';
import { tempDatabase } from '../support/temp-database.ts';

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2025-07-01T12:00:00.000Z');
const search = { type: 'search' as const, query: 'refund', results: 1 };

let database: Awaited<ReturnType<typeof tempDatabase>>;
let db: Db;
beforeAll(async () => {
  database = await tempDatabase();
  db = database.db;
});
afterAll(() => database.remove());

async function storeEventsAged(days: number[]): Promise<void> {
  const store = createEventStore(async () => db);
  for (const age of days) await store({ events: [search], receivedAt: new Date(NOW.getTime() - age * DAY) });
}

describe('retention', () => {
  it('deletes events older than the retention period and keeps the rest', async () => {
    await storeEventsAged([0, 10, 179.9, 180.1, 400]);
    expect(await purgeExpired(db, NOW, 180)).toEqual({ events: 2 });
    const left = await db.selectFrom('reader_events').select('created_at').orderBy('created_at').execute();
    expect(left.map((r) => r.created_at)).toEqual([
      new Date(NOW.getTime() - 179.9 * DAY).toISOString(),
      new Date(NOW.getTime() - 10 * DAY).toISOString(),
      NOW.toISOString(),
    ]);
    expect(await purgeExpired(db, NOW, 180)).toEqual({ events: 0 });
  });

  it('drops vote claims and salts older than yesterday', async () => {
    await db
      .insertInto('vote_claims')
      .values([
        { key: 'old', created_at: '2025-06-29T23:59:59.000Z' },
        { key: 'yesterday', created_at: '2025-06-30T00:00:00.000Z' },
        { key: 'today', created_at: '2025-07-01T08:00:00.000Z' },
      ])
      .execute();
    await db
      .insertInto('daily_salts')
      .values(['2025-06-29', '2025-06-30', '2025-07-01'].map((day) => ({ day, salt: `salt-${day}` })))
      .execute();
    await purgeExpired(db, NOW, 180);
    expect((await db.selectFrom('vote_claims').select('key').orderBy('key').execute()).map((r) => r.key)).toEqual(['today', 'yesterday']);
    expect((await db.selectFrom('daily_salts').select('day').orderBy('day').execute()).map((r) => r.day)).toEqual([
      '2025-06-30',
      '2025-07-01',
    ]);
  });

  it('runs at once and then on its interval, until stopped', async () => {
    vi.useFakeTimers();
    try {
      const purges: Date[] = [];
      const fake = {
        deleteFrom: () => ({ where: () => ({ executeTakeFirst: async () => ({ numDeletedRows: 0n }), execute: async () => [] }) }),
      };
      let clock = NOW.getTime();
      const schedule = scheduleRetention({
        db: async () => {
          purges.push(new Date(clock));
          return fake as unknown as Db;
        },
        retentionDays: 30,
        everyMs: 1000,
        now: () => new Date(clock),
      });
      await vi.advanceTimersByTimeAsync(0);
      expect(purges).toHaveLength(1);
      clock += 2000;
      await vi.advanceTimersByTimeAsync(2000);
      expect(purges).toHaveLength(3);
      schedule.stop();
      await vi.advanceTimersByTimeAsync(5000);
      expect(purges).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads EVENT_RETENTION_DAYS (default 180, at least 1)', () => {
    expect(eventSettings({}).retentionDays).toBe(180);
    expect(eventSettings({ EVENT_RETENTION_DAYS: '30' }).retentionDays).toBe(30);
    expect(() => eventSettings({ EVENT_RETENTION_DAYS: '0' })).toThrow('EVENT_RETENTION_DAYS must be 1 or more (got "0")');
    expect(() => eventSettings({ EVENT_RETENTION_DAYS: 'soon' })).toThrow(/^EVENT_RETENTION_DAYS must be a whole number/);
  });
});
