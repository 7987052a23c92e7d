import { describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { MIN_FILL_MS } from '../../src/server/tickets/spam.ts';
import { collectPageErrors, expectNoAxeViolations, useBrowser } from '../support/browser.ts';
import { storedRows } from '../support/support-requests.ts';
import { ACTION_TIMEOUT_MS, expectStep, sendInlineContactForm, walkToResetEscalation } from '../support/flow-page.ts';

const session = useBrowser();
const SENT_URL = /\/contact\/sent\/\?ref=HC-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

/** Every Idempotency-Key the page sends to the API, in order. */
function keysSent(page: Page): string[] {
  const keys: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/escalations')) keys.push(request.headers()['idempotency-key']);
  });
  return keys;
}

/** What a reader sees of a form they already sent: the reference, and no form that would make a second ticket. */
async function expectAlreadySent(page: Page, reference: string): Promise<void> {
  const main = page.getByRole('main');
  await main.getByText('You already sent this form.').waitFor();
  expect(await main.getByRole('link', { name: reference }).getAttribute('href')).toBe(`/contact/sent/?ref=${reference}`);
  expect(await main.getByRole('button', { name: 'Send to support' }).count()).toBe(0);
}

async function expectSentPage(page: Page, reference: string): Promise<void> {
  await page.waitForURL(SENT_URL);
  expect(new URL(page.url()).searchParams.get('ref')).toBe(reference);
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Request sent');
  expect(await page.getByRole('main').locator('.reference').textContent()).toBe(reference);
}

describe('the sent state has its own address', () => {
  test('contact form with JavaScript: /contact/sent/?ref=…, kept through reload, Back and Forward; a new request only on purpose', async () => {
    const page = await session.newPage();
    page.setDefaultTimeout(ACTION_TIMEOUT_MS);
    const errors = collectPageErrors(page);
    const keys = keysSent(page);
    const main = page.getByRole('main');
    await page.goto('/contact/');
    await main.getByRole('button', { name: 'Add another address' }).waitFor(); // hydrated
    const description = `Sent state e2e ${crypto.randomUUID()}`;
    await main.getByLabel('Your email address').fill('valerie@example.com');
    await main.getByLabel('Password reset').check();
    await main.getByLabel('Describe the problem').fill(description);
    await main.getByLabel('The support team may contact me').check();
    await page.waitForTimeout(MIN_FILL_MS + 200);
    await main.getByRole('button', { name: 'Send to support' }).click();

    await page.waitForURL(SENT_URL);
    const reference = new URL(page.url()).searchParams.get('ref')!;
    await expectSentPage(page, reference);
    await page.reload();
    await expectSentPage(page, reference);

    await page.goBack();
    await page.waitForURL('**/contact/');
    await expectAlreadySent(page, reference);
    await expectNoAxeViolations(page);
    await page.goForward();
    await expectSentPage(page, reference);

    expect(errors).toEqual([]);

    // Sending another request is a choice: an empty form under a new key (sent empty here, so the server refuses it).
    await page.goBack();
    await expectAlreadySent(page, reference);
    await main.getByRole('button', { name: 'Send another request' }).click();
    expect(await main.getByLabel('Describe the problem').inputValue()).toBe('');
    // Focus moves in an effect after the form renders again: wait for it, as a screen reader user would.
    await page.waitForFunction(() => document.activeElement?.id === 'contact-name');
    await main.getByRole('button', { name: 'Send to support' }).click();
    await main.locator('.error-summary').waitFor();
    expect(keys).toHaveLength(2);
    expect(keys[1]).not.toBe(keys[0]);

    const rows = (await storedRows(inject('dataDir'))).tickets.filter((e) => e.description === description);
    expect(rows.map((r) => r.reference)).toEqual([reference]);
  });

  test('troubleshooter: the same address; Back returns to the escalate step, which says the request was sent', async () => {
    const page = await session.newPage();
    const errors = collectPageErrors(page);
    await walkToResetEscalation(page);
    const description = `Sent state troubleshooter e2e ${crypto.randomUUID()}`;
    const reference = await sendInlineContactForm(page, { name: 'Dorothy Vaughan', email: 'dorothy@example.com', description });
    await expectSentPage(page, reference);
    await page.reload();
    await expectSentPage(page, reference);

    await page.goBack();
    await expectStep(page, 'escalate-reset', 'Back from the sent page');
    await expectAlreadySent(page, reference);
    await page.goForward();
    await expectSentPage(page, reference);

    // Walking the same path again in this tab finds the same request, not an empty form.
    await page.goBack();
    await expectStep(page, 'escalate-reset', 'Back again');
    await page.reload();
    await expectStep(page, 'escalate-reset', 'after a reload');
    await expectAlreadySent(page, reference);

    const rows = (await storedRows(inject('dataDir'))).tickets.filter((e) => e.description === description);
    expect(rows.map((r) => r.reference)).toEqual([reference]);
    expect(errors).toEqual([]);
  });
});
