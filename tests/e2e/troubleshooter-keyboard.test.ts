import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { collectPageErrors, useBrowser } from '../support/browser.ts';
import { expectStep, openLoginFlow, stepTitle, tabTo, troubleshooter } from '../support/flow-page.ts';
import { hasFocus } from '../support/site.ts';

const session = useBrowser();

/** Tabs to a choice, presses `key` on it, and checks focus and the announcement at the step it leads to. */
async function pressChoice(page: Page, label: string, key: 'Enter' | 'Enter', next: string, stepNumber: number, maxTabs = 8) {
  const flow = troubleshooter(page);
  await tabTo(page, flow.choice(label), maxTabs);
  await page.keyboard.press(key);
  await expectStep(page, next, `after pressing ${key} on "${label}"`);
  await expect.poll(() => hasFocus(flow.heading), { message: `focus on the heading of "${next}"` }).toBe(true);
  await expect
    .poll(() => flow.liveRegion.textContent(), { message: `announcement of "${next}"` })
    .toBe(`Step ${stepNumber}: ${stepTitle(next)}`);
}

describe('troubleshooter: keyboard only', () => {
  test('Tab and Enter lead from page load to "You\'re back in", focus and announcement following each step', async () => {
    const page = await session.newPage();
    const errors = collectPageErrors(page);
    await openLoginFlow(page);
    expect(await troubleshooter(page).liveRegion.getAttribute('aria-live')).toBe('polite');

    await pressChoice(page, "I'm not sure which email address I signed up with", 'Enter', 'find-email', 2, 30);
    await pressChoice(page, 'Found it, I can sign in now', 'Enter', 'resolved', 3);
    expect(new URL(page.url()).hash).toBe('#resolved');
    expect(errors).toEqual([]);
  });

  test('Tab and Enter lead from page load to "We\'ll reset it with you" and into its form', async () => {
    const page = await session.newPage();
    const errors = collectPageErrors(page);
    await openLoginFlow(page);

    await pressChoice(page, 'I forgot my password', 'Enter', 'reset-password', 2, 30);
    await pressChoice(page, "The reset email didn't arrive", 'Enter', 'check-spam', 3);
    await pressChoice(page, "It isn't there either", 'Enter', 'resend-reset', 4);
    await pressChoice(page, 'I sent it again', 'Enter', 'check-again', 5);
    await pressChoice(page, 'Still nothing after 15 minutes', 'Enter', 'escalate-reset', 6);

    const name = page.getByRole('main').getByLabel('Your name', { exact: true });
    await tabTo(page, name, 3);
    await page.keyboard.type('Kay');
    expect(await name.inputValue()).toBe('Kay');
    expect(errors).toEqual([]);
  });
});
