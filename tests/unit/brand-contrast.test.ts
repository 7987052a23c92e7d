import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { brandContrastProblems, contrastRatio, themeSurfaces } from '../../src/brand/contrast.ts';
import { site } from '../../src/site.config.ts';

const surfaces = {
  light: { bg: '#ffffff', 'bg-soft': '#f3f5f8' },
  dark: { bg: '#111111', 'bg-soft': '#1c222b' },
};
const good = { accent: { light: '#0b5cad', dark: '#7db8f5' }, accentText: { light: '#ffffff', dark: '#0d1117' } };

describe('brand colour contrast (WCAG AA)', () => {
  it('computes the WCAG ratio', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('accepts colours with enough contrast in both schemes', () => {
    expect(brandContrastProblems(good, surfaces)).toEqual([]);
  });

  it('names the setting, the ratio and the background of a dark accent too dim for the dark theme', () => {
    const problems = brandContrastProblems({ ...good, accent: { ...good.accent, dark: '#3a4f9a' } }, surfaces);
    expect(problems).toContain(
      'src/site.config.ts brand.colors.accent.dark: contrast 2.4:1 against #111111 (--bg, dark theme) is below 4.5:1',
    );
  });

  it('fails a light accent too pale for white, and button text that does not stand out from the accent', () => {
    const problems = brandContrastProblems({ accent: { ...good.accent, light: '#7db8f5' }, accentText: good.accentText }, surfaces);
    expect(problems.some((p) => p.startsWith('src/site.config.ts brand.colors.accent.light: contrast'))).toBe(true);
    expect(problems.some((p) => p.startsWith('src/site.config.ts brand.colors.accentText.light: contrast'))).toBe(true);
  });

  it('reads the backgrounds of both schemes from the theme, and the demo brand passes against them', () => {
    const theme = themeSurfaces(readFileSync('src/styles/global.css', 'utf8'));
    expect(theme.light.bg).toMatch(/^#/);
    expect(theme.dark.bg).not.toBe(theme.light.bg);
    expect(brandContrastProblems(site.brand.colors, theme)).toEqual([]);
  });

  it('says which background it could not find', () => {
    expect(() => themeSurfaces(':root { --bg: #fff; --bg-soft: #eee; }')).toThrow(/no hex --bg in the dark theme/);
  });
});
