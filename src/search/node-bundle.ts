/**
 * Pagefind's browser bundle of one language (`dist/client/pagefind/<lang>/`) run inside Node, with no HTTP server: for the server-rendered
 * search page and for commands that serve no HTTP at all.
 *
 * Pagefind 1.6 only builds indexes from Node; the generated `pagefind.js` does search in Node, but fetches its files
 * with the global `fetch` (a `file://` base fails), and a start that fails (a missing or broken file) rejects a
 * promise nobody awaits, which ends the process whatever the caller catches. So:
 * - the script runs in a `node:vm` context of its own whose `fetch` reads the bundle's files from disk, leaving the
 *   process's `fetch` alone;
 * - everything the start reads (entry, metadata, WebAssembly) is read and checked here first, then served from
 *   memory, so once the checks pass the start cannot fail; a bundle that is missing or incomplete is a
 *   {@link SearchUnavailableError} naming what is wrong, and nothing of Pagefind has run.
 * The bundle must hold one language (one bundle per language): `createInstance` ignores the language asked for.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import vm from 'node:vm';
import { gunzipSync } from 'node:zlib';
import type { PagefindInstance, PagefindModule } from './pagefind-api.ts';
import { bundlePath } from './bundle-path.ts';

/** Search cannot answer: no index, an incomplete one, or one that stopped reading. The message says which. */
export class SearchUnavailableError extends Error {
  override name = 'SearchUnavailableError';
}

/** Every Pagefind file starts with this once un-gzipped. */
const SIGNATURE = 'pagefind_dcd';

interface Entry {
  version: string;
  languages: Record<string, { hash: string; wasm?: string; page_count: number }>;
}

/** Reads, checks and starts the bundle in `dir` for `language`. */
export async function loadPagefindBundle(dir: string, language: string): Promise<PagefindInstance> {
  const root = resolve(dir);
  // Where the bundle is served from in the browser; the Node copy uses the same paths.
  const BASE_PATH = bundlePath(language);
  const files = await checkedStartFiles(root, language);
  const script = files.get('pagefind.js')!.toString('utf8');
  const fetchFromDisk = async (input: string | URL): Promise<Response> => {
    const name = String(input).split('?')[0];
    if (!name.startsWith(BASE_PATH)) return new Response(null, { status: 404 });
    const relative = name.slice(BASE_PATH.length);
    const inMemory = files.get(relative);
    if (inMemory) return new Response(new Uint8Array(inMemory));
    const path = resolve(root, relative);
    if (!path.startsWith(root + sep)) return new Response(null, { status: 404 });
    try {
      return new Response(new Uint8Array(await readFile(path)));
    } catch {
      return new Response(null, { status: 404 });
    }
  };
  const context = vm.createContext({
    fetch: fetchFromDisk,
    Response,
    TextDecoder,
    TextEncoder,
    URL,
    console,
    setTimeout,
    clearTimeout,
  });
  const module = new vm.Script(asScript(script), { filename: join(root, 'pagefind.js') }).runInContext(context) as PagefindModule;
  const instance = module.createInstance({ basePath: BASE_PATH, noWorker: true });
  await instance.init();
  return instance;
}

/**
 * `pagefind.js` is an ES module; `vm.Script` runs scripts (modules in `vm` need an experimental flag). Its one
 * `import.meta.url` use only guesses the base path, which is given; its one `export` becomes the script's value.
 */
function asScript(source: string): string {
  const exported = /export\s*\{([^}]*)\}\s*;?\s*$/.exec(source);
  if (!exported) throw new SearchUnavailableError('pagefind.js does not end with the export list this code reads');
  const members = exported[1]
    .split(',')
    .map((part) => part.trim().split(/\s+as\s+/))
    .map(([local, name = local]) => `${JSON.stringify(name)}: ${local}`);
  return `${source.slice(0, exported.index).replaceAll('import.meta.url', 'undefined')}\n({ ${members.join(', ')} });`;
}

/** The files Pagefind reads to start, each checked; keyed by their path inside the bundle. */
async function checkedStartFiles(root: string, language: string): Promise<Map<string, Buffer>> {
  const read = async (name: string, what: string) => {
    try {
      return await readFile(join(root, name));
    } catch {
      throw new SearchUnavailableError(`The search index has no ${what} (${join(root, name)}). Build the site: npm run build.`);
    }
  };
  const files = new Map<string, Buffer>();
  const entryFile = await read('pagefind-entry.json', 'entry file');
  let entry: Entry;
  try {
    entry = JSON.parse(entryFile.toString('utf8')) as Entry;
  } catch {
    throw new SearchUnavailableError(`The search index's pagefind-entry.json in ${root} is not valid JSON. Build the site again.`);
  }
  const languages = Object.keys(entry.languages ?? {});
  const index = entry.languages?.[language];
  if (!index || languages.length !== 1) {
    throw new SearchUnavailableError(
      `The search index in ${root} holds the languages [${languages.join(', ')}]; this search needs exactly one, "${language}".`,
    );
  }
  const script = await read('pagefind.js', 'pagefind.js');
  const scriptVersion = /pagefind_version\s*=\s*"([^"]+)"/.exec(script.toString('utf8'))?.[1];
  if (scriptVersion !== entry.version) {
    throw new SearchUnavailableError(
      `The search index in ${root} is from Pagefind ${entry.version} but its pagefind.js is ${scriptVersion ?? 'unknown'}. Build the site again.`,
    );
  }
  const metaName = `pagefind.${index.hash}.pf_meta`;
  const wasmName = `wasm.${index.wasm ?? 'unknown'}.pagefind`;
  const meta = await read(metaName, 'metadata file');
  const wasm = await read(wasmName, 'WebAssembly file');
  unpacked(meta, metaName, root);
  if (!WebAssembly.validate(new Uint8Array(unpacked(wasm, wasmName, root)))) {
    throw new SearchUnavailableError(`The search index's ${wasmName} in ${root} is not valid WebAssembly. Build the site again.`);
  }
  for (const folder of ['index', 'fragment']) {
    const path = join(root, folder);
    if (!existsSync(path) || readdirSync(path).length === 0) {
      throw new SearchUnavailableError(`The search index in ${root} has no ${folder}/ files. Build the site again.`);
    }
  }
  files.set('pagefind-entry.json', entryFile);
  files.set('pagefind.js', script);
  files.set(metaName, meta);
  files.set(wasmName, wasm);
  return files;
}

/** The content of a gzipped Pagefind file after its signature; a file that is not one is an error. */
function unpacked(file: Buffer, name: string, root: string): Buffer {
  let data: Buffer;
  try {
    data = file.subarray(0, SIGNATURE.length).toString('latin1') === SIGNATURE ? file : gunzipSync(file);
  } catch {
    data = Buffer.alloc(0);
  }
  if (data.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) {
    throw new SearchUnavailableError(`The search index's ${name} in ${root} is damaged. Build the site again.`);
  }
  return data.subarray(SIGNATURE.length);
}
