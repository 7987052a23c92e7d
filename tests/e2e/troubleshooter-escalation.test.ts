import { describe, expect, inject, test } from 'vitest';
import { MIN_FILL_MS } from '../../src/server/escalations/spam.ts';
import { expectNoAxeViolations, useBrowser } from '../support/browser.ts';
import { storedRows } from '../support/escalations.ts';
import { choose, openLoginFlow, troubleshooter } from '../support/flow-page.ts';

const session = useBrowser();

describe('escalating from the troubleshooter', () => {
  test('the inline form sends the path walked, and the stored ticket carries it as its transcript', async () => {
    const page = await session.newPage();
    await openLoginFlow(page);
    await choose(page, 'I forgot my password', 'reset-password');
    await choose(page, "The reset email didn't arrive", 'check-spam');
    await choose(page, "It isn't there either", 'resend-reset');
    await choose(page, 'I sent it again', 'check-again');
    await choose(page, 'Still nothing after 15 minutes', 'escalate-reset');

    const main = page.getByRole('main');
    // The step's topic comes preselected.
    await expect.poll(() => main.getByLabel('Password reset', { exact: true }).isChecked()).toBe(true);
    await expectNoAxeViolations(page);
    const description = `Troubleshooter escalation ${crypto.randomUUID()}`;
    await main.getByLabel('Your name', { exact: true }).fill('Mary Jackson');
    await main.getByLabel('Your email address', { exact: true }).fill('mary@example.com');
    await main.getByLabel('Describe the problem', { exact: true }).fill(description);
    await main.getByLabel('The support team may contact me').check();
    await page.waitForTimeout(MIN_FILL_MS + 200);
    await main.getByRole('button', { name: 'Send to support' }).click();

    const reference = main.locator('.reference');
    await expect.poll(() => reference.textContent(), { timeout: 5000 }).toMatch(/^HC-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // The reader is still on the escalate step, with Back and Start over.
    expect(await troubleshooter(page).startOver.isEnabled()).toBe(true);

    const row = (await storedRows(inject('dataDir'))).escalations.find((e) => e.description === description);
    expect(row?.reference).toBe(await reference.textContent());
    expect(JSON.parse(row!.transcript!)).toEqual({
      flow: 'login',
      steps: [
        { step: 'what-is-wrong', choice: 'reset-password' },
        { step: 'reset-password', choice: 'not-fixed' },
        { step: 'check-spam', choice: 'not-fixed' },
        { step: 'resend-reset', choice: 'not-fixed' },
        { step: 'check-again', choice: 'nothing' },
      ],
    });
    expect(row).toMatchObject({ topic: 'password-reset', status: 'new', contact_email: 'mary@example.com' });
  });
});
