/**
 * What must exist once per process although two copies of its module run in it. scripts/serve.ts imports src/ as
 * TypeScript, while the routes run from the server bundle Astro builds (dist/server), which carries its own copy
 * of each src/ module they use: a module-level variable would exist once per copy. A registered symbol
 * (`Symbol.for`) is the same in both copies, and so is a slot on globalThis under it. Astro 7.3.5 has no public
 * way for the process that starts its handler to hand values to the bundle's modules: `locals` reach a request's
 * route, not the modules under it, nor the command-line scripts that share these modules.
 */

/** The same symbol in every copy of a module, e.g. to mark objects one copy makes for the other. */
export function processWideKey(name: string): symbol {
  return Symbol.for(`signpost.${name}`);
}

/** A value slot every copy of a module in this process shares. */
export function processWide<T>(name: string): { get(): T | undefined; set(value: T): void; delete(): void } {
  const key = processWideKey(name);
  const slots = globalThis as unknown as Record<symbol, T | undefined>;
  return {
    get: () => slots[key],
    set: (value) => {
      slots[key] = value;
    },
    delete: () => {
      delete slots[key];
    },
  };
}
