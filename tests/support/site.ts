// What the e2e tests know about the site under test: the one article every build has, and page helpers.
import type { Locator, Page } from 'playwright-core';

/** The article the tests lean on; other articles may come and go. */
export const KNOWN_ARTICLE = {
  slug: 'security-answer-forgotten',
  path: '/articles/security-answer-forgotten/',
  title: 'I forgot the answer to my security question',
  category: { id: 'account-access', title: 'Signing in and account access', path: '/categories/account-access/' },
} as const;

/** The header's search field (the one `/` focuses): a searchbox, and a combobox once its instant results load. */
export function headerSearchField(page: Page): Locator {
  return page.getByRole('banner').getByLabel('Search the help center');
}

/** True when the element's top edge is inside the visible part of the page. */
export async function isInViewport(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const { top, bottom } = element.getBoundingClientRect();
    return bottom > 0 && top < window.innerHeight;
  });
}

/** True when the element has keyboard focus. */
export async function hasFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement);
}
