import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { collectPageErrors, expectNoAxeViolations, useBrowser } from '../support/browser.ts';
import {
  LOGIN_START,
  sendInlineContactForm,
  stepTitle,
  walkToResetEscalation,
  WALK_TO_RESET_ESCALATION,
  ACTION_TIMEOUT_MS,
} from '../support/flow-page.ts';
import { createStaff, STAFF_PASSWORD } from '../../harness/staff.ts';

const session = useBrowser();
const AGENT = { email: 'e2e-agent@example.com', name: 'Evelyn Agent', role: 'agent' } as const;
const ADMIN = { email: 'e2e-admin@example.com', name: 'Ada Admin', role: 'admin' } as const;

beforeAll(async () => {
  await createStaff(inject('dataDir'), AGENT);
  await createStaff(inject('dataDir'), ADMIN);
});

async function signInAs(page: Page, email: string, password: string): Promise<void> {
  const main = page.getByRole('main');
  await main.getByLabel('Email address', { exact: true }).fill(email);
  await main.getByLabel('Password', { exact: true }).fill(password);
  await main.getByRole('button', { name: 'Sign in' }).click();
}

describe('staff console', () => {
  test('an agent finds a ticket sent from the troubleshooter, reads its path, resolves it, adds a note and signs out', async () => {
    // A requester walks the troubleshooter and sends the inline form.
    const requester = await session.newPage();
    await walkToResetEscalation(requester);
    const description = `Staff console e2e ${crypto.randomUUID()}`;
    const reference = await sendInlineContactForm(requester, { name: 'Katherine Johnson', email: 'katherine@example.com', description });

    const page = await session.newPage();
    page.setDefaultTimeout(ACTION_TIMEOUT_MS);
    const errors = collectPageErrors(page);
    const main = page.getByRole('main');

    // Staff pages send people to sign in first, and back afterwards.
    await page.goto('/staff/');
    await page.waitForURL('**/staff/login?next=%2Fstaff%2F');
    await expectNoAxeViolations(page);

    // A wrong password: the GOV.UK error summary, focused, linking to the field.
    await signInAs(page, AGENT.email, 'not the right password');
    await expect.poll(() => page.title()).toMatch(/^Error: Sign in/);
    const summary = page.locator('.error-summary');
    await expect.poll(() => summary.evaluate((element) => element === document.activeElement)).toBe(true);
    await expectNoAxeViolations(page);
    await summary.getByRole('link').click();
    await expect
      .poll(() => main.getByLabel('Email address', { exact: true }).evaluate((element) => element === document.activeElement))
      .toBe(true);

    await signInAs(page, AGENT.email, STAFF_PASSWORD);
    // (The browser keeps the #email the summary link added across the redirect.)
    await page.waitForURL(/\/staff\/(#email)?$/);
    await expect.poll(() => main.getByRole('heading', { level: 1 }).textContent()).toBe('Tickets');
    await expectNoAxeViolations(page);

    // The inbox lists it, newest first; the search finds it by its contact address.
    const row = main.getByRole('row').filter({ hasText: reference });
    expect(await row.getByText('katherine@example.com').count()).toBe(1);
    await main.getByLabel('Reference, email address or words').fill('KATHERINE@example.com');
    await main.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL('**/staff/?q=KATHERINE%40example.com');
    await main.getByRole('link', { name: reference }).click();
    await page.waitForURL(`**/staff/tickets/${reference}`);
    await expectNoAxeViolations(page);

    // The transcript, as the requester saw it: each step's title and the choice made there.
    const steps = await main.locator('.steps-list > li').allInnerTexts();
    const walked = [LOGIN_START, ...WALK_TO_RESET_ESCALATION.map(([, next]) => next)];
    expect(steps.map((text) => text.replace(/\s+/g, ' ').trim())).toEqual(
      WALK_TO_RESET_ESCALATION.map(([label], i) => `${stepTitle(walked[i])} Chose: ${label}`),
    );
    expect(await main.getByText(`It ended at “${stepTitle('escalate-reset')}”.`).count()).toBe(1);
    expect(await main.getByText(description).count()).toBe(1);

    // Resolve it.
    await main.getByLabel('Resolved', { exact: true }).check();
    await main.getByRole('button', { name: 'Change status' }).click();
    await page.waitForURL(`**/staff/tickets/${reference}?done=status`);
    expect(await main.getByRole('status').innerText()).toBe('Status changed.');
    expect(await main.getByLabel('Resolved', { exact: true }).isChecked()).toBe(true);

    // A note: an empty one is refused with the error summary, a real one is kept.
    await main.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(() => page.title()).toMatch(/^Error: Ticket/);
    expect(await page.locator('.error-summary').innerText()).toContain('Enter the note');
    await expectNoAxeViolations(page);
    await main.getByLabel('Add an internal note').fill('Sent a fresh reset link by phone.');
    await main.getByRole('button', { name: 'Add note' }).click();
    await page.waitForURL(`**/staff/tickets/${reference}?done=note`);
    expect(await main.getByText('Sent a fresh reset link by phone.').count()).toBe(1);
    const trail = await main.locator('ol.trail > li').allInnerTexts();
    expect(trail.map((entry) => entry.replace(/^.*UTC: /, ''))).toEqual([
      `${AGENT.name} changed the status from New to Resolved`,
      `${AGENT.name} added an internal note`,
    ]);
    await expectNoAxeViolations(page);

    // The inbox shows the new status.
    await page.goto('/staff/?status=resolved');
    expect(await main.getByRole('row').filter({ hasText: reference }).getByText('Resolved').count()).toBe(1);

    // Sign out: the console is closed to this browser again.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/staff/login?done=signed-out');
    expect(await main.getByRole('status').innerText()).toBe('You are signed out.');
    await page.goto(`/staff/tickets/${reference}`);
    await page.waitForURL('**/staff/login?next=*');
    expect(await page.content()).not.toContain(description);

    // The 401 and 422 of the refused forms show up as failed loads; scripts and policies must not complain.
    expect(errors.filter((e) => !/status of (401|422)/.test(e))).toEqual([]);
  });

  test('staff pages look right in dark mode too (axe)', async () => {
    const page = await session.newPage({ colorScheme: 'dark' });
    await page.goto('/staff/login');
    await expectNoAxeViolations(page);
    await signInAs(page, AGENT.email, STAFF_PASSWORD);
    await page.waitForURL('**/staff/');
    await expectNoAxeViolations(page);
  });

  test('admin pages: accounts and personal data (axe, and an agent is turned away)', async () => {
    const page = await session.newPage();
    await page.goto('/staff/login');
    await signInAs(page, ADMIN.email, STAFF_PASSWORD);
    await page.waitForURL('**/staff/');
    const nav = page.getByRole('navigation', { name: 'Staff' });
    await nav.getByText('Admin', { exact: true }).click();
    await nav.getByRole('link', { name: 'Staff accounts' }).click();
    await page.waitForURL('**/staff/admin/accounts');
    expect(await page.getByRole('main').getByRole('link', { name: AGENT.name }).count()).toBe(1);
    await expectNoAxeViolations(page);
    await page.getByRole('main').getByRole('button', { name: 'Add account' }).click();
    await expect.poll(() => page.title()).toMatch(/^Error: Staff accounts/);
    await expectNoAxeViolations(page);
    await page.goto('/staff/admin/personal-data');
    await page.getByRole('main').getByLabel('Requester’s email address').fill('katherine@example.com');
    await page.getByRole('main').getByRole('button', { name: 'Find' }).click();
    await expect.poll(() => page.getByRole('main').getByRole('heading', { level: 2 }).first().textContent()).toMatch(/ticket/);
    await expectNoAxeViolations(page);

    const agent = await session.newPage();
    await agent.goto('/staff/login');
    await signInAs(agent, AGENT.email, STAFF_PASSWORD);
    await agent.waitForURL('**/staff/');
    expect(await agent.getByRole('navigation', { name: 'Staff' }).getByRole('link', { name: 'Staff accounts' }).count()).toBe(0);
    const response = await agent.goto('/staff/admin/accounts');
    expect(response?.status()).toBe(403);
    await expectNoAxeViolations(agent);
  });
});
