// The suggestion insights on PostgreSQL: the same weeks from the same events as on SQLite (tests/unit/insights-report).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openPostgres, type Db } from '../../src/server/db/connection.ts';
import { createEventStore } from '../../src/server/db/reader-events.ts';
import { periodFrom } from '../../src/server/insights/period.ts';
import { buildInsights } from '../../src/server/insights/report.ts';
import { createScratchDatabase, testDatabaseUrl, type ScratchDatabase } from '../../harness/postgres.ts';

let scratch: ScratchDatabase;
let db: Db;

beforeAll(async () => {
  scratch = await createScratchDatabase(testDatabaseUrl()!, 'suggestion_insights');
  db = openPostgres(scratch.url, 2);
  await migrateToLatest(db);
});
afterAll(async () => {
  await db?.destroy();
  await scratch?.drop();
});

describe('suggestion insights on PostgreSQL', () => {
  it('count per week the tabs shown suggestions, those that opened one, and those that then sent no request', async () => {
    const [sent, unsent, shownOnly] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    // Tuesday 31 March 2026, in the week of Monday 30 March.
    const receivedAt = new Date('2026-03-31T09:00:00.000Z');
    await createEventStore(async () => db)({
      receivedAt,
      events: [
        { type: 'suggestions_shown', tab: sent, count: 3 },
        { type: 'suggestion_open', tab: sent, target: '/articles/forgot-password/', rank: 1 },
        { type: 'suggestion_request_sent', tab: sent },
        { type: 'suggestions_shown', tab: unsent, count: 2 },
        { type: 'suggestion_open', tab: unsent, target: '/articles/forgot-password/', rank: 2 },
        { type: 'suggestions_shown', tab: shownOnly, count: 1 },
      ],
    });
    const report = await buildInsights(db, periodFrom('7', new Date('2026-04-01T00:00:00.000Z')), new Map(), []);
    expect(report.suggestions).toEqual([{ week: '2026-03-30', shown: 3, opened: 2, notSent: 1, deflectionPercent: 50 }]);
  });
});
