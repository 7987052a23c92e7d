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
});
