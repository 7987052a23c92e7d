// The staff console's look: the bar fits a laptop, no page scrolls sideways on a phone, table headings stay in
// view, and announcement times are typed and shown in UTC whatever the browser's own time zone.
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { baseUrl, collectPageErrors, expectNoAxeViolations, useBrowser } from '../support/browser.ts';
import { postFeedback } from '../support/insights.ts';
import { KNOWN_ARTICLE } from '../support/site.ts';
import { postJson, validSupportRequest } from '../support/support-requests.ts';
import { signInToStaff } from '../support/staff-page.ts';
import { createStaff } from '../../harness/staff.ts';
import { openServerDatabase } from '../../harness/server-database.ts';
import { listUrgentAnnouncements } from '../../src/server/db/announcements.ts';

const session = useBrowser();
const ADMIN = { email: 'e2e-layout-admin@example.com', name: 'Layla Layout-Administrator', role: 'admin' } as const;
const AGENT = { email: 'e2e-layout-agent@example.com', name: 'Lars Layout', role: 'agent' } as const;
/** Enough tickets that the inbox table is longer than the window. */
const TICKETS = 24;
let reference = '';
let adminId = '';

beforeAll(async () => {
  adminId = (await createStaff(inject('dataDir'), ADMIN)).id;
  await createStaff(inject('dataDir'), AGENT);
  // Tickets as readers send them (one with long unbroken words, as people paste), and a vote for the insights.
  for (let i = 0; i < TICKETS; i++) {
    const response = await postJson(
      baseUrl(),
      validSupportRequest({
        name: i === 0 ? 'Maximilian Alexander Featherstonehaugh-Worthington' : `Layout reader ${i}`,
        email: i === 0 ? 'a.very.long.address.with.many.parts@subdomain.example-company.example' : `layout-${i}@example.com`,
        description: `Layout test ${i}: https://example.com/a/very/long/path/that/never/breaks/${'x'.repeat(60)}`,
      }),
    );
    expect(response.status).toBe(201);
    if (i === 0) reference = ((await response.json()) as { reference: string }).reference;
  }
  await postFeedback(baseUrl(), { article: KNOWN_ARTICLE.slug, helpful: false }, { 'User-Agent': `layout-${crypto.randomUUID()}` });
});

/** Every kind of staff page, with data in it. */
const staffPages = () => [
  '/staff/',
  `/staff/?q=${reference}`,
  `/staff/tickets/${reference}`,
  '/staff/insights',
  '/staff/flows/',
  '/staff/flows/login',
  '/staff/queue',
  '/staff/announcements',
  '/staff/account',
  '/staff/admin/accounts',
  `/staff/admin/accounts/${adminId}`,
  '/staff/admin/personal-data',
  '/staff/admin/saved-replies',
  '/staff/admin/outbox',
];

describe('staff console layout', () => {
  test('at 1280 px the staff menu is one row, with "Sign out" on it', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 800 } });
    await signInToStaff(page, ADMIN.email);
    const nav = page.getByRole('navigation', { name: 'Staff' });
    const items = nav.locator(':scope > ul > li');
    expect(await items.count()).toBeGreaterThanOrEqual(6);
    const tops = await items.evaluateAll((lis) => lis.map((li) => Math.round(li.getBoundingClientRect().top)));
    expect(new Set(tops).size, `rows of the menu at tops ${tops.join(', ')}`).toBe(1);
    const signOut = (await page.getByRole('button', { name: 'Sign out' }).boundingBox())!;
    const first = (await items.first().boundingBox())!;
    const middle = signOut.y + signOut.height / 2;
    expect(middle).toBeGreaterThan(first.y);
    expect(middle).toBeLessThan(first.y + first.height);

    // The admins' pages are one entry away, and keyboard-reachable.
    await nav.getByText('Admin', { exact: true }).click();
    await nav.getByRole('link', { name: 'Staff accounts' }).click();
    await page.waitForURL('**/staff/admin/accounts');
  });

  for (const [viewport, colorScheme] of [
    [{ width: 320, height: 640 }, 'light'],
    [{ width: 1280, height: 800 }, 'dark'],
  ] as const) {
    test(
      `every staff page at ${viewport.width} px (${colorScheme}): no sideways scrolling, nothing the page's policy refuses, axe finds nothing`,
      {
        timeout: 180_000,
      },
      async () => {
        const page = await session.newPage({ viewport, colorScheme });
        const errors = collectPageErrors(page);
        await page.goto('/staff/login');
        expect(await page.evaluate(() => document.documentElement.scrollWidth), '/staff/login').toBeLessThanOrEqual(viewport.width);
        await signInToStaff(page, ADMIN.email);
        for (const path of staffPages()) {
          const response = await page.goto(path);
          expect(response?.status(), path).toBe(200);
          // Soft: one run lists every page that overflows.
          expect
            .soft(await page.evaluate(() => document.documentElement.scrollWidth), `${path} at ${viewport.width} px`)
            .toBeLessThanOrEqual(viewport.width);
          await expectNoAxeViolations(page);
        }
        // The flow diagram's own stylesheet included: refused, its boxes would be drawn solid black.
        expect(errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
      },
    );
  }

  test('the inbox table’s column headings stay in view when the table is scrolled', async () => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 320, height: 640 },
    ]) {
      const page = await session.newPage({ viewport });
      await signInToStaff(page, AGENT.email);
      const main = page.getByRole('main');
      const rows = main.getByRole('row');
      expect(await rows.count()).toBeGreaterThan(TICKETS);
      await rows.last().scrollIntoViewIfNeeded();
      const heading = main.getByRole('columnheader', { name: 'Reference' });
      const shown = await heading.evaluate((th) => {
        const box = th.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + 5, box.top + box.height / 2);
        return box.top >= 0 && box.bottom <= window.innerHeight && hit !== null && th.contains(hit);
      });
      expect(shown, `the heading is on screen and on top at ${viewport.width} px`).toBe(true);
    }
  });

  test('announcement times are typed and shown in UTC, whatever the browser’s time zone; a bad time names its field', async () => {
    const page = await session.newPage({ timezoneId: 'America/Los_Angeles', locale: 'en-US' });
    await signInToStaff(page, AGENT.email);
    await page.goto('/staff/announcements');
    const main = page.getByRole('main');
    const year = new Date().getUTCFullYear() + 1;
    const message = `Planned maintenance ${crypto.randomUUID().slice(0, 8)}`;

    // Plain text boxes, not the browser's date picker with its local format.
    for (const label of ['Start date (UTC)', 'Start time (UTC, 24-hour)', 'End date (UTC)', 'End time (UTC, 24-hour)'])
      expect(await main.getByLabel(label).getAttribute('type'), label).toBe('text');

    // A time that does not exist: refused (4xx), with the error next to the field and in the summary.
    await main.getByLabel('Message', { exact: true }).fill(message);
    await main.getByLabel('Start date (UTC)').fill(`${year}-12-24`);
    await main.getByLabel('Start time (UTC, 24-hour)').fill('25:00');
    const refused = page.waitForResponse((r) => r.request().method() === 'POST');
    await main.getByRole('button', { name: 'Publish announcement' }).click();
    expect((await refused).status()).toBe(422);
    await expect.poll(() => page.title()).toMatch(/^Error: Announcements/);
    const problem = 'Enter the start time as hours and minutes, 24-hour (UTC), like 18:00';
    expect(await page.locator('.error-summary').innerText()).toContain(problem);
    const startTime = main.getByLabel('Start time (UTC, 24-hour)');
    expect(await startTime.inputValue()).toBe('25:00');
    const described = (await startTime.getAttribute('aria-describedby'))!.split(' ');
    const said = await Promise.all(described.map((id) => page.locator(`#${id}`).innerText()));
    expect(said.join(' ')).toContain(problem);
    await expectNoAxeViolations(page);

    // Fixed: stored and shown as exactly the UTC times typed.
    await startTime.fill('18:00');
    await main.getByLabel('End date (UTC)').fill(`${year}-12-25`);
    await main.getByLabel('End time (UTC, 24-hour)').fill('06:30');
    await main.getByRole('button', { name: 'Publish announcement' }).click();
    await page.waitForURL('**/staff/announcements?done=published');
    const row = main.getByRole('region', { name: 'Published from the staff console' }).getByRole('row').filter({ hasText: message });
    expect(await row.innerText()).toContain(`${year}-12-24 18:00 UTC – ${year}-12-25 06:30 UTC`);
    const db = openServerDatabase(inject('dataDir'));
    try {
      const stored = (await listUrgentAnnouncements(db)).find((a) => a.message === message);
      expect(stored).toMatchObject({ start: `${year}-12-24T18:00:00.000Z`, end: `${year}-12-25T06:30:00.000Z` });
    } finally {
      await db.destroy();
    }

    // Edited: the boxes hold the same UTC date and time.
    await row.getByRole('link', { name: /^Edit/ }).click();
    expect(await main.getByLabel('Start date (UTC)').inputValue()).toBe(`${year}-12-24`);
    expect(await main.getByLabel('Start time (UTC, 24-hour)').inputValue()).toBe('18:00');
    expect(await main.getByLabel('End time (UTC, 24-hour)').inputValue()).toBe('06:30');
    await page.goto('/staff/announcements');
    await main
      .getByRole('row')
      .filter({ hasText: message })
      .getByRole('button', { name: /^End now/ })
      .click();
    await page.waitForURL('**/staff/announcements?done=ended');
  });
});
