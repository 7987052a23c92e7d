import { describe, expect, inject, test } from 'vitest';
import { collectPageErrors, expectNoAxeViolations, useBrowser } from '../support/browser.ts';
import { storedInsights } from '../support/insights.ts';
import { KNOWN_ARTICLE } from '../support/site.ts';

const session = useBrowser();
const dataDir = inject('dataDir');
const feedback = (page: import('playwright-core').Page) => page.getByRole('region', { name: 'Was this article helpful?' });
/** Each test votes as another reader: the server refuses a second vote from the same network and browser on a day. */
const asNewReader = () => ({
  userAgent: `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36 reader-${crypto.randomUUID()}`,
});

describe('article feedback', () => {
  test('No, a reason and a comment are stored, the page thanks the reader, and the vote is remembered', async () => {
    const page = await session.newPage(asNewReader());
    const errors = collectPageErrors(page);
    await page.goto(KNOWN_ARTICLE.path);
    const section = feedback(page);
    await section.getByRole('button', { name: 'No', exact: true }).click();

    await expect.poll(() => section.getByText('Thank you. We count your answer').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('feedback-thanks');
    await expectNoAxeViolations(page);
    const comment = `The backup email option is missing ${crypto.randomUUID()}`;
    await section.getByLabel('The steps did not work for me').check();
    await section.getByLabel('Anything else we should know? (optional)').fill(comment);
    await section.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => section.getByText('Thank you for telling us more').isVisible()).toBe(true);

    const vote = (await storedInsights(dataDir)).votes.find((v) => v.comment === comment);
    expect(vote).toMatchObject({ article: KNOWN_ARTICLE.slug, answer: 'no', reasons: '["did-not-work"]' });
    expect(errors).toEqual([]);
    // No cookie: the vote marker lives in localStorage.
    expect(await page.context().cookies()).toEqual([]);

    await page.reload();
    await expect.poll(() => section.getByRole('button', { name: 'No', exact: true }).isVisible()).toBe(false);
    expect(await section.getByText('Thank you. We count your answer').isVisible()).toBe(true);
  });

  test('without JavaScript: No leads to the thank-you page, which asks why and thanks again after the reasons', async () => {
    const reader = asNewReader();
    const page = await session.newPage({ ...reader, javaScriptEnabled: false });
    await page.goto(KNOWN_ARTICLE.path);
    await feedback(page).getByRole('button', { name: 'No', exact: true }).click();
    await page.waitForURL(new RegExp(`/feedback/thanks/\\?article=${KNOWN_ARTICLE.slug}&vote=`));
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Thank you for your feedback');

    // The thank-you page works the same with scripts on; axe needs them to run.
    const checked = await session.newPage(reader);
    await checked.goto(page.url());
    await expectNoAxeViolations(checked);
    // Sending the form empty shows the error summary, GOV.UK style.
    await checked.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => checked.getByRole('alert').innerText()).toContain('Select a reason or tell us what was wrong');
    await expectNoAxeViolations(checked);

    await page.getByLabel('It was hard to understand').check();
    await page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => page.getByText('Thank you for telling us more').isVisible()).toBe(true);
    await page.getByRole('link', { name: `Back to “${KNOWN_ARTICLE.title}”` }).click();
    await page.waitForURL(`**${KNOWN_ARTICLE.path}`);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`axe finds no violations on the thank-you page after a Yes (${colorScheme})`, async () => {
      const reader = asNewReader();
      const page = await session.newPage({ ...reader, javaScriptEnabled: false });
      await page.goto(KNOWN_ARTICLE.path);
      await feedback(page).getByRole('button', { name: 'Yes', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/feedback/thanks/' && url.search === `?article=${KNOWN_ARTICLE.slug}`);
      const checked = await session.newPage({ ...reader, colorScheme });
      await checked.goto(page.url());
      expect(await checked.getByRole('heading', { level: 1 }).innerText()).toBe('Thank you for your feedback');
      await expectNoAxeViolations(checked);
    });
  }
});
