// Read-then-write changes made at once through two connection pools, as two instances would make them: the
// audit trail must still read as one history, and housekeeping must not do its work twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openPostgres, type Db } from '../../src/server/db/connection.ts';
import { auditOf } from '../../src/server/db/audit.ts';
import { anonymise } from '../../src/server/db/personal-data.ts';
import { addStaff, setDisabled } from '../../src/server/staff/accounts.ts';
import { changeStatus } from '../../src/server/db/tickets.ts';
import type { TicketStatus } from '../../src/server/db/schema.ts';
import { seedTickets } from '../../harness/seed-tickets.ts';
import { createScratchDatabase, testDatabaseUrl, type ScratchDatabase } from '../../harness/postgres.ts';

let scratch: ScratchDatabase;
let one: Db;
let two: Db;

beforeAll(async () => {
  scratch = await createScratchDatabase(testDatabaseUrl()!, 'concurrent');
  one = openPostgres(scratch.url, 5);
  two = openPostgres(scratch.url, 5);
  await migrateToLatest(one);
});
afterAll(async () => {
  await Promise.all([one?.destroy(), two?.destroy()]);
  await scratch?.drop();
});

describe('changes racing on one PostgreSQL database', () => {
  it('status changes from two instances at once leave an audit trail where each change starts from the one before', async () => {
    const [ticket] = await seedTickets(one, { count: 1, series: 'R' });
    const statuses: TicketStatus[] = ['open', 'waiting', 'resolved', 'open', 'waiting', 'resolved', 'open', 'waiting'];
    await Promise.all(statuses.map((status, i) => changeStatus(i % 2 ? one : two, ticket.reference, status, `agent-${i}`)));

    // Commit order need not be time order, so check the trail as a chain: every change starts from where an
    // earlier one (or the new ticket) ended, and the last one ends at the ticket's status.
    const changes = (await auditOf(one, ticket.reference)).filter((entry) => entry.action === 'status-changed');
    const moves = changes.map((change) => change.detail as { from: string; to: string });
    const [{ status: final }] = await one.selectFrom('tickets').select('status').where('reference', '=', ticket.reference).execute();
    const ends = ['new', ...moves.map((move) => move.to)];
    ends.splice(ends.lastIndexOf(final), 1);
    expect(moves.map((move) => move.from).sort()).toEqual(ends.sort());
    expect(moves.length).toBeGreaterThan(0);
  });

  it('two retention runs at once anonymise each ticket once, with one audit entry each', async () => {
    const tickets = await seedTickets(one, {
      count: 30,
      series: 'T',
      status: () => 'resolved',
      closedAt: () => '2020-01-01T00:00:00.000Z',
    });
    const references = tickets.map((t) => t.reference);
    const why = { staffId: null, reason: 'retention' } as const;
    const [first, second] = await Promise.all([anonymise(one, references, why), anonymise(two, references, why)]);
    expect([...first, ...second].sort()).toEqual([...references].sort());
    for (const reference of references) {
      const entries = (await auditOf(one, reference)).filter((entry) => entry.action === 'anonymised');
      expect(entries, reference).toHaveLength(1);
    }
  });

  it('two admins disabling each other at once through two instances leave one of them active', async () => {
    for (let round = 0; round < 5; round++) {
      const admins: string[] = [];
      for (const name of ['ann', 'bo']) {
        const email = `${name}.${round}@example.com`;
        const added = await addStaff(one, { email, name, role: 'admin', password: 'four long unrelated words here' }, null);
        if (!added.ok) throw new Error(added.message);
        admins.push(added.account.id);
      }
      // Only these two are active admins: earlier rounds' survivors are disabled first.
      await one.updateTable('staff').set({ disabled_at: '2020-01-01T00:00:00.000Z' }).where('id', 'not in', admins).execute();
      const results = await Promise.all([setDisabled(one, admins[1], true, admins[0]), setDisabled(two, admins[0], true, admins[1])]);
      expect(
        results.filter((result) => result.ok),
        `round ${round}`,
      ).toHaveLength(1);
      const active = await one.selectFrom('staff').select('id').where('role', '=', 'admin').where('disabled_at', 'is', null).execute();
      expect(active, `round ${round}`).toHaveLength(1);
    }
  });
});
