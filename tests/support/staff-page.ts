// Signing in to the staff console in a browser, as staff do: the login form, then the inbox.
import type { Page } from 'playwright-core';
import { STAFF_PASSWORD } from '../../harness/staff.ts';

/** Signs in on /staff/login with the test password and waits for the inbox. */
export async function signInToStaff(page: Page, email: string): Promise<void> {
  await page.goto('/staff/login');
  const main = page.getByRole('main');
  await main.getByLabel('Email address', { exact: true }).fill(email);
  await main.getByLabel('Password', { exact: true }).fill(STAFF_PASSWORD);
  await main.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/staff/');
}
