import { describe, expect, inject, test } from 'vitest';
import { expectNoAxeViolations, useBrowser } from '../support/browser.ts';
import { storedRows } from '../support/support-requests.ts';
import { sendInlineContactForm, walkToResetEscalation } from '../support/flow-page.ts';

const session = useBrowser();

describe('escalating from the troubleshooter', () => {
  test('the escalate step suggests articles for what the reader describes, as the contact page does', async () => {
    const page = await session.newPage();
    await walkToResetEscalation(page);
    const main = page.getByRole('main');
    await main.getByLabel('Describe the problem', { exact: true }).fill('I never get the password reset email, not even in spam');
    const suggested = main.getByRole('region', { name: 'Before you send: these may solve it' }).getByRole('link');
    await expect.poll(() => suggested.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await suggested.count()).toBeLessThanOrEqual(3);
    expect(await suggested.first().getAttribute('href')).toMatch(/^\/(articles|troubleshoot)\//);
  });

  test('the inline form sends the path walked, and the stored ticket carries it as its transcript', async () => {
    const page = await session.newPage();
    await walkToResetEscalation(page);

    const main = page.getByRole('main');
    // The step's topic comes preselected.
    await expect.poll(() => main.getByLabel('Password reset', { exact: true }).isChecked()).toBe(true);
    await expectNoAxeViolations(page);
    const description = `Troubleshooter escalation ${crypto.randomUUID()}`;
    const reference = await sendInlineContactForm(page, { name: 'Mary Jackson', email: 'mary@example.com', description });

    const row = (await storedRows(inject('dataDir'))).tickets.find((e) => e.description === description);
    expect(row?.reference).toBe(reference);
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
