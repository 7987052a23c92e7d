/**
 * The one place the article pipeline relies on what Astro does but does not document, checked against astro 7.3.5
 * and @astrojs/mdx 8.0. tests/unit/astro-internals.test.ts fails, saying what changed, when an upgrade breaks it.
 */

/**
 * Marks a function that returns Astro JSX (an article body compiled at render time, src/lib/markdown/article-body.ts)
 * the way @astrojs/mdx marks the MDX modules it compiles, so Astro hands it to the JSX renderer @astrojs/mdx
 * registers ("astro:jsx"). Astro 7 offers no public way to do so. Unmarked, Astro would ask each renderer in turn
 * whether it can render the function (Preact's first, running the whole body once per renderer asked).
 * `mdx-component` adds @astrojs/mdx's hint to errors an editors' component throws.
 */
export function markAsMdxContent(component: (props: never) => unknown): void {
  Object.defineProperties(component, {
    [Symbol.for('mdx-component')]: { value: true },
    [Symbol.for('astro:renderer')]: { value: 'astro:jsx' },
  });
}
