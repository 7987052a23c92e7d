import { describe, expect, inject, test } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import { storedRows } from '../support/support-requests.ts';
import { ACTION_TIMEOUT_MS, stepTitle } from '../support/flow-page.ts';
import { MIN_FILL_MS } from '../../src/server/tickets/spam.ts';

const session = useBrowser();
const WALK = 'what-is-wrong:find-email,find-email:not-fixed';

// The links the MCP server's contact_support_link gives (`/contact/?flow=&path=`), opened without JavaScript.
describe('a contact form link carrying a troubleshooter walk', () => {
  test('attaches the walk as the transcript and starts the description from it', async () => {
    const page = await session.newPage({ javaScriptEnabled: false });
    page.setDefaultTimeout(ACTION_TIMEOUT_MS);
    await page.goto(`/contact/?flow=login&path=${WALK}`);
    const main = page.getByRole('main');
    const description = main.getByLabel('Describe the problem', { exact: true });
    const prefilled = await description.inputValue();
    expect(prefilled.split('\n').slice(0, 3)).toEqual([
      "What I tried in “I can't sign in”:",
      `- ${stepTitle('what-is-wrong')} → I'm not sure which email address I signed up with`,
      `- ${stepTitle('find-email')} → I still can't find it`,
    ]);
    const story = `Linked escalation ${crypto.randomUUID()}`;
    await description.fill(`${prefilled}${story}`);
    await main.getByLabel('Your name', { exact: true }).fill('Dorothy Vaughan');
    await main.getByLabel('Your email address', { exact: true }).fill('dorothy@example.com');
    await main.getByLabel('The support team may contact me').check();
    await page.waitForTimeout(MIN_FILL_MS + 200);
    await main.getByRole('button', { name: 'Send to support' }).click();
    await page.waitForURL(/\/contact\/sent\/\?ref=HC-/);

    const row = (await storedRows(inject('dataDir'))).tickets.find((t) => t.description.endsWith(story));
    expect(row && JSON.parse(row.transcript!)).toEqual({
      flow: 'login',
      steps: [
        { step: 'what-is-wrong', choice: 'find-email' },
        { step: 'find-email', choice: 'not-fixed' },
      ],
    });
  });

  test('a walk the flow cannot produce, or an unknown flow, opens the plain form', async () => {
    const page = await session.newPage({ javaScriptEnabled: false });
    page.setDefaultTimeout(ACTION_TIMEOUT_MS);
    for (const query of ['flow=login&path=what-is-wrong:fly-to-the-moon', `flow=no-such-flow&path=${WALK}`]) {
      const response = await page.goto(`/contact/?${query}`);
      expect(response?.status(), query).toBe(200);
      expect(await page.getByRole('main').getByLabel('Describe the problem', { exact: true }).inputValue(), query).toBe('');
      expect(await page.locator('input[name="transcript"]').getAttribute('value'), query).toBe('');
    }
  });
});
