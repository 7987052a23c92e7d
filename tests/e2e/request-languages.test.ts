import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { projectRoot } from '../../harness/project-copy.ts';
import { useBrowser } from '../support/browser.ts';
import { ACTION_TIMEOUT_MS } from '../support/flow-page.ts';
import { storedRows } from '../support/support-requests.ts';
import { MIN_FILL_MS } from '../../src/server/tickets/spam.ts';
import { siteText } from '../../src/i18n/site-text.ts';

const session = useBrowser();

// The Spanish words, read from the catalogue, so the test follows the translators.
const es = JSON.parse(readFileSync(join(projectRoot, 'content/messages/es.json'), 'utf8')) as Record<string, string>;

describe('the Spanish contact form', () => {
  for (const javaScriptEnabled of [true, false]) {
    test(`${javaScriptEnabled ? 'with' : 'without'} JavaScript: its errors are in Spanish, and the request it sends is a Spanish ticket`, async () => {
      // The browser prefers English: the page's language decides, not the browser's.
      const page = await session.newPage({ javaScriptEnabled, locale: 'en-GB' });
      page.setDefaultTimeout(ACTION_TIMEOUT_MS);
      await page.goto('/es/contact/');
      const main = page.getByRole('main');
      if (javaScriptEnabled) await main.getByRole('button', { name: es['contact.account-emails.add'] }).waitFor(); // hydrated
      await main.getByLabel(es['contact.email.label'], { exact: true }).fill('no-es-una-direccion');
      await main.getByLabel(es['contact.description.label'], { exact: true }).fill('Corto');
      await main.getByRole('button', { name: es['contact.send'] }).click();

      const summary = main.locator('.error-summary');
      await summary.waitFor();
      await expect.poll(() => summary.innerText()).toContain(es['contact.email.error.format']);
      const text = await summary.innerText();
      expect(text).toContain(es['contact.description.error.too-short'].replace('{min}', '20'));
      expect(text).toContain(es['contact.consent.error.missing']);
      expect(text).toContain(es['contact.topic.error.missing']);
      expect(text).not.toContain('Enter your email address in the correct format');

      const story = `Mi solicitud en español ${crypto.randomUUID()}`;
      await main.getByLabel(es['contact.email.label'], { exact: true }).fill('lucia@example.com');
      await main.getByLabel(es['contact.description.label'], { exact: true }).fill(`No puedo entrar en mi cuenta. ${story}`);
      await main.getByLabel(es['contact.consent.label']).check();
      // The topics are in Spanish too (src/site.config.ts `translations`).
      await main.getByLabel(siteText('es').topicLabel('sign-in'), { exact: true }).check();
      await page.waitForTimeout(MIN_FILL_MS + 200);
      await main.getByRole('button', { name: es['contact.send'] }).click();
      await page.waitForURL(/\/es\/contact\/sent\/\?ref=HC-/);
      const row = (await storedRows(inject('dataDir'))).tickets.find((t) => t.description.endsWith(story));
      expect(row?.language).toBe('es');
    });
  }
});
