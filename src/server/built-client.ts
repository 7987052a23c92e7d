import { join } from 'node:path';
import { processWide } from './process-wide.ts';

// scripts/serve.ts names the build's client folder (dist/client); `astro dev` uses the last build's, if any.
const clientSlot = processWide<string>('built-client');

export function provideBuiltClient(dir: string): void {
  clientSlot.set(dir);
}

/** The folder of the build's static files: the search index (pagefind/), the articles' Markdown. */
export function builtClientDir(): string {
  return clientSlot.get() ?? join(process.cwd(), 'dist', 'client');
}
