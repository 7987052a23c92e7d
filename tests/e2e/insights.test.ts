import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { expectNoAxeViolations, useBrowser } from '../support/browser.ts';
import { choose, openLoginFlow, sendInlineContactForm, waitForIsland } from '../support/flow-page.ts';
import { KNOWN_ARTICLE } from '../support/site.ts';
import { noMatchQuery } from '../support/insights.ts';
import { signInToStaff } from '../support/staff-page.ts';
import { createStaff } from '../../harness/staff.ts';

const session = useBrowser();
const EDITOR = { email: 'e2e-insights@example.com', name: 'Ida Insights', role: 'agent' } as const;

beforeAll(async () => {
  await createStaff(inject('dataDir'), EDITOR);
});

const signIn = (page: Page) => signInToStaff(page, EDITOR.email);

describe('insights', () => {
  test('a No with a reason and a search with no results show up for staff within one reload', async () => {
    const reader = await session.newPage({ userAgent: `Mozilla/5.0 Chrome/140.0 insights-reader-${crypto.randomUUID()}` });
    await reader.goto(KNOWN_ARTICLE.path);
    const feedback = reader.getByRole('region', { name: 'Was this article helpful?' });
    await feedback.getByRole('button', { name: 'No', exact: true }).click();
    const comment = `Insights e2e ${crypto.randomUUID()}`;
    await feedback.getByLabel('The steps did not work for me').check();
    await feedback.getByLabel('Anything else we should know? (optional)').fill(comment);
    await feedback.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => feedback.getByText('Thank you for telling us more').isVisible()).toBe(true);

    const query = noMatchQuery();
    await reader.goto(`/search/?q=${encodeURIComponent(query)}`);
    await expect.poll(() => reader.getByRole('main').getByRole('status').innerText()).toContain('No articles match');
    await reader.goto('/'); // leaving the page sends the final query

    const staff = await session.newPage();
    await signIn(staff);
    await staff.goto('/staff/insights');
    const main = staff.getByRole('main');
    await expect.poll(async () => (await main.innerText()).includes(comment), { timeout: 10_000 }).toBe(true);
    await staff.reload();
    expect(await main.innerText()).toContain(query);
    await expectNoAxeViolations(staff);
  });

  test("reaching a troubleshooter's escalate step counts as reaching the form; only sending it counts as escalated", async () => {
    const staff = await session.newPage();
    await signIn(staff);
    const figures = async () => {
      await staff.goto('/staff/insights');
      // The login flow's own line: the one after its heading.
      const line = await staff.getByRole('main').locator('h3:text-is("I can\'t sign in") + p').innerText();
      const [started, resolved, reached, escalated] = line.match(/\d+/g)!.map(Number);
      return { started, resolved, reached, escalated };
    };
    const before = await figures();

    const reader = await session.newPage();
    await openLoginFlow(reader);
    await choose(reader, "I'm not sure which email address I signed up with", 'find-email');
    await choose(reader, "I still can't find it", 'escalate-find-email');
    await reader.goto('/'); // leaving the page sends what is left in the beacon queue
    await expect.poll(figures, { timeout: 10_000 }).toEqual({ ...before, started: before.started + 1, reached: before.reached + 1 });

    await reader.goBack();
    await waitForIsland(reader);
    await sendInlineContactForm(reader, { name: 'Ada Lovelace', email: 'ada@example.com', description: 'Sent from the insights test.' });
    await expect
      .poll(figures, { timeout: 10_000 })
      .toEqual({ ...before, started: before.started + 1, reached: before.reached + 1, escalated: before.escalated + 1 });
  });

  test('an announcement published in the console shows on an article page, without a rebuild, in Spanish on Spanish pages', async () => {
    const staff = await session.newPage();
    await signIn(staff);
    await staff.goto('/staff/announcements');
    const id = crypto.randomUUID().slice(0, 8);
    const message = `Scheduled maintenance tonight ${id}`;
    const spanish = `Mantenimiento programado esta noche ${id}`;
    const main = staff.getByRole('main');
    await main.getByLabel('Message', { exact: true }).fill(message);
    await main.getByLabel('Message in Spanish (optional)').fill(spanish);
    await main.getByRole('button', { name: 'Publish announcement' }).click();
    await expect.poll(() => main.innerText()).toContain(message);
    await expectNoAxeViolations(staff);

    const reader = await session.newPage();
    await reader.goto(KNOWN_ARTICLE.path);
    await expect.poll(() => reader.getByText(message).isVisible(), { timeout: 10_000 }).toBe(true);
    await expectNoAxeViolations(reader);

    const spanishReader = await session.newPage();
    await spanishReader.goto(`/es${KNOWN_ARTICLE.path}`);
    await expect.poll(() => spanishReader.getByText(spanish).isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await spanishReader.getByText(message).count()).toBe(0);
    // The page's own notice, written in Spanish too, is not shown a second time in English.
    expect(await spanishReader.getByText('This is a demo help center').count()).toBe(0);
  });
});
