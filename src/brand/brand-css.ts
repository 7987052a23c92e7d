// The brand colours (src/site.config.ts `brand.colors`) as the theme's custom properties, for both colour schemes.
// Pages get them as `virtual:brand.css` (imported by the layouts after global.css), so they are bundled into the
// page's stylesheet: no extra request, nothing inline for the Content-Security-Policy to allow.
import type { SiteConfig } from '../site.config.ts';

export const BRAND_CSS_MODULE = 'virtual:brand.css';

export function brandCss(colors: SiteConfig['brand']['colors']): string {
  const vars = (scheme: 'light' | 'dark') => `--accent: ${colors.accent[scheme]}; --accent-fg: ${colors.accentText[scheme]};`;
  return `:root { ${vars('light')} }\n@media (prefers-color-scheme: dark) { :root { ${vars('dark')} } }\n`;
}

/** A Vite plugin serving `virtual:brand.css` from the given colours. */
export function brandCssPlugin(colors: SiteConfig['brand']['colors']) {
  const resolved = `\0${BRAND_CSS_MODULE}`;
  return {
    name: 'signpost-brand-css',
    resolveId: (id: string) => (id === BRAND_CSS_MODULE ? resolved : undefined),
    load: (id: string) => (id === resolved ? brandCss(colors) : undefined),
  };
}
