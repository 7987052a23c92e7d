import { describe, expect, inject, test } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import { ACTION_TIMEOUT_MS, sendFindEmailWalk } from '../support/flow-page.ts';

const session = useBrowser();
const WALK = 'what-is-wrong:find-email,find-email:not-fixed';

// The links the MCP server's contact_support_link gives (`/contact/?flow=&path=`), opened without JavaScript.
describe('a contact form link carrying a troubleshooter walk', () => {
  test('attaches the walk as the transcript and starts the description from it', async () => {
    const page = await session.newPage({ javaScriptEnabled: false });
    page.setDefaultTimeout(ACTION_TIMEOUT_MS);
    await page.goto(`/contact/?flow=login&path=${WALK}`);
    await sendFindEmailWalk(page, { name: 'Dorothy Vaughan', email: 'dorothy@example.com' }, inject('dataDir'));
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
