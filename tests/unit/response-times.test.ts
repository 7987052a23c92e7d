import { describe, expect, it } from 'vitest';
import { seedTickets } from '../../harness/seed-tickets.ts';
import { addStaffReply } from '../../src/server/db/conversation.ts';
import { ticketTimes } from '../../src/server/db/insights.ts';
import { changeStatus } from '../../src/server/db/tickets.ts';
import { staffReplyMail } from '../../src/server/email/ticket-mail.ts';
import { percentile, weeklyResponseTimes } from '../../src/server/insights/response-times.ts';
import { addStaff } from '../../src/server/staff/accounts.ts';
import { useTestDatabase } from '../support/test-database.ts';

const db = useTestDatabase();
const HOUR = 60 * 60 * 1000;

describe('response times', () => {
  it('takes the nearest-rank percentile', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([], 90)).toBeNull();
  });

  it('gives the median and 90th percentile of first reply and resolution per week the tickets arrived, in hours', async () => {
    const staff = await addStaff(
      db(),
      { email: 'timer@example.com', name: 'Tim Er', role: 'agent', password: 'a long passphrase for tests' },
      null,
    );
    if (!staff.ok) throw new Error(staff.message);
    // Ten tickets on Monday 2 March 2026, one on the Wednesday of the week before; replied after 1..10 hours.
    const start = new Date('2026-03-02T08:00:00.000Z');
    const tickets = await seedTickets(db(), { count: 10, start, stepMs: 0, series: 'R' });
    const [earlier] = await seedTickets(db(), { count: 1, start: new Date('2026-02-25T08:00:00.000Z'), series: 'Q' });
    for (const [i, ticket] of tickets.entries()) {
      const at = new Date(start.getTime() + (i + 1) * HOUR);
      await addStaffReply(db(), { reference: ticket.reference, staffId: staff.account.id, body: 'Hello', mail: staffReplyMail }, at);
      if (i < 4) await changeStatus(db(), ticket.reference, 'resolved', staff.account.id, new Date(start.getTime() + 24 * (i + 1) * HOUR));
    }
    const times = await ticketTimes(db(), { since: new Date('2026-02-01T00:00:00.000Z'), until: new Date('2026-04-01T00:00:00.000Z') });
    expect(weeklyResponseTimes(times)).toEqual([
      {
        week: '2026-03-02',
        tickets: 10,
        replied: 10,
        firstReplyMedian: 5,
        firstReplyP90: 9,
        resolved: 4,
        resolutionMedian: 48,
        resolutionP90: 96,
      },
      {
        week: '2026-02-23',
        tickets: 1,
        replied: 0,
        firstReplyMedian: null,
        firstReplyP90: null,
        resolved: 0,
        resolutionMedian: null,
        resolutionP90: null,
      },
    ]);
    expect(earlier.reference).toMatch(/^HC-Q/);
  });
});
