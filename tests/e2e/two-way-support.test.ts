import { describe, expect, test } from 'vitest';
import { STAFF_PASSWORD } from '../../harness/staff.ts';
import { expectNoAxeViolations, useBrowser } from '../support/browser.ts';
import { ACTION_TIMEOUT_MS } from '../support/flow-page.ts';
import { useMailingServer } from '../support/mailing-server.ts';
import { requestLinkIn } from '../support/request-links.ts';
import { MIN_FILL_MS } from '../../src/server/tickets/spam.ts';

const session = useBrowser();
const mail = useMailingServer({ staff: [{ email: 'e2e-replier@example.com', name: 'Rae Plier', role: 'agent' }] });
const { emailsTo } = mail;

describe('two-way support', () => {
  test('a requester sends a request, follows the emailed link, replies without JavaScript; staff reply and resolve; the requester sees it', async () => {
    const requester = await session.newPage({ baseURL: mail.server.url, javaScriptEnabled: false });
    requester.setDefaultTimeout(ACTION_TIMEOUT_MS);
    const address = `e2e-${crypto.randomUUID()}@example.com`;
    await requester.goto('/contact/');
    const form = requester.getByRole('main');
    await form.getByLabel('Your name', { exact: true }).fill('Dorothy Vaughan');
    await form.getByLabel('Your email address', { exact: true }).fill(address);
    await form.getByRole('radio', { name: 'Two-step verification' }).check();
    await form.getByLabel('Describe the problem', { exact: true }).fill('The sign-in codes go to a phone I no longer have.');
    await form.getByLabel('The support team may contact me').check();
    await requester.waitForTimeout(MIN_FILL_MS + 200);
    await form.getByRole('button', { name: 'Send to support' }).click();
    await requester.waitForURL(/\/contact\/sent\/\?ref=HC-/);
    const reference = new URL(requester.url()).searchParams.get('ref')!;

    // The confirmation's link opens the request's page.
    await expect.poll(() => emailsTo(address).length, { timeout: 15_000 }).toBe(1);
    const link = requestLinkIn(emailsTo(address)[0]);
    await requester.goto(link);
    expect(await requester.getByRole('heading', { level: 1 }).innerText()).toBe(`Request ${reference}`);
    expect(await requester.getByText('Received: waiting for our support team').isVisible()).toBe(true);
    // axe runs as a script: checked in a browser with JavaScript on.
    const checked = await session.newPage({ baseURL: mail.server.url });
    await checked.goto(link);
    await expectNoAxeViolations(checked);

    // A reply without JavaScript: a plain form post, back to the page with a notice.
    await requester.getByLabel('Your message').fill('I also changed my email address last week.');
    await requester.getByRole('button', { name: 'Send message' }).click();
    await requester.waitForURL(/done=message/);
    expect(await requester.getByRole('status').innerText()).toContain('Your message was sent.');
    expect(await requester.getByText('I also changed my email address last week.').isVisible()).toBe(true);

    // Staff see the message, reply and resolve in one go.
    const staff = await session.newPage({ baseURL: mail.server.url });
    staff.setDefaultTimeout(ACTION_TIMEOUT_MS);
    await staff.goto('/staff/login');
    await staff.getByRole('main').getByLabel('Email address', { exact: true }).fill('e2e-replier@example.com');
    await staff.getByRole('main').getByLabel('Password', { exact: true }).fill(STAFF_PASSWORD);
    await staff.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
    await staff.waitForURL(/\/staff\/$/);
    await staff.goto(`/staff/?q=${reference}`);
    expect(
      await staff
        .getByRole('row', { name: new RegExp(reference) })
        .getByText('New message')
        .isVisible(),
    ).toBe(true);
    await staff.getByRole('link', { name: reference }).click();
    expect(await staff.getByText('I also changed my email address last week.').isVisible()).toBe(true);
    await staff.getByLabel('Public reply').fill('We moved your codes to your new phone. You can sign in again.');
    await staff.getByRole('radio', { name: 'Set it to Resolved' }).check();
    await staff.getByRole('button', { name: 'Send reply' }).click();
    await staff.waitForURL(/done=replied/);
    await expectNoAxeViolations(staff);

    // The requester gets the reply by email, and the page says Resolved.
    await expect.poll(() => emailsTo(address).length, { timeout: 15_000 }).toBe(2);
    const reply = emailsTo(address)[1];
    expect(reply.text).toContain('We moved your codes to your new phone.');
    await requester.goto(requestLinkIn(reply));
    expect(await requester.getByText('Resolved', { exact: true }).isVisible()).toBe(true);
    expect(await requester.getByText('We moved your codes to your new phone. You can sign in again.').isVisible()).toBe(true);
    expect(await requester.getByRole('button', { name: 'It is still not fixed' }).isVisible()).toBe(true);
  });
});
