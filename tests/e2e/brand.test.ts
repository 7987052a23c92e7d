import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { site } from '../../src/site.config.ts';
import { siteUrl, useBrowser } from '../support/browser.ts';
import { KNOWN_ARTICLE } from '../support/site.ts';

const session = useBrowser();

describe('brand', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the header shows the ${colorScheme} logo beside the help center's name, which names the link once (${colorScheme} colour scheme)`, async () => {
      const page = await session.newPage({ colorScheme });
      await page.goto('/');
      const home = page.getByRole('banner').getByRole('link', { name: site.helpCenterName, exact: true });
      const logo = home.locator('img');
      await logo.evaluate((img: HTMLImageElement) => img.decode());
      expect(await logo.getAttribute('alt')).toBe('');
      expect(await logo.isVisible()).toBe(true);
      const shown = await logo.evaluate((img: HTMLImageElement) => ({ src: new URL(img.currentSrc).pathname, width: img.naturalWidth }));
      expect(shown).toEqual({ src: site.brand.logo[colorScheme], width: 32 });
    });
  }

  test('an article shares as a 1200 × 630 PNG of its own, described, as a large card', async () => {
    const page = await session.newPage();
    await page.goto(KNOWN_ARTICLE.path);
    const meta = (selector: string) => page.locator(`head meta[${selector}]`).getAttribute('content');
    const image = new URL((await meta('property="og:image"'))!);
    expect(image.pathname).toBe(`/og${KNOWN_ARTICLE.path.replace(/\/$/, '')}.png`);
    expect(await meta('property="og:image:alt"')).toContain(KNOWN_ARTICLE.title);
    expect(await meta('name="twitter:card"')).toBe('summary_large_image');

    const response = await fetch(siteUrl(image.pathname));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    const { format, width, height } = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    expect({ format, width, height }).toEqual({ format: 'png', width: 1200, height: 630 });
  });

  test('other pages share the help center picture, and the home-screen icon is a PNG', async () => {
    const page = await session.newPage();
    await page.goto('/contact/');
    const image = new URL((await page.locator('head meta[property="og:image"]').getAttribute('content'))!);
    for (const path of [image.pathname, await page.locator('head link[rel="apple-touch-icon"]').getAttribute('href')]) {
      const response = await fetch(siteUrl(path!));
      expect(response.status, path!).toBe(200);
      expect((await sharp(Buffer.from(await response.arrayBuffer())).metadata()).format).toBe('png');
    }
  });
});
