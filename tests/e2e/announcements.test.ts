import { afterEach, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, useBrowser } from '../support/browser.ts';
import { publishTestAnnouncement } from '../support/announcements.ts';
import { KNOWN_ARTICLE } from '../support/site.ts';

const session = useBrowser();
const dataDir = inject('dataDir');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const end of cleanups.splice(0)) await end();
});

async function publish(fields: Parameters<typeof publishTestAnnouncement>[1]): Promise<string> {
  cleanups.push(await publishTestAnnouncement(dataDir, fields));
  return fields.message;
}

const notices = (page: Page) => page.getByRole('region', { name: 'Notices' });
const DEMO_NOTICE = 'This is a demo help center';
/** The reader's setting for which notices to show: in the footer, where settings are. */
const noticeSettings = (page: Page) => page.getByRole('contentinfo').getByRole('group', { name: 'Notice settings' });

/** From the next document on, adds up its layout shifts (as Cumulative Layout Shift does, input-driven ones excluded). */
async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shifts: number[] = [];
    (window as unknown as { __shifts: number[] }).__shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) shifts.push(entry.value);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

async function layoutShift(page: Page): Promise<number> {
  // Two frames, so a shift in the last one is reported too.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts.reduce((sum, value) => sum + value, 0));
}

describe('announcements', () => {
  test('without JavaScript the notices for everyone are in the page, prerendered or not; Dismiss and the settings are not', async () => {
    for (const path of [KNOWN_ARTICLE.path, '/contact/']) {
      const page = await session.newPage({ javaScriptEnabled: false });
      await page.goto(path);
      expect(await notices(page).getByText(DEMO_NOTICE).isVisible(), path).toBe(true);
      expect(await notices(page).getByRole('button', { name: 'Dismiss this notice' }).count(), path).toBe(0);
      expect(await noticeSettings(page).count(), path).toBe(0);
    }
  });

  test('on a 320 px screen the demo notice takes a small part of the first screen', async () => {
    const page = await session.newPage({ viewport: { width: 320, height: 640 } });
    await page.goto('/');
    const notice = notices(page).getByRole('listitem').filter({ hasText: DEMO_NOTICE });
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect((await notice.boundingBox())!.height).toBeLessThanOrEqual(640 / 5);
  });

  test('the notice setting sits in the footer with a sentence saying what it changes', async () => {
    const page = await session.newPage();
    await page.goto(KNOWN_ARTICLE.path);
    const picker = noticeSettings(page).getByRole('combobox', { name: 'Show notices for' });
    expect(await picker.isVisible()).toBe(true);
    const described = await picker.evaluate((select) =>
      (select.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(described).toMatch(/notices/i);
    expect(await page.getByRole('complementary', { name: 'Notice settings' }).count()).toBe(0);
  });

  test('a staff notice published at run time appears at the foot of the window, and nothing on the page moves', async () => {
    const message = await publish({ message: `Sign-in is slow right now ${crypto.randomUUID()}`, icon: 'warning' });
    const page = await session.newPage();
    await recordLayoutShifts(page);
    await page.goto(KNOWN_ARTICLE.path);
    const item = notices(page).getByRole('listitem').filter({ hasText: message });
    await expect.poll(() => item.isVisible()).toBe(true);
    await page.waitForTimeout(500); // past its entrance
    expect(await layoutShift(page)).toBe(0);

    // The page's own notice stays in the page; the new one sits over the foot of the window…
    expect(await notices(page).getByText(DEMO_NOTICE).isVisible()).toBe(true);
    const viewport = page.viewportSize()!;
    const box = (await item.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    expect(box.y).toBeGreaterThan(viewport.height / 2);
    // …and leaves room to scroll the page's end out from under it.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const footer = (await page.getByRole('contentinfo').boundingBox())!;
    expect(footer.y + footer.height).toBeLessThanOrEqual(box.y + 1);
    await expectNoAxeViolations(page);
  });

  test('a notice dismissed before, and the notice settings, are settled before the page is drawn: nothing moves', async () => {
    const page = await session.newPage();
    await page.goto('/this-page-does-not-exist/'); // a short page: the settings and footer are on screen
    await notices(page).getByRole('listitem').filter({ hasText: DEMO_NOTICE }).getByRole('button', { name: 'Dismiss this notice' }).click();
    await noticeSettings(page).getByLabel('Show notices for').selectOption({ label: 'Clients' });
    await recordLayoutShifts(page);
    await page.reload();
    await page.waitForLoadState('networkidle');
    expect(await page.getByText(DEMO_NOTICE).isVisible()).toBe(false);
    expect(await page.getByLabel('Show notices for').inputValue()).toBe('client');
    expect(await layoutShift(page)).toBe(0);
  });

  test('expired notices, notices for another country and for another user type stay hidden', async () => {
    const soon = Date.now() + 30_000;
    const ending = await publish({ message: `Ends in half a minute ${crypto.randomUUID()}`, end: new Date(soon).toISOString() });
    const ended = await publish({
      message: `Ended a minute ago ${crypto.randomUUID()}`,
      start: new Date(Date.now() - 120_000).toISOString(),
      end: new Date(Date.now() - 60_000).toISOString(),
    });
    const ireland = await publish({ message: `Only in Ireland ${crypto.randomUUID()}`, countries: ['IE'] });
    const clients = await publish({ message: `Only for clients ${crypto.randomUUID()}`, userTypes: ['client'] });
    const page = await session.newPage();
    await page.clock.install({ time: soon - 30_000 });
    await page.addInitScript(() => localStorage.setItem('signpost:userType', 'freelancer'));
    await page.goto(KNOWN_ARTICLE.path);
    await expect.poll(() => notices(page).getByText(ending).isVisible()).toBe(true);
    for (const hidden of [ended, ireland, clients]) expect(await page.getByText(hidden).count(), hidden).toBe(0);

    await page.clock.runFor(31_000);
    await expect.poll(() => page.getByText(ending).count()).toBe(0);
    expect(await notices(page).getByText(DEMO_NOTICE).isVisible()).toBe(true);
  });

  test('a banner scheduled a minute ahead appears once the reader’s clock passes its start, without a reload', async () => {
    const start = Date.now() + 60_000;
    const message = await publish({
      message: `Scheduled maintenance ${crypto.randomUUID()}`,
      icon: 'warning',
      start: new Date(start).toISOString(),
    });
    const page = await session.newPage();
    await page.clock.install({ time: start - 60_000 });
    await page.goto(KNOWN_ARTICLE.path);
    // The demo notice shows, so the script has run; the scheduled one waits for its start.
    await expect.poll(() => notices(page).getByText('This is a demo help center').isVisible()).toBe(true);
    expect(await page.getByText(message).count()).toBe(0);

    await page.clock.runFor(59_000);
    expect(await page.getByText(message).count()).toBe(0);
    await page.clock.runFor(2_000);
    await expect.poll(() => notices(page).getByText(message).isVisible()).toBe(true);
  });

  test('a freelancer-only banner shows until the reader says they are a client, and the choice is remembered', async () => {
    const message = await publish({ message: `Payouts to freelancers are late ${crypto.randomUUID()}`, userTypes: ['freelancer'] });
    const page = await session.newPage();
    await page.goto('/');
    const banner = notices(page).getByText(message);
    await expect.poll(() => banner.isVisible()).toBe(true);
    expect(await notices(page).getByRole('listitem').filter({ hasText: message }).innerText()).toContain('For freelancers.');

    const picker = noticeSettings(page).getByLabel('Show notices for');
    await picker.selectOption({ label: 'Clients' });
    await expect.poll(() => page.getByText(message).count()).toBe(0);
    await page.reload();
    await expect.poll(() => notices(page).getByText('This is a demo help center').isVisible()).toBe(true);
    expect(await page.getByText(message).count()).toBe(0);
    expect(await picker.inputValue()).toBe('client');

    await picker.selectOption({ label: 'Freelancers' });
    await expect.poll(() => banner.isVisible()).toBe(true);
  });

  test('a dismissed banner stays dismissed, and focus moves on instead of being lost', async () => {
    const message = await publish({ message: `Dismiss me ${crypto.randomUUID()}`, icon: 'success' });
    const page = await session.newPage();
    await page.goto('/');
    const item = notices(page).getByRole('listitem').filter({ hasText: message });
    await expect.poll(() => item.isVisible()).toBe(true);
    await item.getByRole('button', { name: 'Dismiss this notice' }).click();
    expect(await page.getByText(message).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toMatch(/^(BUTTON|MAIN)$/);
    await page.reload();
    await expect.poll(() => notices(page).getByText('This is a demo help center').isVisible()).toBe(true);
    expect(await page.getByText(message).count()).toBe(0);
  });

  test('banners do not move when the reader prefers reduced motion', async () => {
    const page = await session.newPage({ reducedMotion: 'reduce' });
    await page.goto('/');
    const item = notices(page).getByRole('listitem').first();
    await expect.poll(() => item.isVisible()).toBe(true);
    expect(await item.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`axe finds no violations on a page with banners (${colorScheme})`, async () => {
      await publish({
        message: `Incident: **sign-in** is slow. See [status](/articles/${KNOWN_ARTICLE.slug}/).`,
        icon: 'warning',
        userTypes: ['client'],
      });
      const page = await session.newPage({ colorScheme });
      await page.goto(KNOWN_ARTICLE.path);
      await expect.poll(() => notices(page).getByRole('listitem').count()).toBeGreaterThanOrEqual(2);
      await expectNoAxeViolations(page);
    });
  }
});
