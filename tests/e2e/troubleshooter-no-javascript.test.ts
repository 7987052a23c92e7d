import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from '../support/browser.ts';
import { ACTION_TIMEOUT_MS, LOGIN_PATH, stepTitle } from '../support/flow-page.ts';

const session = useBrowser();

/** The section a no-JavaScript reader is looking at: the one the URL's hash targets. */
function targetedStep(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('section:target')?.id ?? null);
}

/** Follows a choice link inside step `from`'s section and checks that the URL and `:target` move to `to`. */
async function follow(page: Page, from: string, label: string, to: string): Promise<void> {
  await page
    .getByRole('region', { name: stepTitle(from) })
    .getByRole('link', { name: label, exact: true })
    .click();
  await page.waitForURL(`**${LOGIN_PATH}#${to}`);
  expect(new URL(page.url()).hash, `after "${label}"`).toBe(`#${to}`);
  expect(await targetedStep(page), `:target after "${label}"`).toBe(to);
  expect(
    await page
      .getByRole('region', { name: stepTitle(to) })
      .getByRole('heading', { level: 2 })
      .isVisible(),
  ).toBe(true);
}

describe('troubleshooter: without JavaScript', () => {
  test('links lead from the first question to "You\'re back in" at #resolved', async () => {
    const page = await session.newPage({ javaScriptEnabled: false });
    page.setDefaultTimeout(ACTION_TIMEOUT_MS);
    await page.goto(LOGIN_PATH);
    expect(await page.getByRole('region', { name: stepTitle('what-is-wrong') }).isVisible()).toBe(true);

    await follow(page, 'what-is-wrong', "I'm not sure which email address I signed up with", 'find-email');
    await follow(page, 'find-email', 'Found it, I can sign in now', 'resolved');
    expect(await page.locator('section:target').getByRole('heading', { level: 2 }).innerText()).toBe("You're back in");
  });

  test('links lead through the reset-email loop to "We\'ll reset it with you" and its Contact support link', async () => {
    // Reduced motion turns off the page's smooth scrolling, which otherwise makes each of these clicks wait for it.
    const page = await session.newPage({ javaScriptEnabled: false, reducedMotion: 'reduce' });
    page.setDefaultTimeout(ACTION_TIMEOUT_MS);
    await page.goto(LOGIN_PATH);

    await follow(page, 'what-is-wrong', 'I forgot my password', 'reset-password');
    await follow(page, 'reset-password', "The reset email didn't arrive", 'check-spam');
    await follow(page, 'check-spam', "It isn't there either", 'resend-reset');
    await follow(page, 'resend-reset', 'I sent it again', 'check-again');
    await follow(page, 'check-again', "Not yet, I'll check my other folders again", 'check-spam');
    await follow(page, 'check-spam', "It isn't there either", 'resend-reset');
    await follow(page, 'resend-reset', 'I sent it again', 'check-again');
    await follow(page, 'check-again', 'Still nothing after 15 minutes', 'escalate-reset');

    const contact = page.locator('section:target').getByRole('link', { name: 'Contact support' });
    expect(await contact.getAttribute('href')).toBe('/contact/?topic=password-reset');
  });
});
