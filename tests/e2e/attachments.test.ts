import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { STAFF_PASSWORD } from '../../harness/staff.ts';
import { MIN_FILL_MS } from '../../src/server/tickets/spam.ts';
import { useBrowser } from '../support/browser.ts';
import { HTML_PAGE, PNG } from '../support/files.ts';
import { ACTION_TIMEOUT_MS } from '../support/flow-page.ts';
import { useMailingServer } from '../support/mailing-server.ts';
import { requestLinkIn } from '../support/request-links.ts';

const session = useBrowser();
const mail = useMailingServer({ staff: [{ email: 'e2e-files@example.com', name: 'Fay Files', role: 'agent' }] });
const { emailsTo } = mail;

/** The contact form filled in as a person would, with one file chosen; in a page with or without JavaScript. */
async function fillContactForm(javaScriptEnabled: boolean, address: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  const page = await session.newPage({ baseURL: mail.server.url, javaScriptEnabled });
  page.setDefaultTimeout(ACTION_TIMEOUT_MS);
  await page.goto('/contact/');
  const form = page.getByRole('main');
  if (javaScriptEnabled) await form.getByRole('button', { name: 'Add another address' }).waitFor(); // hydrated
  await form.getByLabel('Your name', { exact: true }).fill('Katherine Johnson');
  await form.getByLabel('Your email address', { exact: true }).fill(address);
  await form.getByRole('radio', { name: 'Payments' }).check();
  await form.getByLabel('Describe the problem', { exact: true }).fill('Paying an invoice fails with the error on the screenshot.');
  await form.getByLabel('Screenshots or files', { exact: true }).setInputFiles(file);
  await form.getByLabel('The support team may contact me').check();
  await page.waitForTimeout(MIN_FILL_MS + 200);
  await form.getByRole('button', { name: 'Send to support' }).click();
  return page;
}

async function signInStaff(): Promise<Page> {
  const staff = await session.newPage({ baseURL: mail.server.url, acceptDownloads: true });
  staff.setDefaultTimeout(ACTION_TIMEOUT_MS);
  await staff.goto('/staff/login');
  await staff.getByRole('main').getByLabel('Email address', { exact: true }).fill('e2e-files@example.com');
  await staff.getByRole('main').getByLabel('Password', { exact: true }).fill(STAFF_PASSWORD);
  await staff.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await staff.waitForURL(/\/staff\/$/);
  return staff;
}

describe.each([
  ['without JavaScript', false],
  ['with JavaScript', true],
])('files on a support request, %s', (_, javaScriptEnabled) => {
  test('a screenshot goes with the request; staff download it and the requester sees it on their page', async () => {
    const address = `e2e-file-${crypto.randomUUID()}@example.com`;
    const page = await fillContactForm(javaScriptEnabled, address, {
      name: 'payment-error.png',
      mimeType: 'image/png',
      buffer: Buffer.from(PNG),
    });
    await page.waitForURL(/\/contact\/sent\/\?ref=HC-/);
    const reference = new URL(page.url()).searchParams.get('ref')!;

    const staff = await signInStaff();
    await staff.goto(`/staff/tickets/${reference}`);
    const [download] = await Promise.all([staff.waitForEvent('download'), staff.getByRole('link', { name: 'payment-error.png' }).click()]);
    expect(download.suggestedFilename()).toBe('payment-error.png');
    expect(new Uint8Array(readFileSync(await download.path()))).toEqual(PNG);

    await expect.poll(() => emailsTo(address).length, { timeout: 15_000 }).toBe(1);
    await page.goto(requestLinkIn(emailsTo(address)[0]));
    expect(await page.getByRole('link', { name: 'payment-error.png' }).isVisible()).toBe(true);
  });

  test('an HTML file named .png is refused with a field error, and the rest of the form is kept', async () => {
    const address = `e2e-html-${crypto.randomUUID()}@example.com`;
    const page = await fillContactForm(javaScriptEnabled, address, {
      name: 'payment-error.png',
      mimeType: 'image/png',
      buffer: Buffer.from(HTML_PAGE),
    });
    const form = page.getByRole('main');
    const error = form.locator('#contact-attachments-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('“payment-error.png” is not a file we accept');
    expect(await form.getByLabel('Your email address', { exact: true }).inputValue()).toBe(address);
    expect(await form.getByLabel('Describe the problem', { exact: true }).inputValue()).toBe(
      'Paying an invoice fails with the error on the screenshot.',
    );
    expect(await form.getByRole('radio', { name: 'Payments' }).isChecked()).toBe(true);
    expect(page.url()).toMatch(/\/contact\/$/);
  });
});
