import { describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from '../support/browser.ts';
import { storedRows } from '../support/support-requests.ts';
import { ACTION_TIMEOUT_MS, LOGIN_PATH, stepTitle } from '../support/flow-page.ts';
import { MIN_FILL_MS } from '../../src/server/tickets/spam.ts';

const session = useBrowser();

/** The one step on the page: its heading, and the URL's step and `path`. */
async function shown(page: Page): Promise<{ headings: string[]; pathname: string; path: string | null }> {
  const url = new URL(page.url());
  return {
    headings: await page.getByRole('main').getByRole('heading', { level: 2 }).allInnerTexts(),
    pathname: url.pathname,
    path: url.searchParams.get('path'),
  };
}

/** Follows a choice link and checks that the next page shows exactly step `to`, at its own address, with the path so far. */
async function follow(page: Page, label: string, to: string, path: string): Promise<void> {
  await page.getByRole('main').getByRole('link', { name: label, exact: true }).click();
  await page.waitForURL(`**${LOGIN_PATH}${to}/**`);
  expect(await shown(page), `after "${label}"`).toEqual({ headings: [stepTitle(to)], pathname: `${LOGIN_PATH}${to}/`, path });
}

describe('troubleshooter: without JavaScript, one step per page', () => {
  test('links lead from the first question to "You\'re back in", each page one step with the path in its address', async () => {
    const page = await session.newPage({ javaScriptEnabled: false });
    page.setDefaultTimeout(ACTION_TIMEOUT_MS);
    await page.goto(LOGIN_PATH);
    expect(await shown(page)).toEqual({ headings: [stepTitle('what-is-wrong')], pathname: LOGIN_PATH, path: null });

    await follow(page, "I'm not sure which email address I signed up with", 'find-email', 'what-is-wrong:find-email');
    await follow(page, 'Found it, I can sign in now', 'resolved', 'what-is-wrong:find-email,find-email:fixed');
    expect(await page.getByRole('main').getByText('Step 3: the end of this troubleshooter').isVisible()).toBe(true);

    // Back is the page one answer back.
    await page.getByRole('main').getByRole('link', { name: 'Back', exact: true }).click();
    await page.waitForURL(`**${LOGIN_PATH}find-email/?path=what-is-wrong:find-email`);
    expect((await shown(page)).headings).toEqual([stepTitle('find-email')]);
  });

  test("the escalate step's form sends the path walked as its transcript, the description starting from it", async () => {
    const page = await session.newPage({ javaScriptEnabled: false });
    page.setDefaultTimeout(ACTION_TIMEOUT_MS);
    await page.goto(LOGIN_PATH);
    await follow(page, "I'm not sure which email address I signed up with", 'find-email', 'what-is-wrong:find-email');
    await follow(page, "I still can't find it", 'escalate-find-email', 'what-is-wrong:find-email,find-email:not-fixed');

    const main = page.getByRole('main');
    const description = main.getByLabel('Describe the problem', { exact: true });
    const prefilled = await description.inputValue();
    expect(prefilled.split('\n').slice(0, 3)).toEqual([
      "What I tried in “I can't sign in”:",
      `- ${stepTitle('what-is-wrong')} → I'm not sure which email address I signed up with`,
      `- ${stepTitle('find-email')} → I still can't find it`,
    ]);
    const story = `No-JavaScript escalation ${crypto.randomUUID()}`;
    await description.fill(`${prefilled}${story}`);
    await main.getByLabel('Your name', { exact: true }).fill('Katherine Johnson');
    await main.getByLabel('Your email address', { exact: true }).fill('katherine@example.com');
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

  test('a path the flow cannot produce answers 404 with a link to the start', async () => {
    const page = await session.newPage({ javaScriptEnabled: false });
    const response = await page.goto(`${LOGIN_PATH}resolved/?path=what-is-wrong:find-email`);
    expect(response?.status()).toBe(404);
    const start = page.getByRole('main').getByRole('link', { name: "Start “I can't sign in” from the beginning" });
    expect(await start.getAttribute('href')).toBe(LOGIN_PATH);
    expect((await page.goto(`${LOGIN_PATH}resolved/?path=what-is-wrong:no-such-choice`))?.status()).toBe(404);
    expect((await page.goto(`${LOGIN_PATH}no-such-step/`))?.status()).toBe(404);
  });
});
