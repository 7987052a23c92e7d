import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, collectPageErrors, useBrowser } from '../support/browser.ts';
import {
  choose,
  expectStep,
  flowEvents,
  openLoginFlow,
  progressNumber,
  recordFlowEvents,
  stepTitle,
  troubleshooter,
} from '../support/flow-page.ts';

const session = useBrowser();

describe('troubleshooter: walking the login flow', () => {
  test('the find-email branch ends at "You\'re back in" with #resolved in the URL', async () => {
    const page = await session.newPage();
    const errors = collectPageErrors(page);
    await openLoginFlow(page);
    await expectStep(page, 'what-is-wrong');

    await choose(page, "I'm not sure which email address I signed up with", 'find-email');
    await choose(page, 'Found it, I can sign in now', 'resolved');

    expect(await troubleshooter(page).heading.innerText()).toBe("You're back in");
    expect(new URL(page.url()).hash).toBe('#resolved');
    expect(await troubleshooter(page).progress.innerText()).toBe('Step 3: the end of this troubleshooter');
    expect(errors).toEqual([]);
  });

  test('a reset email that never arrives ends at "We\'ll reset it with you", the step number rising each step', async () => {
    const page = await session.newPage();
    const errors = collectPageErrors(page);
    await openLoginFlow(page);
    await expectStep(page, 'what-is-wrong');
    const numbers = [await progressNumber(page)];

    const walk: [label: string, next: string][] = [
      ['I forgot my password', 'reset-password'],
      ["The reset email didn't arrive", 'check-spam'],
      ["It isn't there either", 'resend-reset'],
      ['I sent it again', 'check-again'],
      ['Still nothing after 15 minutes', 'escalate-reset'],
    ];
    for (const [label, next] of walk) {
      await choose(page, label, next);
      numbers.push(await progressNumber(page));
    }

    expect(numbers).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await troubleshooter(page).heading.innerText()).toBe("We'll reset it with you");
    // The contact form comes inline, its topic chosen from the step.
    const main = page.getByRole('main');
    expect(await main.getByLabel('Password reset', { exact: true }).isChecked()).toBe(true);
    expect(await main.getByRole('button', { name: 'Send to support' }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe('troubleshooter: per-browser instructions', () => {
  async function openBrowserStep() {
    const page = await session.newPage();
    await openLoginFlow(page);
    await choose(page, "The sign-in page doesn't work properly", 'clear-browser-data');
    expect(await troubleshooter(page).heading.innerText()).toBe("Clear your browser's cache and cookies");
    return page;
  }

  test('Chromium sees the Chrome tab selected first, with Chrome instructions; clicking Firefox switches the panel', async () => {
    const page = await openBrowserStep();
    const main = page.getByRole('main');
    const tablist = main.getByRole('tablist', { name: 'Choose your browser' });
    expect(await tablist.getByRole('tab').allInnerTexts()).toEqual(['Chrome', 'Firefox', 'Safari', 'Edge', 'Other browsers']);
    expect(await tablist.getByRole('tab', { selected: true }).allInnerTexts()).toEqual(['Chrome']);

    const panel = main.getByRole('tabpanel');
    expect(await panel.getAttribute('aria-labelledby')).toBe(await tablist.getByRole('tab', { name: 'Chrome' }).getAttribute('id'));
    expect(await panel.innerText()).toContain('Select Delete data.');
    expect(await panel.innerText()).not.toContain('Temporary cached files and pages');

    await tablist.getByRole('tab', { name: 'Firefox' }).click();
    expect(await tablist.getByRole('tab', { selected: true }).allInnerTexts()).toEqual(['Firefox']);
    expect(await main.getByRole('tabpanel', { name: 'Firefox' }).innerText()).toContain('Temporary cached files and pages');
    expect(await panel.innerText()).not.toContain('Select Delete data.');
  });

  test('ArrowRight from the Chrome tab selects and focuses Firefox and shows its instructions', async () => {
    const page = await openBrowserStep();
    const tablist = page.getByRole('main').getByRole('tablist', { name: 'Choose your browser' });
    await tablist.getByRole('tab', { name: 'Chrome' }).focus();
    await page.keyboard.press('ArrowRight');

    const firefox = tablist.getByRole('tab', { name: 'Firefox' });
    expect(await firefox.getAttribute('aria-selected')).toBe('true');
    expect(await firefox.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByRole('main').getByRole('tabpanel', { name: 'Firefox' }).innerText()).toContain(
      'Temporary cached files and pages',
    );

    await page.keyboard.press('ArrowLeft');
    expect(await tablist.getByRole('tab', { selected: true }).allInnerTexts()).toEqual(['Chrome']);
    expect(await page.getByRole('main').getByRole('tabpanel', { name: 'Chrome' }).innerText()).toContain('Select Delete data.');
  });
});

describe('troubleshooter: events and network', () => {
  /** The events without the graph version each carries (its own test is in the unit tests). */
  const withoutVersions = async (page: Page) => (await flowEvents(page)).map(({ version: _version, ...rest }) => rest);

  test('a walk to "resolved" raises step_viewed once for each step shown, then one outcome "resolved"', async () => {
    const page = await session.newPage();
    await recordFlowEvents(page);
    await openLoginFlow(page);
    await expectStep(page, 'what-is-wrong');
    await choose(page, 'I forgot my password', 'reset-password');
    await choose(page, 'I reset my password', 'resolved');

    expect(await withoutVersions(page)).toEqual([
      { type: 'step_viewed', flow: 'login', step: 'what-is-wrong' },
      { type: 'step_viewed', flow: 'login', step: 'reset-password' },
      { type: 'step_viewed', flow: 'login', step: 'resolved' },
      { type: 'outcome', flow: 'login', step: 'resolved', result: 'resolved' },
    ]);
    expect(new Set((await flowEvents(page)).map((e) => e.version)).size).toBe(1);
  });

  test('reaching an escalate step is a step view, not an escalation: escalations are the requests sent', async () => {
    const page = await session.newPage();
    await recordFlowEvents(page);
    await openLoginFlow(page);
    await expectStep(page, 'what-is-wrong');
    await choose(page, "I'm not sure which email address I signed up with", 'find-email');
    await choose(page, "I still can't find it", 'escalate-find-email');

    expect(await withoutVersions(page)).toEqual([
      { type: 'step_viewed', flow: 'login', step: 'what-is-wrong' },
      { type: 'step_viewed', flow: 'login', step: 'find-email' },
      { type: 'step_viewed', flow: 'login', step: 'escalate-find-email' },
    ]);
  });

  test('a shared link raises step_viewed for the step it opens, and for no other', async () => {
    const page = await session.newPage();
    await recordFlowEvents(page);
    await openLoginFlow(page, '#check-again');
    await expectStep(page, 'check-again');

    expect(await withoutVersions(page)).toEqual([{ type: 'step_viewed', flow: 'login', step: 'check-again' }]);
  });

  test('the troubleshooter loads only its own page and assets, and requests nothing while the reader walks it', async () => {
    const page = await session.newPage();
    const origin = new URL(baseUrl()).origin;
    const requests: { url: string; type: string; afterLoad: boolean }[] = [];
    let loaded = false;
    page.on('request', (request) => requests.push({ url: request.url(), type: request.resourceType(), afterLoad: loaded }));

    await openLoginFlow(page);
    await page.waitForLoadState('networkidle');
    loaded = true;
    await choose(page, 'I forgot my password', 'reset-password');
    await choose(page, "The reset email didn't arrive", 'check-spam');
    await troubleshooter(page).back.click();
    await expectStep(page, 'reset-password');
    await choose(page, 'I reset my password', 'resolved');
    await page.waitForTimeout(300); // room for a late fetch or beacon to show up

    // The browser itself fetches the page's icon again after each history entry: that is not the island's doing.
    const icon = new URL((await page.locator('link[rel="icon"]').getAttribute('href'))!, page.url()).href;
    // Every page asks once, on load, for the current announcements; reader events wait for a batch or for the reader to leave.
    const announcements = requests.filter((r) => new URL(r.url).pathname === '/api/announcements');
    expect(announcements.map((r) => [r.type, r.afterLoad])).toEqual([['fetch', false]]);
    const own = requests.filter((r) => r.url !== icon && !announcements.includes(r));
    expect(own.filter((r) => new URL(r.url).origin !== origin)).toEqual([]);
    expect(own.filter((r) => !['document', 'stylesheet', 'script', 'image', 'font'].includes(r.type))).toEqual([]);
    expect(own.filter((r) => r.afterLoad)).toEqual([]);
    expect(own.filter((r) => r.type === 'document').map((r) => new URL(r.url).pathname)).toEqual(['/troubleshoot/login/']);
  });
});

test('the island takes over the step the server rendered without moving anything', async () => {
  // Measured from the troubleshooter's own top: notices above it may differ with JavaScript, but not its step.
  const boxes = async (page: Page) => {
    const main = page.getByRole('main');
    const top = (await main.locator('.flow').boundingBox())!.y;
    const parts = [main.getByRole('heading', { level: 2 }), ...(await main.locator('.flow-choices a').all())];
    return (await Promise.all(parts.map((part) => part.boundingBox()))).map((box) => ({ ...box!, y: box!.y - top }));
  };
  const plain = await session.newPage({ javaScriptEnabled: false });
  await plain.goto('/troubleshoot/login/');
  const page = await session.newPage();
  await openLoginFlow(page);
  expect(await troubleshooter(page).headings.allInnerTexts()).toEqual([stepTitle('what-is-wrong')]);
  expect(await boxes(page)).toEqual(await boxes(plain));
});
