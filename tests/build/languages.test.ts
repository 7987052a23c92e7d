import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { astroBin, copyProject, runNode } from '../../harness/project-copy.ts';

// A translation may change words only, and every language needs every word: the build says which file and what.
describe('translations that do not match their source fail the build', () => {
  let project: ReturnType<typeof copyProject>;
  beforeAll(() => {
    project = copyProject();
  });
  afterAll(() => project?.remove());

  const run = (...args: string[]) => runNode(project.dir, args);
  /** Changes a file of the copy for one check, putting it back after. */
  const withChanged = <T>(path: string, change: (text: string) => string, check: () => T): T => {
    const file = join(project.dir, path);
    const original = readFileSync(file, 'utf8');
    const changed = change(original);
    expect(changed).not.toBe(original);
    writeFileSync(file, changed);
    try {
      return check();
    } finally {
      writeFileSync(file, original);
    }
  };

  it('a translated troubleshooter whose choice leads elsewhere, naming file, line and step', () => {
    const text = readFileSync(join(project.dir, 'content/es/flows/login.yaml'), 'utf8');
    // The first choice of the first step, rewired to the second choice's target.
    const targets = [...text.matchAll(/^ {8}next: (\S+)$/gm)];
    const line = text.slice(0, targets[0].index).split('\n').length;
    const { status, output } = withChanged(
      'content/es/flows/login.yaml',
      (t) => t.replace(targets[0][0], `        next: ${targets[1][1]}`),
      () => run(astroBin, 'sync'),
    );
    expect(status).not.toBe(0);
    expect(output).toMatch(
      new RegExp(`content/es/flows/login\\.yaml:\\d+:\\d+: step "what-is-wrong": the source has choice "${targets[0][1]}"`),
    );
    expect(line).toBeGreaterThan(1);
  });

  it('a translated troubleshooter that drops a step', () => {
    const { status, output } = withChanged(
      'content/es/flows/login.yaml',
      (t) => t.replace(/^ {2}- id: signed-out-help\n(?: {4}.*\n|\n)*/m, ''),
      () => run(astroBin, 'sync'),
    );
    expect(status).not.toBe(0);
    expect(output).toContain('step "signed-out-help" of the source is missing');
    expect(output).toContain('content/es/flows/login.yaml');
  });

  it('a message missing from a language, naming the language and the key, before Astro runs', () => {
    const { status, output } = withChanged(
      'content/messages/es.json',
      (t) => t.replace(/^ {2}"breadcrumbs\.home": .*\n/m, ''),
      () => run('scripts/build.ts'),
    );
    expect(status).not.toBe(0);
    expect(output).toContain('content/messages/es.json:1: language "es" is missing key "breadcrumbs.home"');
    expect(output).not.toContain('[build]');
  });
});
