import { describe, expect, it } from 'vitest';
import { auditOf } from '../../src/server/db/audit.ts';
import { ERASED } from '../../src/server/db/personal-data.ts';
import { addNote, assign, changeStatus, notesOf, ticketByReference } from '../../src/server/db/tickets.ts';
import { addStaff } from '../../src/server/staff/accounts.ts';
import { erasePersonalData, exportPersonalData } from '../../src/server/staff/personal-data.ts';
import { retentionJobs } from '../../src/server/retention/jobs.ts';
import { seedTickets } from '../../harness/seed-tickets.ts';
import { useTestDatabase } from '../support/test-database.ts';

const db = useTestDatabase();
let seriesCount = 0;
const series = () => 'ABCDEFGH'[seriesCount++];

/** One pass of every retention job, as the server's schedule runs them; returns its log line, if any. */
async function applyRetention(ticketRetentionDays: number, now = new Date()): Promise<string> {
  const done = [];
  for (const job of retentionJobs({ eventRetentionDays: 180, ticketRetentionDays }))
    done.push(await job.run(db(), now, new AbortController().signal));
  return done.filter(Boolean).join('; ');
}

async function staffMember(email: string, role: 'agent' | 'admin' = 'agent'): Promise<string> {
  const result = await addStaff(db(), { email, name: `Staff ${email}`, role, password: 'correct horse battery staple' }, null);
  if (!result.ok) throw new Error(result.message);
  return result.account.id;
}

describe('ticket changes', () => {
  it('changes status with an audit entry, starting and stopping the retention clock', async () => {
    const agent = await staffMember('worker@example.com');
    const [ticket] = await seedTickets(db(), { count: 1, series: series() });
    const at = (minute: number) => new Date(Date.UTC(2025, 5, 1, 9, minute));
    expect(await changeStatus(db(), ticket.reference, 'resolved', agent, at(0))).toBe(true);
    expect((await ticketByReference(db(), ticket.reference))?.closedAt).toBe(at(0).toISOString());
    expect(await changeStatus(db(), ticket.reference, 'spam', agent, at(1))).toBe(true);
    expect((await ticketByReference(db(), ticket.reference))?.closedAt).toBe(at(0).toISOString()); // still closed since then
    expect(await changeStatus(db(), ticket.reference, 'open', agent, at(2))).toBe(true);
    expect((await ticketByReference(db(), ticket.reference))?.closedAt).toBeNull();
    expect(await changeStatus(db(), ticket.reference, 'open', agent, at(3))).toBe(true); // no change, no entry
    expect(await changeStatus(db(), 'HC-0000-0000', 'open', agent)).toBe(false);
    const trail = await auditOf(db(), ticket.reference);
    expect(trail.map((e) => [e.action, e.detail, e.staff?.id])).toEqual([
      ['status-changed', { from: 'new', to: 'resolved' }, agent],
      ['status-changed', { from: 'resolved', to: 'spam' }, agent],
      ['status-changed', { from: 'spam', to: 'open' }, agent],
    ]);
  });

  it('assigns and keeps notes, each in the trail', async () => {
    const agent = await staffMember('noter@example.com');
    const [ticket] = await seedTickets(db(), { count: 1, series: series() });
    expect(await assign(db(), ticket.reference, agent, agent)).toBe('assigned');
    expect(await addNote(db(), ticket.reference, agent, 'Called them back.')).toBe(true);
    expect((await ticketByReference(db(), ticket.reference))?.assignee).toEqual({ id: agent, name: 'Staff noter@example.com' });
    expect((await notesOf(db(), ticket.reference)).map((n) => [n.body, n.author])).toEqual([
      ['Called them back.', 'Staff noter@example.com'],
    ]);
    expect((await auditOf(db(), ticket.reference)).map((e) => e.action)).toEqual(['assigned', 'note-added']);
  });

  it('lists changes made in the same millisecond in the order they happened', async () => {
    const agent = await staffMember('quick@example.com');
    const [ticket] = await seedTickets(db(), { count: 1, series: series() });
    const instant = new Date('2025-07-01T12:00:00.000Z');
    for (let i = 0; i < 5; i++) await addNote(db(), ticket.reference, agent, `Note ${i}`, instant);
    await changeStatus(db(), ticket.reference, 'waiting', agent, instant);
    expect((await notesOf(db(), ticket.reference)).map((n) => n.body)).toEqual(['Note 0', 'Note 1', 'Note 2', 'Note 3', 'Note 4']);
    expect((await auditOf(db(), ticket.reference)).map((e) => e.action)).toEqual([
      ...Array<string>(5).fill('note-added'),
      'status-changed',
    ]);
  });
});

describe('personal data', () => {
  it('exports every ticket naming an address (contact or account email, any case) with notes and trail', async () => {
    const admin = await staffMember('dpo@example.com', 'admin');
    const s = series();
    const tickets = await seedTickets(db(), {
      count: 4,
      series: s,
      contactEmail: (i) => (i === 0 ? 'Subject@Example.com' : `other${i}@example.com`),
      accountEmails: (i) => (i === 2 ? ['subject@example.com'] : []),
    });
    await addNote(db(), tickets[2].reference, admin, 'Asked for ID.');
    const exported = await exportPersonalData(db(), ' SUBJECT@example.com ', admin);
    const found = exported.tickets as { reference: string; notes: { body: string }[]; account_emails: string[] }[];
    expect(found.map((t) => t.reference)).toEqual([tickets[0].reference, tickets[2].reference]);
    expect(found[1].account_emails).toEqual(['subject@example.com']);
    expect(found[1].notes.map((n) => n.body)).toEqual(['Asked for ID.']);
    const logged = await db().selectFrom('audit_events').selectAll().where('action', '=', 'personal-data-exported').execute();
    expect(logged.at(-1)?.detail).not.toContain('subject@');
  });

  it('erases: personal data replaced, tickets kept, addresses forgotten, an entry in each trail', async () => {
    const admin = await staffMember('eraser@example.com', 'admin');
    const tickets = await seedTickets(db(), {
      count: 3,
      series: series(),
      contactEmail: (i) => (i < 2 ? 'erase-me@example.com' : 'keep-me@example.com'),
    });
    await addNote(db(), tickets[0].reference, admin, 'Their phone is 555-0100.');
    const erased = await erasePersonalData(db(), 'Erase-Me@example.com', admin);
    expect(erased.sort()).toEqual([tickets[0].reference, tickets[1].reference].sort());

    const gone = await ticketByReference(db(), tickets[0].reference);
    expect(gone).toMatchObject({ name: ERASED, contactEmail: ERASED, accountEmails: [], description: ERASED, status: 'new' });
    expect(gone?.anonymisedAt).not.toBeNull();
    expect((await notesOf(db(), tickets[0].reference)).map((n) => n.body)).toEqual([ERASED]);
    expect((await auditOf(db(), tickets[0].reference)).at(-1)).toMatchObject({
      action: 'anonymised',
      detail: { reason: 'erasure-request' },
    });
    expect((await exportPersonalData(db(), 'erase-me@example.com', admin)).tickets).toEqual([]);
    expect((await ticketByReference(db(), tickets[2].reference))?.contactEmail).toBe('keep-me@example.com');
  });
});

describe('retention', () => {
  it('anonymises tickets closed longer than the retention period, and only those', async () => {
    const now = new Date('2026-06-01T00:00:00.000Z');
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
    const tickets = await seedTickets(db(), {
      count: 4,
      series: series(),
      status: (i) => (i === 3 ? 'open' : 'resolved'),
      closedAt: (i) => [daysAgo(400), daysAgo(366), daysAgo(10), null][i],
    });
    expect(await applyRetention(365, now)).toMatch(/anonymised \d+ tickets closed over 365 days ago/);
    const states = await Promise.all(tickets.map(async (t) => (await ticketByReference(db(), t.reference))?.anonymisedAt !== null));
    expect(states).toEqual([true, true, false, false]);
    expect((await auditOf(db(), tickets[0].reference)).at(-1)).toMatchObject({
      action: 'anonymised',
      staff: null,
      detail: { reason: 'retention' },
    });
    expect(await applyRetention(365, now)).not.toMatch(/anonymised/); // done once
  });

  it('keeps everything when retention is 0, but still clears expired sessions', async () => {
    const tickets = await seedTickets(db(), {
      count: 1,
      series: series(),
      status: () => 'resolved',
      closedAt: () => '2000-01-01T00:00:00.000Z',
    });
    const staffId = await staffMember('sleeper@example.com');
    await db()
      .insertInto('staff_sessions')
      .values({
        id_hash: 'x'.repeat(64),
        staff_id: staffId,
        created_at: '2000-01-01T00:00:00.000Z',
        expires_at: '2000-01-02T00:00:00.000Z',
      })
      .execute();
    expect(await applyRetention(0)).not.toMatch(/anonymised/);
    expect((await ticketByReference(db(), tickets[0].reference))?.anonymisedAt).toBeNull();
    expect(await db().selectFrom('staff_sessions').selectAll().where('staff_id', '=', staffId).execute()).toEqual([]);
  });
});
