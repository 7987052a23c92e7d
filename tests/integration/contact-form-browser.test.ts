import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MIN_FILL_MS } from '../../src/server/tickets/spam.ts';
import { storedRows } from '../support/support-requests.ts';
import { expectNoAxeViolations } from '../support/browser.ts';
import { launchBrowser } from '../../harness/chromium.ts';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function fillValidForm(page: Page, description: string): Promise<void> {
  await page.getByLabel('Your name').fill('Katherine Johnson');
  await page.getByLabel('Your email address').fill('katherine@example.com');
  await page.getByLabel('Address 1').fill('kj@nasa.example');
  await page.getByLabel('Password reset').check();
  await page.getByLabel('Describe the problem').fill(description);
  await page.getByLabel('The support team may contact me').check();
}

/** People take a few seconds to fill the form; the server flags anything faster as automated. */
const pauseLikeAPerson = (page: Page) => page.waitForTimeout(MIN_FILL_MS + 200);

describe('contact form with JavaScript disabled', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext({ javaScriptEnabled: false });
  });
  afterAll(() => context.close());

  it('submits as a plain form and shows the reference on the confirmation page', async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/contact/`);
    const description = `No-JS browser test ${crypto.randomUUID()}`;
    await fillValidForm(page, description);
    await pauseLikeAPerson(page);
    await page.getByRole('button', { name: 'Send to support' }).click();
    await page.waitForURL(/\/contact\/sent\/\?ref=HC-/);
    const reference = new URL(page.url()).searchParams.get('ref')!;
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Request sent');
    expect(await page.locator('.reference').textContent()).toBe(reference);
    const row = (await storedRows(dataDir)).tickets.find((e) => e.description === description);
    expect(row).toMatchObject({
      reference,
      status: 'new',
      topic: 'password-reset',
      account_emails: '["kj@nasa.example"]',
      browser: 'chrome',
      os: 'linux',
    });
  });

  it('shows errors after an empty submission, keeping what was typed', async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/contact/`);
    await page.getByLabel('Your name').fill('Dorothy');
    await page.getByRole('button', { name: 'Send to support' }).click();
    await page.waitForLoadState();
    expect(await page.title()).toMatch(/^Error: Contact support/);
    expect(await page.locator('.error-summary li').allTextContents()).toEqual([
      'Enter your email address',
      'Select what your request is about',
      'Enter a description of the problem',
      'Confirm that we may contact you about this request',
    ]);
    expect(await page.getByLabel('Your name').inputValue()).toBe('Dorothy');
    // Each error is announced with its field.
    expect(await page.getByLabel('Your email address').getAttribute('aria-describedby')).toBe('contact-email-hint contact-email-error');
    // Focused on load (autofocus), so a screen reader starts with the list of problems.
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
  });

  it('passes axe on the server-rendered error page', async () => {
    // axe needs JavaScript to run, so this page keeps it on but loads none of ours: the form stays plain.
    const scriptless = await browser.newContext();
    const page = await scriptless.newPage();
    await page.route('**/_astro/*.js', (route) => route.abort());
    await page.goto(`${baseUrl}/contact/`);
    await page.getByRole('button', { name: 'Send to support' }).click();
    await page.locator('.error-summary').waitFor();
    expect(page.url()).toBe(`${baseUrl}/contact/`);
    expect(await page.title()).toMatch(/^Error:/);
    await expectNoAxeViolations(page);
    await scriptless.close();
  });
});

describe('contact form with JavaScript (the island)', () => {
  let context: BrowserContext;
  const cspErrors: string[] = [];
  beforeAll(async () => {
    context = await browser.newContext();
  });
  afterAll(() => context.close());

  async function openForm(): Promise<Page> {
    const page = await context.newPage();
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) cspErrors.push(message.text());
    });
    await page.goto(`${baseUrl}/contact/`);
    // Astro drops the island's ssr attribute when it hydrates, but the form only switches to one address box
    // (and offers to add more) in an effect after that: wait for the switch, not the attribute.
    await page.getByRole('button', { name: 'Add another address' }).waitFor();
    return page;
  }

  it('shows field errors in place without leaving the page, focusing the summary', async () => {
    const page = await openForm();
    await page.getByRole('button', { name: 'Send to support' }).click();
    await page.locator('.error-summary').waitFor();
    expect(page.url()).toBe(`${baseUrl}/contact/`);
    // Title and focus follow in effects, which Preact runs after the errors are painted.
    await expect.poll(() => page.title()).toMatch(/^Error: Contact support/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    expect(await page.locator('#contact-email-error').textContent()).toContain('Enter your email address');
    await page.getByRole('link', { name: 'Enter a description of the problem' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contact-description');
    await expectNoAxeViolations(page);
    expect(cspErrors).toEqual([]);
  });

  it('sends JSON with an Idempotency-Key, keeps input when the network fails, and retries with the same key', async () => {
    const page = await openForm();
    const keys: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/escalations')) {
        expect(request.headers()['content-type']).toBe('application/json');
        keys.push(request.headers()['idempotency-key']);
      }
    });

    const description = `Island browser test ${crypto.randomUUID()}`;
    await fillValidForm(page, description);
    await pauseLikeAPerson(page);
    await page.route('**/api/escalations', (route) => route.abort('internetdisconnected'));
    await page.getByRole('button', { name: 'Send to support' }).click();
    await page.getByText('We could not reach the help center').waitFor();
    expect(await page.getByLabel('Describe the problem').inputValue()).toBe(description);

    await page.unroute('**/api/escalations');
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.waitForURL(/\/contact\/sent\/\?ref=HC-/);
    const reference = new URL(page.url()).searchParams.get('ref');
    expect(await page.locator('.reference').textContent()).toBe(reference);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    const rows = (await storedRows(dataDir)).tickets.filter((e) => e.description === description);
    expect(rows).toMatchObject([{ reference, status: 'new' }]);
    expect(cspErrors).toEqual([]);
  });

  it('adds address boxes one at a time, up to five', async () => {
    const page = await openForm();
    expect(await page.locator('input[name="accountEmails"]').count()).toBe(1);
    for (let i = 2; i <= 5; i++) {
      await page.getByRole('button', { name: 'Add another address' }).click();
      await page.waitForFunction((id) => document.activeElement?.id === id, `contact-accountEmails-${i - 1}`);
    }
    expect(await page.locator('input[name="accountEmails"]').count()).toBe(5);
    expect(await page.getByRole('button', { name: 'Add another address' }).count()).toBe(0);
  });
});
