import { beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, useBrowser } from '../support/browser.ts';
import { ACTION_TIMEOUT_MS, LOGIN_PATH, choose, expectStep, openLoginFlow, troubleshooter, waitForIsland } from '../support/flow-page.ts';
import { loadFlowSet } from '../support/flows.ts';
import { createStaff, STAFF_PASSWORD } from '../../harness/staff.ts';

const session = useBrowser();
const flows = loadFlowSet();
const title = (flow: string, step: string) => flows.get(flow)!.steps.find((s) => s.id === step)!.title!;
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0';

/** The heading shown and the URL's hash, once they settle on `expected`. */
async function expectShown(page: Page, expected: { heading: string; hash: string }): Promise<void> {
  await expect
    .poll(async () => ({ heading: await troubleshooter(page).heading.innerText(), hash: new URL(page.url()).hash }), { timeout: 3000 })
    .toEqual(expected);
}

describe('troubleshooter: one flow handing over to another', () => {
  test("a choice leads into another flow at #<flow>/<step>, and the browser's Back returns across the boundary", async () => {
    const page = await session.newPage();
    await openLoginFlow(page);
    await troubleshooter(page).choice('I get signed in, then signed out again').click();
    await expectShown(page, { heading: title('page-wont-load', 'cookies-blocked'), hash: '#page-wont-load/cookies-blocked' });
    // Its choices are addresses in the flow the reader started, the path written with the other flow's steps.
    expect(await troubleshooter(page).choice("I'm still signed out").getAttribute('href')).toBe(
      `${LOGIN_PATH}page-wont-load/clear-site-data/?path=what-is-wrong:signed-out,page-wont-load/cookies-blocked:not-fixed`,
    );

    await page.goBack();
    await expectStep(page, 'what-is-wrong', "the browser's Back out of the other flow");
    await page.goForward();
    await expectShown(page, { heading: title('page-wont-load', 'cookies-blocked'), hash: '#page-wont-load/cookies-blocked' });
  });

  test("without JavaScript the hand-over is a link to the other flow's step, with the path carried on", async () => {
    const page = await session.newPage({ javaScriptEnabled: false });
    page.setDefaultTimeout(ACTION_TIMEOUT_MS);
    await page.goto(LOGIN_PATH);
    await page.getByRole('main').getByRole('link', { name: 'I get signed in, then signed out again', exact: true }).click();
    await page.waitForURL(`**${LOGIN_PATH}page-wont-load/cookies-blocked/?path=what-is-wrong:signed-out`);
    expect(await page.getByRole('main').getByRole('heading', { level: 2 }).allInnerTexts()).toEqual([
      title('page-wont-load', 'cookies-blocked'),
    ]);
  });
});

describe('troubleshooter: automatic steps', () => {
  const TO_BROWSER_STEP = ['A page stays blank, loads forever or looks broken', "It still doesn't load"];

  test('in a Firefox browser the "which browser" step takes Firefox\'s branch without asking', async () => {
    const page = await session.newPage({ userAgent: FIREFOX });
    page.setDefaultTimeout(ACTION_TIMEOUT_MS);
    await page.goto('/troubleshoot/page-wont-load/');
    await waitForIsland(page);
    for (const label of TO_BROWSER_STEP) await troubleshooter(page).choice(label).click();
    await expectShown(page, { heading: title('page-wont-load', 'firefox-protection'), hash: '#firefox-protection' });

    // Back skips the step the reader never saw.
    await troubleshooter(page).back.click();
    await expectShown(page, { heading: title('page-wont-load', 'check-status'), hash: '#check-status' });
  });

  test('without JavaScript it is asked as a question with the same choices', async () => {
    const page = await session.newPage({ javaScriptEnabled: false, userAgent: FIREFOX });
    page.setDefaultTimeout(ACTION_TIMEOUT_MS);
    await page.goto('/troubleshoot/page-wont-load/');
    for (const label of TO_BROWSER_STEP) await page.getByRole('main').getByRole('link', { name: label, exact: true }).click();
    const main = page.getByRole('main');
    expect(await main.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual([title('page-wont-load', 'which-browser')]);
    expect(await main.locator('.flow-choices').getByRole('link').allInnerTexts()).toEqual([
      'Firefox',
      'Safari',
      'Chrome or Edge',
      'Another browser',
    ]);
  });
});

describe('troubleshooter: coming back', () => {
  test('returning with saved progress offers "Continue where you left off" or "Start again"', async () => {
    const page = await session.newPage();
    await openLoginFlow(page);
    await choose(page, 'I forgot my password', 'reset-password');
    await choose(page, "The reset email didn't arrive", 'check-spam');
    await page.goto('/');
    await page.goto(LOGIN_PATH);
    await waitForIsland(page);

    const main = page.getByRole('main');
    expect(await main.getByText(`You were part way through this troubleshooter, at “${title('login', 'check-spam')}”.`).isVisible()).toBe(
      true,
    );
    await expectStep(page, 'what-is-wrong', 'the start, until the reader chooses');
    await main.getByRole('link', { name: 'Continue where you left off' }).click();
    await expectStep(page, 'check-spam', 'after "Continue where you left off"');
    await troubleshooter(page).back.click();
    await expectStep(page, 'reset-password', 'Back after continuing');

    await page.goto('/');
    await page.goto(LOGIN_PATH);
    await waitForIsland(page);
    await main.getByRole('link', { name: 'Start again' }).click();
    await expect.poll(() => main.getByText('You were part way through').count()).toBe(0);
    await page.reload();
    await waitForIsland(page);
    expect(await main.getByText('You were part way through').count()).toBe(0);
  });
});

describe('staff: flow diagrams', () => {
  const EDITOR = { email: 'e2e-diagrams@example.com', name: 'Dora Diagram', role: 'agent' } as const;
  beforeAll(async () => {
    await createStaff(inject('dataDir'), EDITOR);
  });

  async function signIn(page: Page): Promise<void> {
    await page.goto('/staff/login');
    const main = page.getByRole('main');
    await main.getByLabel('Email address', { exact: true }).fill(EDITOR.email);
    await main.getByLabel('Password', { exact: true }).fill(STAFF_PASSWORD);
    await main.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/staff/');
  }

  test('the diagram of a flow shows the views a walk recorded, with the same figures in a table', async () => {
    const staff = await session.newPage();
    await signIn(staff);
    /** Views of a step, from the diagram's box and from the table's row. */
    const views = async (step: string) => {
      await staff.goto('/staff/flows/payment-stuck');
      const box = await staff.locator(`svg [data-step="${step}"] .figures`).textContent();
      const row = staff.getByRole('table').getByRole('row', { name: new RegExp(title('payment-stuck', step)) });
      return { box: Number(/^(\d+) views/.exec(box ?? '')?.[1]), table: Number(await row.getByRole('cell').nth(2).innerText()) };
    };
    const before = await views('withdrawal-timing');

    const reader = await session.newPage();
    reader.setDefaultTimeout(ACTION_TIMEOUT_MS);
    await reader.goto('/troubleshoot/payment-stuck/');
    await waitForIsland(reader);
    await troubleshooter(reader).choice("Money I withdrew hasn't reached my bank, PayPal or Payoneer").click();
    await expectShown(reader, { heading: title('payment-stuck', 'withdrawal-timing'), hash: '#withdrawal-timing' });
    await reader.goto('/'); // leaving the page sends what is left in the beacon queue

    await expect.poll(() => views('withdrawal-timing'), { timeout: 10_000 }).toEqual({ box: before.box + 1, table: before.table + 1 });
    await expectNoAxeViolations(staff);

    await staff.goto('/staff/flows/');
    await staff
      .getByRole('main')
      .getByRole('link', { name: flows.get('payment-stuck')!.title })
      .click();
    await staff.waitForURL('**/staff/flows/payment-stuck');
    expect(await staff.getByRole('img', { name: `Diagram of the troubleshooter “${flows.get('payment-stuck')!.title}”` }).isVisible()).toBe(
      true,
    );
  });
});
