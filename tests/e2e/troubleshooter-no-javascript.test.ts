import { describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from '../support/browser.ts';
import { ACTION_TIMEOUT_MS, LOGIN_PATH, sendFindEmailWalk, stepTitle } from '../support/flow-page.ts';

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

    await sendFindEmailWalk(page, { name: 'Katherine Johnson', email: 'katherine@example.com' }, inject('dataDir'));
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
