import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CapturedEmail } from '../../harness/smtp-capture.ts';
import { openServerDatabase } from '../../harness/server-database.ts';
import { startServer, type ServerProcess } from '../../harness/server-process.ts';
import { createStaff, postForm as postStaffForm, signIn } from '../../harness/staff.ts';
import { useMailingServer } from '../support/mailing-server.ts';
import { postJson, validSupportRequest } from '../support/support-requests.ts';
import { postRequestForm, requestLinkIn } from '../support/request-links.ts';

const mail = useMailingServer({ env: { MAIL_FROM: 'Loomwork Support <support@help.example.com>' } });

/** Sends a support request and returns its reference and the confirmation email it caused. */
async function request(overrides: Record<string, unknown> = {}) {
  const email = `requester-${crypto.randomUUID()}@example.com`;
  const response = await postJson(mail.server.url, validSupportRequest({ email, ...overrides }));
  expect(response.status).toBe(201);
  const { reference } = (await response.json()) as { reference: string };
  const confirmation = await waitForEmail((e) => e.to.includes(email) && e.subject.includes(reference));
  return { reference, email, confirmation, link: requestLinkIn(confirmation) };
}

const waitForEmail = async (match: (email: CapturedEmail) => boolean, count = 1) => (await mail.waitForEmails(match, count))[count - 1];

const page = async (path: string) => {
  const response = await fetch(new URL(path, mail.server.url));
  return { response, html: await response.text() };
};

describe('the confirmation email', () => {
  it('is multipart text and HTML, carries the reference, a copy of the request, the hours and a working private link', async () => {
    const description = 'My phone was replaced and the sign-in codes go to the old one.';
    const { reference, confirmation, link } = await request({ description, name: 'Ada Lovelace' });
    expect(confirmation.subject).toBe(`Your request ${reference} | Loomwork Help Center`);
    expect(confirmation.parsed.from?.value).toEqual([{ name: 'Loomwork Support', address: 'support@help.example.com' }]);
    expect(confirmation.messageId).toMatch(new RegExp(`^<${reference.toLowerCase()}\\.request@help\\.example\\.com>$`));
    expect(confirmation.parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    for (const part of [confirmation.text, confirmation.html]) {
      expect(part).toContain(reference);
      expect(part).toContain(description);
      expect(part).toContain('Monday to Friday, 08:00–20:00 UTC');
      expect(part).toContain('Hello Ada Lovelace,');
    }
    expect(confirmation.html).toMatch(/<html lang="en-GB">/);
    expect(confirmation.html).not.toMatch(/<img/i);

    const { response, html } = await page(link);
    expect(response.status).toBe(200);
    expect(html).toContain(`Request ${reference}`);
    expect(html).toContain('Received: waiting for our support team');
    expect(html).toContain(description);
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin');
    expect(response.headers.get('x-robots-tag')).toBe('noindex');
    expect(mail.server.output()).not.toContain(new URL(link, mail.server.url).searchParams.get('key')!);
  });
});

describe('the help articles a confirmation suggests', () => {
  /** The first three article links the search page shows for these words, as the server renders it. */
  async function searchPageArticles(words: string) {
    const { html } = await page(`/search/?q=${encodeURIComponent(words)}`);
    return [...new Set([...html.matchAll(/<a href="(\/articles\/[^"]+\/)"/g)].map((m) => m[1]))].slice(0, 3);
  }

  it('links the articles the search page finds for the description, in its order, to pages that open', async () => {
    const description = 'My phone was replaced and the sign-in codes go to the old one.';
    const { confirmation } = await request({ description });
    const articles = await searchPageArticles(description);
    expect(articles).toContain('/articles/lost-phone-two-step-verification/');
    for (const part of [confirmation.text, confirmation.html]) {
      expect(part).toContain('These help articles may solve it while you wait:');
      const linked = [...part.matchAll(/https?:\/\/[^\s"<>]+?(\/articles\/[^\s"<>]+\/)/g)].map((m) => m[1]);
      expect([...new Set(linked)]).toEqual(articles);
    }
    expect(confirmation.html).toContain('>I lost the phone I use for two-step verification</a>');
    for (const path of articles) expect((await fetch(new URL(path, mail.server.url))).status, path).toBe(200);
  });

  it('suggests nothing when no article matches the description', async () => {
    const description = 'Xqzvbn wrtplk mnbvcx zzqx fjdkslq vbnmq';
    expect(await searchPageArticles(description)).toEqual([]);
    const { confirmation } = await request({ description });
    expect(confirmation.text).not.toContain('These help articles may solve it');
    expect(confirmation.text).not.toContain('/articles/');
  });
});

describe('bad input on the way to an email', () => {
  it('refuses a name with a line break (no header injection) and emails nothing for it', async () => {
    const response = await postJson(
      mail.server.url,
      validSupportRequest({ name: 'Ada\r\nBcc: evil@example.com', email: 'crlf@example.com' }),
    );
    expect(response.status).toBe(422);
    expect(((await response.json()) as { fields: Record<string, string> }).fields.name).toBe('Enter your name on one line');
    await request(); // a later request's confirmation has arrived: the refused one would have been before it
    expect(mail.smtp.received.filter((e) => /evil@example\.com|crlf@example\.com/.test(e.raw))).toEqual([]);
  });

  it('escapes markup from a description in the email’s HTML part', async () => {
    const { confirmation } = await request({ description: 'Look: <script>alert(1)</script> and <a href="https://evil.example">click</a>' });
    expect(confirmation.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(confirmation.html).not.toContain('<script>');
    expect(confirmation.html).toContain('&lt;a href=&quot;');
    expect(confirmation.html).not.toContain('">click</a>');
  });
});

describe('replying on the request page without JavaScript', () => {
  it('adds the message once, however often the form is posted', async () => {
    const { link } = await request();
    const fields = { action: 'message', message: 'Here is more: it started after the update.', idempotencyKey: crypto.randomUUID() };
    const first = await postRequestForm(mail.server.url, link, fields);
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe(`${link}&done=message`);
    expect((await postRequestForm(mail.server.url, link, fields)).status).toBe(303);
    const { html } = await page(`${link}&done=message`);
    expect(html).toContain('Your message was sent.');
    expect(html.match(/it started after the update\./g)).toHaveLength(1);
  });

  it('names the field and keeps the form when the message is empty or too long', async () => {
    const { link } = await request();
    const empty = await postRequestForm(mail.server.url, link, { action: 'message', message: '  ', idempotencyKey: crypto.randomUUID() });
    expect(empty.status).toBe(422);
    const emptyHtml = await empty.text();
    expect(emptyHtml).toContain('<title>Error: ');
    expect(emptyHtml).toContain('href="#message">Enter your message</a>');
    const long = 'x'.repeat(5001);
    const tooLong = await postRequestForm(mail.server.url, link, { action: 'message', message: long, idempotencyKey: crypto.randomUUID() });
    expect(tooLong.status).toBe(422);
    const tooLongHtml = await tooLong.text();
    expect(tooLongHtml).toContain('Your message must be 5,000 characters or fewer');
    expect(tooLongHtml).toContain(long);
  });

  it('resolves on "This is fixed", and opens again on "It is still not fixed"', async () => {
    const { link } = await request();
    expect((await postRequestForm(mail.server.url, link, { action: 'fixed' })).status).toBe(303);
    let { html } = await page(link);
    expect(html).toMatch(/<strong[^>]*>Resolved<\/strong>/);
    expect(html).toContain('It is still not fixed');
    const reopened = await postRequestForm(mail.server.url, link, {
      action: 'reopen',
      message: 'It broke again today.',
      idempotencyKey: crypto.randomUUID(),
    });
    expect(reopened.status).toBe(303);
    ({ html } = await page(link));
    expect(html).toContain('Open: our support team is working on it');
    expect(html).toContain('It broke again today.');
  });

  it('shows markup in messages as text, and makes links clickable', async () => {
    const { link } = await request({
      description: 'I see <b>bold</b> and <script>alert(1)</script> on https://loomwork.example/settings today',
    });
    await postRequestForm(mail.server.url, link, {
      action: 'message',
      message: '<img src=x onerror=alert(2)>',
      idempotencyKey: crypto.randomUUID(),
    });
    const { html } = await page(link);
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt; and &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<a href="https://loomwork.example/settings">https://loomwork.example/settings</a>');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(html).not.toMatch(/<img[^>]*onerror/);
  });
});

describe('who may open a request page', () => {
  it('answers a wrong key, another ticket’s key and an unknown reference with the same 404', async () => {
    const one = await request();
    const other = await request();
    const key = (link: string) => new URL(link, mail.server.url).searchParams.get('key')!;
    const unknown = await page(`/requests/HC-ZZZZ-ZZZZ/?key=${key(one.link)}`);
    expect(unknown.response.status).toBe(404);
    for (const path of [
      `/requests/${one.reference}/?key=${key(one.link).slice(0, -1)}x`,
      `/requests/${one.reference}/?key=${key(other.link)}`,
      `/requests/${one.reference}/`,
      `/requests/not-a-reference/?key=${key(one.link)}`,
    ]) {
      const { response, html } = await page(path);
      // Compared as a flag: a failure would otherwise print two whole pages.
      expect([path, response.status, html === unknown.html]).toEqual([path, 404, true]);
    }
    const post = await postRequestForm(mail.server.url, `/requests/${one.reference}/?key=${key(other.link)}`, { action: 'fixed' });
    expect(post.status).toBe(404);
  });

  it('answers 404 once the requester’s data is erased, for every link they had', async () => {
    const { reference, email, link } = await request();
    await createStaff(mail.server.dataDir, { email: 'eraser@example.com', name: 'Eraser', role: 'admin' });
    const cookie = await signIn(mail.server.url, 'eraser@example.com');
    const erased = await postStaffForm(mail.server.url, '/staff/admin/personal-data', cookie, { action: 'erase', email, confirm: 'yes' });
    expect(erased.status).toBe(303);
    expect((await page(link)).response.status).toBe(404);
    expect(reference).toMatch(/^HC-/);
  });
});

describe('email me my links', () => {
  it('sends a fresh working link for each open request of the address, and answers the same for an address with none', async () => {
    const { reference, email } = await request();
    const ask = (address: string) => postRequestForm(mail.server.url, '/requests/', { email: address });
    const known = await ask(email.toUpperCase());
    const unknownAddress = await ask(`nobody-${crypto.randomUUID()}@example.com`);
    expect([known.status, known.headers.get('location')]).toEqual([303, '/requests/?done=sent']);
    expect([unknownAddress.status, unknownAddress.headers.get('location')]).toEqual([303, '/requests/?done=sent']);
    const links = await waitForEmail((e) => e.to.includes(email) && e.text.includes('Here is a new link'));
    const { response, html } = await page(requestLinkIn(links));
    expect(response.status).toBe(200);
    expect(html).toContain(`Request ${reference}`);
    const bad = await ask('not an address');
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Enter your email address in the correct format');
  });
});

describe('the request page’s limits', () => {
  let limited: ServerProcess;
  beforeAll(async () => {
    limited = await startServer({ env: { ESCALATION_RATE_LIMIT: '2' } });
  });
  afterAll(() => limited?.stop());

  it('answers a client over the limit with 429 and Retry-After, keeping what they wrote; so does "Email me my links"', async () => {
    const response = await postJson(limited.url, validSupportRequest({ email: 'limited@example.com' }));
    const { reference } = (await response.json()) as { reference: string };
    // No SMTP here: the link is read from the waiting email, as an admin would on the outbox page.
    const db = openServerDatabase(limited.dataDir);
    let link: string;
    try {
      const { secret } = await db.selectFrom('outbox').select('secret').where('reference', '=', reference).executeTakeFirstOrThrow();
      link = `/requests/${reference}/?key=${secret}`;
    } finally {
      await db.destroy();
    }
    const post = (message: string) =>
      postRequestForm(limited.url, link, { action: 'message', message, idempotencyKey: crypto.randomUUID() });
    expect((await post('First.')).status).toBe(303);
    expect((await post('Second.')).status).toBe(303);
    const third = await post('Third, kept when refused.');
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    const html = await third.text();
    expect(html).toMatch(/You have sent this form too many times in a short while\. Wait \d+ seconds? and try again\./);
    expect(html).toContain('Third, kept when refused.</textarea>');

    const ask = () => postRequestForm(limited.url, '/requests/', { email: 'limited@example.com' });
    expect((await ask()).status).toBe(303);
    expect((await ask()).status).toBe(303);
    expect((await ask()).status).toBe(429);
  });
});
