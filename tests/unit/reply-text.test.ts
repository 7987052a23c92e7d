import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replyText } from '../../src/server/email/reply-text.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/email-replies/${name}.txt`, import.meta.url), 'utf8');

// The plain-text part of a reply to our confirmation, as each mail program writes it.
describe('the text kept from an email reply', () => {
  it.each([
    ['gmail', 'Thanks, the reset link works now. I could sign in from my laptop.\n\nAda'],
    ['outlook', 'It still fails on my phone, the code never arrives.\n\nAda Lovelace\nAnalytical Engines Ltd'],
    ['apple-mail', 'Yes, that was it. Thank you!'],
    ['thunderbird', 'The invoice is still missing from the list.\nI attached nothing, it is the March one.'],
  ])('drops the quoted history and signature of %s', (client, kept) => {
    const text = replyText(fixture(client));
    expect(text).toBe(kept);
    expect(text).not.toContain('HC-7K2M-9QXD');
  });

  it('keeps a message that quotes nothing whole, paragraphs and all', () => {
    const text = 'Step 1 fails with error 502.\n\nStep 2 works.\r\nThe rest I did not try.';
    expect(replyText(text)).toBe('Step 1 fails with error 502.\n\nStep 2 works.\nThe rest I did not try.');
  });
});
