import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { copyProject, runNode } from '../../harness/project-copy.ts';
import { startServer } from '../../harness/server-process.ts';

// An operator who picks a brand colour readers cannot read learns it from `npm run build`, with the setting named.
describe('a brand colour without enough contrast stops the build', () => {
  let project: ReturnType<typeof copyProject>;
  beforeAll(() => {
    project = copyProject();
    const config = join(project.dir, 'src/site.config.ts');
    const source = readFileSync(config, 'utf8');
    const dimmed = source.replace(/(accent: \{ light: '#[0-9a-fA-F]+', dark: )'#[0-9a-fA-F]+'/, "$1'#3a4f9a'");
    expect(dimmed).not.toBe(source);
    writeFileSync(config, dimmed);
  });
  afterAll(() => project?.remove());

  const run = (script: string) => runNode(project.dir, [script]);

  it('before Astro runs, naming the setting, the ratio and the background', () => {
    const { status, output } = run('scripts/build.ts');
    expect(status).toBe(1);
    expect(output).toMatch(
      /src\/site\.config\.ts brand\.colors\.accent\.dark: contrast \d+(\.\d)?:1 against #[0-9a-f]+ \(--bg, dark theme\) is below 4\.5:1/,
    );
    expect(output).not.toContain('[build]');
  });

  it('in the content check too', () => {
    const { status, output } = run('scripts/check-content.ts');
    expect(status).toBe(1);
    expect(output).toContain('src/site.config.ts brand.colors.accent.dark: contrast');
  });
});

// The brand's colours reach every page's stylesheet, for both colour schemes, whatever the theme's defaults are.
describe('the brand colours', () => {
  let project: ReturnType<typeof copyProject>;
  beforeAll(() => {
    project = copyProject();
    const config = join(project.dir, 'src/site.config.ts');
    const source = readFileSync(config, 'utf8');
    const purple = source.replace(
      /accent: \{ light: '#[0-9a-fA-F]+', dark: '#[0-9a-fA-F]+' \}/,
      "accent: { light: '#6b21a8', dark: '#d8b4fe' }",
    );
    expect(purple).not.toBe(source);
    writeFileSync(config, purple);
  });
  afterAll(() => project?.remove());

  it('are in the built CSS, the dark one for the dark colour scheme', () => {
    // The whole build (search index and all), which the server below needs.
    const build = runNode(project.dir, ['scripts/build.ts']);
    expect(build.status, build.output).toBe(0);
    const assets = join(project.dir, 'dist/client/_astro');
    const css = readdirSync(assets)
      .filter((name) => name.endsWith('.css'))
      .map((name) => readFileSync(join(assets, name), 'utf8'))
      .join('\n');
    expect(css).toMatch(/:root\s*\{[^}]*--accent:\s*#6b21a8/);
    expect(css).toMatch(/prefers-color-scheme:\s*dark\)\s*\{\s*:root\s*\{[^}]*--accent:\s*#d8b4fe/);
  });

  // The staff console links its stylesheets rather than bundling them: they must carry the brand too.
  it('reach the staff console, after its theme defaults', async () => {
    const server = await startServer({ root: project.dir });
    try {
      const page = parse(await (await fetch(`${server.url}/staff/login`)).text());
      const sheets = await Promise.all(
        page
          .querySelectorAll('link[rel="stylesheet"]')
          .map(async (link) => (await fetch(new URL(link.getAttribute('href')!, server.url))).text()),
      );
      const accents = sheets.map((css) => [...css.matchAll(/--accent:\s*(#[0-9a-f]+)/gi)].map((m) => m[1]));
      // The last light and dark values the cascade meets are the brand's.
      expect(accents.flat().slice(-2)).toEqual(['#6b21a8', '#d8b4fe']);
    } finally {
      await server.stop();
    }
  });
});
