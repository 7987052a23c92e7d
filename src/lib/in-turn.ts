/**
 * `fn` over `items` one after another, results in order. For work over every article at build time (compiling its
 * body, say): started all at once, each article's syntax trees would be alive together, and they set the peak memory
 * of the build (bench:build), for no speed, as the compiling shares one thread anyway.
 */
export async function inTurn<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const item of items) results.push(await fn(item));
  return results;
}
