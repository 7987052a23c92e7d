// WCAG 2.x contrast for the brand colours (src/site.config.ts `brand.colors`), checked for both colour schemes against
// the backgrounds the theme puts them on (src/styles/global.css). `npm run build` and `npm run check:content` stop on
// a failure, naming the setting.
import type { SiteConfig } from '../site.config.ts';

export type Scheme = 'light' | 'dark';

/** WCAG AA: 4.5:1 for text (links are accent-coloured text; button labels sit on the accent). */
export const TEXT_CONTRAST = 4.5;

/** The backgrounds the theme declares for one colour scheme: the page (`--bg`) and the soft panels (`--bg-soft`). */
export interface Surfaces {
  bg: string;
  'bg-soft': string;
}

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** `#rgb` or `#rrggbb` as 0–255 channels. */
export function parseHex(color: string): [number, number, number] {
  if (!HEX.test(color)) throw new Error(`not a hex colour: ${color}`);
  const digits = color.length === 4 ? [...color.slice(1)].map((d) => d + d) : [color.slice(1, 3), color.slice(3, 5), color.slice(5, 7)];
  return digits.map((pair) => parseInt(pair, 16)) as [number, number, number];
}

/** Relative luminance (WCAG 2.x definition). */
export function luminance(color: string): number {
  const [r, g, b] = parseHex(color).map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio between two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** Shown rounded down, so a ratio printed as 4.5 never fails a 4.5 target. */
function formatRatio(ratio: number): string {
  return `${Math.floor(ratio * 10) / 10}:1`;
}

const CONFIG_FILE = 'src/site.config.ts';

/**
 * Every brand colour pair below WCAG AA, as one line each naming the setting, e.g.
 * `src/site.config.ts brand.colors.accent.dark: contrast 2.9:1 against #111111 (--bg) is below 4.5:1`.
 */
export function brandContrastProblems(colors: SiteConfig['brand']['colors'], surfaces: Record<Scheme, Surfaces>): string[] {
  const problems: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    const accent = colors.accent[scheme];
    for (const name of ['bg', 'bg-soft'] as const) {
      const ratio = contrastRatio(accent, surfaces[scheme][name]);
      if (ratio < TEXT_CONTRAST)
        problems.push(
          `${CONFIG_FILE} brand.colors.accent.${scheme}: contrast ${formatRatio(ratio)} against ${surfaces[scheme][name]} (--${name}, ${scheme} theme) is below ${TEXT_CONTRAST}:1`,
        );
    }
    const ratio = contrastRatio(colors.accentText[scheme], accent);
    if (ratio < TEXT_CONTRAST)
      problems.push(
        `${CONFIG_FILE} brand.colors.accentText.${scheme}: contrast ${formatRatio(ratio)} against the accent ${accent} is below ${TEXT_CONTRAST}:1`,
      );
  }
  return problems;
}

/**
 * The page and panel backgrounds of each colour scheme as global.css declares them: `--bg` and `--bg-soft` in the
 * first `:root` block (light) and in the `:root` inside `@media (prefers-color-scheme: dark)`.
 */
export function themeSurfaces(css: string, file = 'src/styles/global.css'): Record<Scheme, Surfaces> {
  const darkAt = css.search(/@media\s*\(\s*prefers-color-scheme:\s*dark\s*\)/);
  const rootBlock = (from: number) => /:root\s*\{([^}]*)\}/.exec(css.slice(from))?.[1];
  const blocks: Record<Scheme, string | undefined> = { light: rootBlock(0), dark: darkAt < 0 ? undefined : rootBlock(darkAt) };
  const read = (scheme: Scheme, name: keyof Surfaces): string => {
    const value = new RegExp(`--${name}\\s*:\\s*([^;]+);`).exec(blocks[scheme] ?? '')?.[1].trim();
    if (!value || !HEX.test(value))
      throw new Error(`${file}: no hex --${name} in the ${scheme} theme's :root; the brand contrast check needs it`);
    return value;
  };
  return {
    light: { bg: read('light', 'bg'), 'bg-soft': read('light', 'bg-soft') },
    dark: { bg: read('dark', 'bg'), 'bg-soft': read('dark', 'bg-soft') },
  };
}
