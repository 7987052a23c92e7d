import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, useBrowser } from '../support/browser.ts';
import { choose, expectStep, openLoginFlow } from '../support/flow-page.ts';

const session = useBrowser();

/** Each kind of step, reached the way a reader reaches it: by choosing. */
const STEPS: { name: string; reach: (page: Page) => Promise<void> }[] = [
  { name: 'a question', reach: (page) => expectStep(page, 'what-is-wrong') },
  { name: 'an instructions step', reach: (page) => choose(page, "I'm not sure which email address I signed up with", 'find-email') },
  {
    name: 'the per-browser step',
    reach: (page) => choose(page, "The sign-in page doesn't work properly", 'clear-browser-data'),
  },
  {
    name: 'the resolved outcome',
    reach: async (page) => {
      await choose(page, "I'm not sure which email address I signed up with", 'find-email');
      await choose(page, 'Found it, I can sign in now', 'resolved');
    },
  },
  {
    name: 'an escalation',
    reach: async (page) => {
      await choose(page, "I'm not sure which email address I signed up with", 'find-email');
      await choose(page, "I still can't find it", 'escalate-find-email');
    },
  },
];

describe('troubleshooter: accessibility', () => {
  for (const width of [1280, 320])
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const { name, reach } of STEPS) {
        test(`axe finds no violations at ${name}, ${width} px wide (${colorScheme} colour scheme)`, async () => {
          const page = await session.newPage({ colorScheme, viewport: { width, height: 720 } });
          await openLoginFlow(page);
          await reach(page);
          // The answers so far, folded under later steps, opened so they are checked too.
          for (const details of await page.getByRole('main').locator('details').all())
            await details.evaluate((d) => d.setAttribute('open', ''));
          await expectNoAxeViolations(page);
          expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling').toBeLessThanOrEqual(width);
        });
      }
    }
});
