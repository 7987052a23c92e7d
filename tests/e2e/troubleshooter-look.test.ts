import { describe, expect, test } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { useBrowser } from '../support/browser.ts';
import {
  ACTION_TIMEOUT_MS,
  LOGIN_PATH,
  LOGIN_START,
  WALK_TO_RESET_ESCALATION,
  expectStep,
  stepTitle,
  tabTo,
  troubleshooter,
  waitForIsland,
  walkToResetEscalation,
} from '../support/flow-page.ts';

const session = useBrowser();

/** The step's card: the region named by its question. */
const stepCard = (page: Page, id: string) => page.getByRole('main').getByRole('region', { name: stepTitle(id), exact: true });

/** Without JavaScript: follows a choice link by keyboard (Tab to it, Enter) and waits for the next step's page. */
async function enterChoiceWithoutScript(page: Page, label: string, next: string): Promise<void> {
  await tabTo(page, troubleshooter(page).choice(label), 40);
  await page.keyboard.press('Enter');
  await page.waitForURL(`**${LOGIN_PATH}${next}/**`);
}

/** The questions and answers a list of the walk so far shows, in order. */
async function answersIn(page: Page, container: ReturnType<typeof stepCard>): Promise<[string, string][]> {
  const questions = await container.getByRole('term').allInnerTexts();
  const answers = await container.getByRole('definition').allInnerTexts();
  return questions.map((question, i) => [question, answers[i]]);
}

describe('troubleshooter: the step card', () => {
  for (const javaScript of [true, false])
    test(`keyboard: Tab to an option, Enter continues; the step number sits on the card, the answers so far under it (${javaScript ? 'with' : 'without'} JavaScript)`, async () => {
      const page = await session.newPage({ javaScriptEnabled: javaScript });
      page.setDefaultTimeout(ACTION_TIMEOUT_MS);
      await page.goto(LOGIN_PATH);
      if (javaScript) await waitForIsland(page);
      // Where the reader is reads with the question it counts, inside the step's card.
      expect(
        await stepCard(page, LOGIN_START)
          .getByText(/^Step 1 · up to \d+ more questions$/)
          .isVisible(),
      ).toBe(true);

      const flow = troubleshooter(page);
      if (javaScript) {
        await tabTo(page, flow.choice('I forgot my password'), 40);
        await page.keyboard.press('Enter');
        await expectStep(page, 'reset-password');
      } else await enterChoiceWithoutScript(page, 'I forgot my password', 'reset-password');
      expect(
        await stepCard(page, 'reset-password')
          .getByText(/^Step 2 · up to \d+ more questions?$/)
          .isVisible(),
      ).toBe(true);

      // The path so far, folded under the step: open it from the keyboard.
      const history = page.getByRole('main').getByRole('group').filter({ hasText: 'Your answer so far (1)' });
      const summary = history.getByText('Your answer so far (1)', { exact: true });
      await tabTo(page, summary, 20);
      await page.keyboard.press('Enter');
      expect(await answersIn(page, history)).toEqual([[stepTitle(LOGIN_START), 'I forgot my password']]);
    });

  test('the escalate step shows the answers so far above its form, in the same card (with JavaScript)', async () => {
    const page = await session.newPage();
    await walkToResetEscalation(page);
    await expectEscalationContinuesTheWalk(page);
  });

  test('the escalate step shows the answers so far above its form, in the same card (without JavaScript)', async () => {
    const page = await session.newPage({ javaScriptEnabled: false });
    page.setDefaultTimeout(ACTION_TIMEOUT_MS);
    await page.goto(LOGIN_PATH);
    for (const [label, next] of WALK_TO_RESET_ESCALATION) await enterChoiceWithoutScript(page, label, next);
    await expectEscalationContinuesTheWalk(page);
  });
});

async function expectEscalationContinuesTheWalk(page: Page): Promise<void> {
  const card = stepCard(page, 'escalate-reset');
  const answers = card.getByRole('region', { name: 'Your answers so far', exact: true });
  const walked = [LOGIN_START, ...WALK_TO_RESET_ESCALATION.slice(0, -1).map(([, next]) => next)];
  // Polled: with JavaScript the island may still be rendering the list and the form when the step's card is there.
  await expect.poll(() => answersIn(page, answers)).toEqual(WALK_TO_RESET_ESCALATION.map(([label], i) => [stepTitle(walked[i]), label]));
  const name = card.getByLabel('Your name', { exact: true });
  await expect.poll(() => name.isVisible()).toBe(true);
  const answersFirst = await answers.evaluate(
    (list, field) => Boolean(list.compareDocumentPosition(field as Node) & Node.DOCUMENT_POSITION_FOLLOWING),
    await name.elementHandle(),
  );
  expect(answersFirst, 'the answers come before the form').toBe(true);
}

type Shift = { value: number; nodes: string[] };

/**
 * Every layout shift of the page's main content (the troubleshooter) from its first byte; none comes from input, the
 * test only loads the page. The header and site notices above it are left to their own tests.
 */
async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shifts: Shift[] = [];
    (window as unknown as { __shifts: Shift[] }).__shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as {
        value: number;
        sources?: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
      }[]) {
        const inMain = (entry.sources ?? []).filter((s) => s.node && document.querySelector('main')?.contains(s.node));
        if (inMain.length === 0) continue;
        shifts.push({
          value: entry.value,
          nodes: inMain.map((s) => {
            const element = s.node instanceof Element ? s.node : s.node?.parentElement;
            const rect = (r: DOMRectReadOnly) => `${r.x},${r.y} ${r.width}×${r.height}`;
            return `${element?.outerHTML.slice(0, 100)}: ${rect(s.previousRect)} → ${rect(s.currentRect)}`;
          }),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The shifts recorded once the island has taken over, the page has settled and two frames have painted. */
async function shiftsAfterHydration(page: Page): Promise<Shift[]> {
  await waitForIsland(page);
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return page.evaluate(() => (window as unknown as { __shifts: Shift[] }).__shifts);
}

describe('troubleshooter: nothing moves once shown (CLS 0)', () => {
  const viewports: [string, BrowserContextOptions][] = [
    ['1280 px', { viewport: { width: 1280, height: 900 } }],
    ['320 px', { viewport: { width: 320, height: 640 } }],
  ];
  for (const [width, options] of viewports)
    test(`the start address, a question's page and an escalate step's page load and hydrate without moving their content (${width})`, async () => {
      // The step pages' addresses, as their links give them without JavaScript.
      const links = await session.newPage({ javaScriptEnabled: false });
      await links.goto(LOGIN_PATH);
      const questionPage = await troubleshooter(links).choice('I forgot my password').getAttribute('href');
      for (const [label, next] of WALK_TO_RESET_ESCALATION) {
        await troubleshooter(links).choice(label).click();
        await links.waitForURL(`**${LOGIN_PATH}${next}/**`);
      }
      const escalatePage = new URL(links.url()).pathname + new URL(links.url()).search;

      for (const url of [LOGIN_PATH, questionPage!, escalatePage]) {
        const page = await session.newPage(options);
        page.setDefaultTimeout(ACTION_TIMEOUT_MS);
        await recordLayoutShifts(page);
        await page.goto(url);
        expect(await shiftsAfterHydration(page), `layout shifts on ${url}`).toEqual([]);
      }
    });
});
