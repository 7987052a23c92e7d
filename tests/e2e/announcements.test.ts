import { afterEach, describe, expect, inject, test } from 'vitest';
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

const notices = (page: import('playwright-core').Page) => page.getByRole('region', { name: 'Notices' });

describe('announcements', () => {
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

    const picker = page.getByRole('complementary', { name: 'Notice settings' }).getByLabel('Show notices for');
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
