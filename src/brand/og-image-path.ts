// Where a page's Open Graph image is. The pictures themselves are drawn after Astro, by `npm run build`
// (scripts/build/og-images.ts), from what each built page's <head> names: so this module never loads sharp.
import { site } from '../site.config.ts';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;
/** The folder of the built site the pictures go to. */
export const OG_DIR = 'og';
/** The help center's own picture: every page but a prerendered article shows it. */
export const SITE_OG_IMAGE = `/${OG_DIR}/site.png`;
/** A PNG of the light logo for home screens (made by the build too). */
export const APPLE_TOUCH_ICON = '/apple-touch-icon.png';

export interface OgImage {
  path: string;
  width: number;
  height: number;
  alt: string;
}

/**
 * A prerendered article gets a picture of its own (its title, the help center's name and logo), at its own path
 * under /og/ (`/articles/a-slug/` → `/og/articles/a-slug.png`); other pages share the help center's.
 */
export function ogImageFor({ path, article, fullTitle }: { path: string; article: boolean; fullTitle: string }): OgImage {
  const own = path.replace(/^\/+|\/+$/g, '');
  return article && own
    ? { path: `/${OG_DIR}/${own}.png`, width: OG_WIDTH, height: OG_HEIGHT, alt: fullTitle }
    : { path: SITE_OG_IMAGE, width: OG_WIDTH, height: OG_HEIGHT, alt: site.helpCenterName };
}
