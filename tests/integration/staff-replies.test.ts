import { beforeAll, describe, expect, it } from 'vitest';
import { createStaff, getAs, postForm, signIn, STAFF_PASSWORD } from '../../harness/staff.ts';
import { useMailingServer } from '../support/mailing-server.ts';
import { postJson, validSupportRequest } from '../support/support-requests.ts';
import { postRequestForm, requestLinkIn } from '../support/request-links.ts';

const mail = useMailingServer({
  staff: [
    { email: 'agent@example.com', name: 'Grace Agent', role: 'agent' },
    { email: 'other@example.com', name: 'Otto Other', role: 'agent' },
    { email: 'boss@example.com', name: 'Ada Admin', role: 'admin' },
  ],
});
const emailsMatching = mail.waitForEmails;
let cookie: string;
beforeAll(async () => {
  cookie = await signIn(mail.server.url, 'agent@example.com');
});

async function request(overrides: Record<string, unknown> = {}) {
  const email = `requester-${crypto.randomUUID()}@example.com`;
  const response = await postJson(mail.server.url, validSupportRequest({ email, ...overrides }));
  const { reference } = (await response.json()) as { reference: string };
  const [confirmation] = await emailsMatching((e) => e.to.includes(email));
  return { reference, email, confirmation, link: requestLinkIn(confirmation) };
}

const ticketPage = async (reference: string, as = cookie) => (await getAs(mail.server.url, `/staff/tickets/${reference}`, as)).text();
const act = (reference: string, fields: Record<string, string>, as = cookie) =>
  postForm(mail.server.url, `/staff/tickets/${reference}`, as, fields);

describe('a staff reply', () => {
  it('is emailed to the requester in the confirmation’s thread, under the same subject, and shows on their page', async () => {
    const { reference, email, confirmation, link } = await request();
    const note = `Internal: the requester's account ${crypto.randomUUID()} looks hijacked.`;
    expect((await act(reference, { action: 'note', note })).status).toBe(303);
    const reply = await act(reference, {
      action: 'reply',
      reply: 'We reset your two-step settings. Try signing in now.',
      replyStatus: 'waiting',
    });
    expect([reply.status, reply.headers.get('location')]).toEqual([303, `/staff/tickets/${reference}?done=replied`]);

    const [, answer] = await emailsMatching((e) => e.to.includes(email), 2);
    expect(answer.subject).toBe(confirmation.subject);
    expect(answer.inReplyTo).toBe(confirmation.messageId);
    expect(answer.references).toEqual([confirmation.messageId]);
    expect(answer.messageId).not.toBe(confirmation.messageId);
    expect(answer.text).toContain('Grace Agent replied to your request');
    expect(answer.text).toContain('We reset your two-step settings. Try signing in now.');
    expect(answer.text).toContain('To answer, reply on your request’s page.');
    // Its own link, with a fresh key, opens the same page.
    const page = await (await fetch(new URL(requestLinkIn(answer), mail.server.url))).text();
    expect(page).toContain('We reset your two-step settings.');
    expect(page).toContain('Grace Agent, support team');
    expect(page).toContain('Waiting for your answer');
    expect(requestLinkIn(answer)).not.toBe(link);

    // The internal note is on the staff page only.
    expect(await ticketPage(reference)).toContain(note.replaceAll("'", '&#39;'));
    expect(page).not.toContain('Internal:');
    await expect.poll(() => ticketPage(reference)).toMatch(/Email to requester-[^<]*: Sent \d{4}-/);
    expect(mail.smtp.received.filter((e) => e.raw.includes('looks hijacked'))).toEqual([]);
  });

  it('can resolve the ticket: the email says how to open it again, and the page says Resolved', async () => {
    const { reference, email } = await request();
    await act(reference, { action: 'reply', reply: 'Fixed on our side.', replyStatus: 'resolved' });
    const [, resolved] = await emailsMatching((e) => e.to.includes(email), 2);
    expect(resolved.text).toContain('If it is still not fixed, say so on your request’s page and it opens again.');
    const page = await (await fetch(new URL(requestLinkIn(resolved), mail.server.url))).text();
    expect(page).toMatch(/<strong[^>]*>Resolved<\/strong>/);
  });

  it('sends the “resolved” note when only the status is set to resolved, and can be sent again with a new link', async () => {
    const { reference, email } = await request();
    await act(reference, { action: 'status', status: 'resolved' });
    const [, note] = await emailsMatching((e) => e.to.includes(email), 2);
    expect(note.text).toContain(`We have marked your request ${reference} as resolved.`);
    await expect.poll(() => ticketPage(reference)).toMatch(/“Resolved” note to the requester \([^)]*\), <time[^>]*>[^<]*<\/time>: Sent/);
    const html = await ticketPage(reference);
    const id = [...html.matchAll(/name="email" value="([^"]+)"/g)].map((m) => m[1]).at(-1)!;
    expect((await act(reference, { action: 'send-again', email: id })).status).toBe(303);
    const [, , again] = await emailsMatching((e) => e.to.includes(email), 3);
    expect(again.messageId).not.toBe(note.messageId);
    expect(requestLinkIn(again)).not.toBe(requestLinkIn(note));
    expect((await fetch(new URL(requestLinkIn(again), mail.server.url))).status).toBe(200);
  });

  it('names the field when the reply is empty, and keeps what was typed in other fields', async () => {
    const { reference } = await request();
    const response = await act(reference, { action: 'reply', reply: ' ', replyStatus: 'resolved' });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('href="#reply">Enter the reply</a>');
  });
});

describe('staff notices', () => {
  it('go to agents who opted in about new tickets, and to the assignee about requester messages', async () => {
    expect((await postForm(mail.server.url, '/staff/account', cookie, { action: 'notifications', notify: 'yes' })).status).toBe(303);
    const { reference, link } = await request({ description: 'My payout has not arrived for a week now.' });
    const [notice] = await emailsMatching((e) => e.to.includes('agent@example.com') && e.subject.includes(reference));
    expect(notice.subject).toBe(`New ticket ${reference}: Signing in`);
    expect(notice.text).toContain('My payout has not arrived for a week now.');
    expect(notice.text).toContain(`/staff/tickets/${reference}`);

    const other = await createStaffCookie('other@example.com');
    const otherId = [...(await ticketPage(reference)).matchAll(/<option value="([^"]+)"[^>]*>\s*Otto Other/g)][0][1];
    expect((await act(reference, { action: 'assign', assignee: otherId })).status).toBe(303);
    await postRequestForm(mail.server.url, link, { action: 'message', message: 'Any news?', idempotencyKey: crypto.randomUUID() });
    const [message] = await emailsMatching((e) => e.to.includes('other@example.com') && e.subject.includes(reference));
    expect(message.subject).toBe(`New message on ${reference}: Signing in`);
    expect(message.text).toContain('Any news?');
    expect(message.inReplyTo).toBe(notice.messageId);
    expect(await (await getAs(mail.server.url, `/staff/tickets/${reference}`, other)).text()).toContain('Any news?');
    await postForm(mail.server.url, '/staff/account', cookie, { action: 'notifications' });
  });
});

async function createStaffCookie(email: string): Promise<string> {
  return signIn(mail.server.url, email);
}

describe('assignment', () => {
  it('goes to any active agent or to nobody, each change in the audit trail', async () => {
    const { reference } = await request();
    const html = await ticketPage(reference);
    const otto = /<option value="([^"]+)"[^>]*>\s*Otto Other/.exec(html)![1];
    expect((await act(reference, { action: 'assign', assignee: otto })).status).toBe(303);
    expect(await ticketPage(reference)).toMatch(/<dt>Assigned to<\/dt>\s*<dd>Otto Other<\/dd>/);
    expect((await act(reference, { action: 'assign', assignee: '' })).status).toBe(303);
    expect(await ticketPage(reference)).toMatch(/<dt>Assigned to<\/dt>\s*<dd>Nobody<\/dd>/);
    const unknown = await act(reference, { action: 'assign', assignee: 'no-such-agent' });
    expect(unknown.status).toBe(422);
    expect(mail.staff[0].id).not.toBe(otto);
  });
});

describe('building a reply without JavaScript', () => {
  it('inserts a saved reply an admin made, and a link to a help article found by its title', async () => {
    const admin = await signIn(mail.server.url, 'boss@example.com');
    const added = await postForm(mail.server.url, '/staff/admin/saved-replies', admin, {
      action: 'add',
      title: 'Reset two-step',
      body: 'We have reset two-step verification on your account.',
    });
    expect(added.status).toBe(303);
    expect((await getAs(mail.server.url, '/staff/admin/saved-replies', cookie)).status).toBe(403);
    const { reference } = await request();
    const page = await ticketPage(reference);
    const saved = /<option value="([^"]+)">Reset two-step<\/option>/.exec(page)![1];
    const inserted = await act(reference, { action: 'insert-saved', savedReply: saved, reply: 'Hello,' });
    expect(inserted.status).toBe(200);
    expect(await inserted.text()).toMatch(
      /<textarea[^>]*name="reply"[^>]*>Hello,\n\nWe have reset two-step verification on your account\.<\/textarea>/,
    );

    const found = await (await act(reference, { action: 'find-article', articleQuery: 'security question', reply: 'See:' })).text();
    expect(found).toContain('I forgot the answer to my security question');
    const withLink = await (await act(reference, { action: 'insert-article', article: 'security-answer-forgotten', reply: 'See:' })).text();
    expect(withLink).toContain(
      'See:\n\nI forgot the answer to my security question: http://localhost:4321/articles/security-answer-forgotten/</textarea>',
    );
  });
});

describe('your account', () => {
  it('lets staff change their own password with the current one; their other sessions end, this one stays', async () => {
    await createStaff(mail.server.dataDir, { email: 'changer@example.com', name: 'Chang Er', role: 'agent' });
    const here = await signIn(mail.server.url, 'changer@example.com');
    const elsewhere = await signIn(mail.server.url, 'changer@example.com');
    const wrong = await postForm(mail.server.url, '/staff/account', here, {
      action: 'password',
      currentPassword: 'not it',
      password: 'a fresh long passphrase 4 me',
    });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('Your current password is not right');
    const changed = await postForm(mail.server.url, '/staff/account', here, {
      action: 'password',
      currentPassword: STAFF_PASSWORD,
      password: 'a fresh long passphrase 4 me',
    });
    expect(changed.status).toBe(303);
    expect((await getAs(mail.server.url, '/staff/', here)).status).toBe(200);
    expect((await getAs(mail.server.url, '/staff/', elsewhere)).status).toBe(303);
    await signIn(mail.server.url, 'changer@example.com', 'a fresh long passphrase 4 me');
  });
});

describe('the inbox', () => {
  const inbox = async (query: string) => (await getAs(mail.server.url, `/staff/?${query}`, cookie)).text();

  it('finds a ticket by words of its description and of its messages', async () => {
    const word = `zq${crypto.randomUUID().replace(/[^a-f]/g, '')}`;
    const { reference, link } = await request({ description: `The ${word} screen shows my old phone number.` });
    expect(await inbox(`q=${word}`)).toContain(`/staff/tickets/${reference}`);
    const other = `zq${crypto.randomUUID().replace(/[^a-f]/g, '')}`;
    await postRequestForm(mail.server.url, link, {
      action: 'message',
      message: `It also says ${other}.`,
      idempotencyKey: crypto.randomUUID(),
    });
    const found = await inbox(`q=${encodeURIComponent(`${word} ${other}`)}`);
    expect(found).toContain(`/staff/tickets/${reference}`);
    expect((found.match(/\/staff\/tickets\/HC-/g) ?? []).length).toBe(1);
  });

  it('marks a new requester message, lists by last activity, and filters what needs our reply', async () => {
    const { reference: older, link } = await request();
    const { reference: newer } = await request();
    await act(newer, { action: 'reply', reply: 'Answered.' });
    await postRequestForm(mail.server.url, link, { action: 'message', message: 'One more thing.', idempotencyKey: crypto.randomUUID() });
    const byActivity = await inbox('sort=activity');
    const order = [...byActivity.matchAll(/\/staff\/tickets\/(HC-[0-9A-Z-]+)/g)].map((m) => m[1]);
    expect(order.indexOf(older)).toBeLessThan(order.indexOf(newer));
    expect(byActivity).toMatch(new RegExp(`${older}</a>\\s*<br[^>]*>\\s*<span class="new-message"[^>]*>New message</span>`));
    const needs = await inbox('needs=reply');
    expect(needs).toContain(`/staff/tickets/${older}`);
    expect(needs).not.toContain(`/staff/tickets/${newer}`);
    await act(older, { action: 'reply', reply: 'Answered too.' });
    expect(await inbox('needs=reply')).not.toContain(`/staff/tickets/${older}`);
  });
});
