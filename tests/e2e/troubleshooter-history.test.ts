import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { collectPageErrors, useBrowser } from '../support/browser.ts';
import { LOGIN_PATH, choose, expectStep, openLoginFlow, progressNumber, troubleshooter } from '../support/flow-page.ts';

const session = useBrowser();

/** Forgot password, through the reset-email loop, to "Has the new reset email arrived?". */
const TO_CHECK_AGAIN: [label: string, next: string][] = [
  ['I forgot my password', 'reset-password'],
  ["The reset email didn't arrive", 'check-spam'],
  ["It isn't there either", 'resend-reset'],
  ['I sent it again', 'check-again'],
];

async function walk(page: Page, choices: [label: string, next: string][]): Promise<void> {
  for (const [label, next] of choices) await choose(page, label, next);
}

describe("troubleshooter: the browser's Back and Forward", () => {
  test('move between steps exactly, heading and hash matching each time', async () => {
    const page = await session.newPage();
    const errors = collectPageErrors(page);
    await openLoginFlow(page);
    await walk(page, TO_CHECK_AGAIN);
    const visited = ['what-is-wrong', ...TO_CHECK_AGAIN.map(([, next]) => next)];

    for (const id of visited.slice(0, -1).reverse()) {
      await page.goBack();
      await expectStep(page, id, `browser Back to "${id}"`);
    }
    for (const id of visited.slice(1)) {
      await page.goForward();
      await expectStep(page, id, `browser Forward to "${id}"`);
    }
    expect(errors).toEqual([]);
  });
});

describe("troubleshooter: the island's Back button", () => {
  test('returns to exactly the previous step, also around the check-spam → resend-reset → check-again loop', async () => {
    const page = await session.newPage();
    const errors = collectPageErrors(page);
    await openLoginFlow(page);
    expect(await troubleshooter(page).back.count()).toBe(0); // nothing to go back to
    await walk(page, [
      ...TO_CHECK_AGAIN,
      ["Not yet, I'll check my other folders again", 'check-spam'],
      ["It isn't there either", 'resend-reset'],
    ]);

    for (const id of ['check-spam', 'check-again', 'resend-reset', 'check-spam', 'reset-password', 'what-is-wrong']) {
      await troubleshooter(page).back.click();
      await expectStep(page, id, `the island's Back to "${id}"`);
    }
    expect(await troubleshooter(page).back.count()).toBe(0); // nothing to go back to
    expect(errors).toEqual([]);
  });
});

describe('troubleshooter: reloads, shared links and starting over', () => {
  test('a reload resumes the same step on the same path, and Back still works', async () => {
    const page = await session.newPage();
    const errors = collectPageErrors(page);
    await openLoginFlow(page);
    await walk(page, TO_CHECK_AGAIN);

    await page.reload();
    await expectStep(page, 'check-again', 'after the reload');
    expect(await progressNumber(page)).toBe(5);

    await troubleshooter(page).back.click();
    await expectStep(page, 'resend-reset', "the island's Back after the reload");
    await page.goBack();
    await expectStep(page, 'check-spam', "the browser's Back after the reload");
    await troubleshooter(page).back.click();
    await expectStep(page, 'reset-password', "the island's Back, once more");
    expect(errors).toEqual([]);
  });

  test('a shared link opens its step in a new browser', async () => {
    const page = await session.newPage();
    await openLoginFlow(page, '#check-again');
    await expectStep(page, 'check-again');
    expect(await troubleshooter(page).choice('Still nothing after 15 minutes').isVisible()).toBe(true);
  });

  test('when the path saved in this tab and the URL disagree, the URL wins', async () => {
    const page = await session.newPage();
    await openLoginFlow(page);
    await choose(page, "I'm not sure which email address I signed up with", 'find-email');

    await page.goto('/');
    await page.goto(`${LOGIN_PATH}#check-again`);
    await expectStep(page, 'check-again', 'a link to another step, in the same tab');
  });

  test('a step typed into the address bar opens, survives a reload, and Back returns to where the reader was', async () => {
    const page = await session.newPage();
    await openLoginFlow(page);
    await choose(page, "I'm not sure which email address I signed up with", 'find-email');

    await page.goto(`${LOGIN_PATH}#check-again`); // same document: only the hash changes
    await expectStep(page, 'check-again', 'after changing the hash');
    await page.reload();
    await expectStep(page, 'check-again', 'after changing the hash and reloading');
    await page.goBack();
    await expectStep(page, 'find-email', "the browser's Back after changing the hash");
  });

  test('a link to a step on the saved path opens that step, with the path that led there', async () => {
    const page = await session.newPage();
    await openLoginFlow(page);
    await walk(page, TO_CHECK_AGAIN);

    await page.goto('/');
    await page.goto(`${LOGIN_PATH}#check-spam`);
    await expectStep(page, 'check-spam', 'a link to an earlier step of the saved path');
    expect(await progressNumber(page)).toBe(3);
    await troubleshooter(page).back.click();
    await expectStep(page, 'reset-password', "the island's Back from the linked step");
  });

  test('"Start over" returns to the first question and clears the hash; a reload stays there', async () => {
    const page = await session.newPage();
    await openLoginFlow(page);
    await walk(page, TO_CHECK_AGAIN.slice(0, 2));

    await troubleshooter(page).startOver.click();
    await expectStep(page, 'what-is-wrong', 'after "Start over"');
    expect(page.url()).not.toContain('#');
    expect(await progressNumber(page)).toBe(1);

    await page.reload();
    await expectStep(page, 'what-is-wrong', 'after "Start over" and a reload');
    expect(page.url()).not.toContain('#');
    expect(await troubleshooter(page).back.count()).toBe(0); // nothing to go back to
  });
});
