import { describe, expect, it } from 'vitest';
import { seedTickets } from '../../harness/seed-tickets.ts';
import { addRequesterMessage } from '../../src/server/db/conversation.ts';
import { inboxPage } from '../../src/server/db/inbox.ts';
import { anonymise } from '../../src/server/db/personal-data.ts';
import { requesterMessageMail } from '../../src/server/email/ticket-mail.ts';
import { useTestDatabase } from '../support/test-database.ts';

const db = useTestDatabase();

const DESCRIPTIONS = [
  'My phone was replaced and the codes go to the old one.',
  'The invoice for March shows the wrong amount.',
  'I cannot find the dark mode setting anywhere.',
];

const search = async (text: string) => (await inboxPage(db(), { text }, {}, 50)).rows.map((row) => row.reference);

describe('full-text search of the inbox', () => {
  it('finds words in descriptions and messages, whatever their form, and forgets erased tickets', async () => {
    const tickets = await seedTickets(db(), { count: 3, series: 'F', description: (i) => DESCRIPTIONS[i] });
    const [phone, invoice, dark] = tickets.map((t) => t.reference);
    expect(await search('phone')).toEqual([phone]);
    expect(await search('Phones')).toEqual([phone]);
    expect(await search('replaced phone')).toEqual([phone]);
    expect(await search('phone invoice')).toEqual([]);
    // Query syntax is taken as words, never as FTS5 operators.
    expect(await search('dark "mode*')).toEqual([dark]);
    expect(await search('NOT dark')).toEqual([]);

    await addRequesterMessage(db(), {
      reference: dark,
      body: 'Also my phone number changed.',
      source: 'page',
      idempotencyKey: null,
      mail: requesterMessageMail,
    });
    expect(await search('phone')).toEqual([dark, phone]);
    expect(await search('invoices')).toEqual([invoice]);

    await anonymise(db(), [phone, dark], { staffId: null, reason: 'erasure-request' });
    expect(await search('phone')).toEqual([]);
    expect(await search('invoice')).toEqual([invoice]);
  });

  it('pages through a word that thousands of tickets have, newest first, alone or with a rarer word', async () => {
    const many = await seedTickets(db(), {
      count: 2_100,
      series: 'W',
      description: (i) => `Everyone mentions the widget here${i % 700 === 0 ? ' and a gizmo' : ''}.`,
    });
    const newest = [...many].reverse().map((t) => t.reference);
    const first = await inboxPage(db(), { text: 'widgets' }, {}, 50);
    expect(first.rows.map((row) => row.reference)).toEqual(newest.slice(0, 50));
    const second = await inboxPage(db(), { text: 'widgets' }, { after: first.older }, 50);
    expect(second.rows.map((row) => row.reference)).toEqual(newest.slice(50, 100));
    expect(await search('widget gizmo')).toEqual(newest.filter((_, i) => (newest.length - 1 - i) % 700 === 0));
  });
});
