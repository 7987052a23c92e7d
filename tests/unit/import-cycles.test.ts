import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../harness/project-copy.ts';

const FOLDERS = ['src', 'scripts', 'harness', 'tests'];

/** The code of a file that may import: all of a module, or an Astro component's frontmatter and scripts. */
function importingCode(file: string): string {
  const text = readFileSync(file, 'utf8');
  if (!file.endsWith('.astro')) return text;
  const frontmatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  return [frontmatter, ...scripts].join('\n');
}

/** Each module and the modules of ours it imports (type-only imports too: they tie the files together as much). */
function importGraph(): Map<string, string[]> {
  const files = FOLDERS.flatMap((folder) =>
    readdirSync(join(projectRoot, folder), { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.(ts|tsx|mts|mjs|astro)$/.test(name))
      .map((name) => join(projectRoot, folder, name)),
  );
  const known = new Set(files);
  return new Map(
    files.map((file) => [
      file,
      ts
        .preProcessFile(importingCode(file), true, true)
        .importedFiles.map(({ fileName }) => fileName)
        .filter((specifier) => specifier.startsWith('.'))
        .map((specifier) => resolve(dirname(file), specifier))
        .filter((target) => known.has(target)),
    ]),
  );
}

/** Every import cycle a depth-first walk meets, each as the chain of files back to its first. */
function cyclesIn(graph: Map<string, string[]>): string[][] {
  const done = new Set<string>();
  const path: string[] = [];
  const cycles: string[][] = [];
  const walk = (file: string) => {
    path.push(file);
    for (const target of graph.get(file) ?? []) {
      const at = path.indexOf(target);
      if (at >= 0) cycles.push([...path.slice(at), target]);
      else if (!done.has(target)) walk(target);
    }
    path.pop();
    done.add(file);
  };
  for (const file of graph.keys()) if (!done.has(file)) walk(file);
  return cycles;
}

// A module that imports one that imports it back cannot be read, tested or moved on its own: each type lives in the
// module that owns it, and shared pieces move down, never sideways.
describe('imports', () => {
  it('form no cycle in src/, scripts/, harness/ or tests/', () => {
    const chains = cyclesIn(importGraph()).map((cycle) => cycle.map((file) => relative(projectRoot, file)).join(' → '));
    expect(chains).toEqual([]);
  });

  it('finds a cycle where there is one', () => {
    const graph = new Map([
      ['a', ['b', 'd']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', []],
    ]);
    expect(cyclesIn(graph)).toEqual([['a', 'b', 'c', 'a']]);
  });
});
