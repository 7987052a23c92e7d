import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MarkdownHeading } from 'astro';
import { satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import { Fragment, jsx, jsxs } from 'astro/jsx-runtime';
import { mdxToJs } from 'satteri';
import type { Article } from './articles.ts';

type MdxComponents = Record<string, unknown>;
type ArticleContent = (props: { components?: MdxComponents }) => unknown;

/** MDX the compiler rejects, at a line and column counted from the start of the body. */
export class ArticleSyntaxError extends Error {
  readonly line: number;
  readonly column: number;
  readonly reason: string;
  constructor(line: number, column: number, reason: string) {
    super(`${line}:${column}: ${reason}`);
    this.line = line;
    this.column = column;
    this.reason = reason;
  }
}

/**
 * An article's MDX body compiled to a function body, with the compiler, options and heading ids Astro's MDX
 * integration uses, so the page's HTML is the same byte for byte. The page (below) and `npm run check:content`
 * both compile through here, so an editor meets a syntax error in the check before the build.
 */
export async function compileArticleBody(body: string): Promise<{ code: string; headings: MarkdownHeading[] }> {
  const astro = {
    frontmatter: {},
    headings: [] as MarkdownHeading[],
    localImagePaths: new Set<string>(),
    remoteImagePaths: new Set<string>(),
  };
  try {
    const { code } = await mdxToJs(body, {
      outputFormat: 'function-body',
      features: { gfm: true, smartPunctuation: true },
      mdastPlugins: [refuseModuleLines(body)],
      hastPlugins: [satteriHeadingIdsPlugin()],
      jsxImportSource: 'astro',
      elementAttributeNameCase: 'html',
      data: { astro },
    });
    return { code, headings: astro.headings };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /^(\d+):(\d+): /.exec(message);
    if (!position) throw new ArticleSyntaxError(1, 1, message);
    const reason = message.slice(position[0].length).replace(/ \(\d+:\d+\)/, '');
    throw new ArticleSyntaxError(Number(position[1]), Number(position[2]), reason);
  }
}

/** The 1-based line of `text` on which `part` first starts. */
const lineWhereStarts = (text: string, part: string) => text.slice(0, Math.max(0, text.indexOf(part))).split('\n').length;

/**
 * Compiled as a function body, an `import` would quietly bind nothing and fail later with an unhelpful message;
 * the editors' components need no import (docs/editing.md), so a module line is an error at its line.
 */
function refuseModuleLines(body: string) {
  return {
    name: 'refuse-module-lines',
    mdxjsEsm(node: { value: string }) {
      const line = lineWhereStarts(body, node.value);
      const [keyword] = node.value.trim().split(/\s/, 1);
      throw new Error(`${line}:1: "${keyword}" lines are not supported in articles; the components in docs/editing.md need no import`);
    },
  };
}

/**
 * The article page's body, compiled when the page renders rather than imported as a module. Astro's own MDX route
 * bundles every article into the build, which costs about 0.2 MB of memory per article (bench:build); compiling
 * here keeps the build's memory flat. The editors' components render through Astro's JSX renderer.
 */
export async function renderArticleBody(article: Article): Promise<{ Content: ArticleContent; headings: MarkdownHeading[] }> {
  const body = article.body ?? '';
  let compiled: Awaited<ReturnType<typeof compileArticleBody>>;
  try {
    compiled = await compileArticleBody(body);
  } catch (error) {
    if (!(error instanceof ArticleSyntaxError)) throw error;
    // Editors count lines from the top of the file, frontmatter included.
    const file = article.filePath ?? article.id;
    const source = readFileSync(resolve(file), 'utf8');
    throw new Error(`${file}:${lineWhereStarts(source, body) - 1 + error.line}:${error.column}: ${error.reason}`);
  }
  const { default: MDXContent } = new Function(compiled.code)({ Fragment, jsx, jsxs }) as {
    default: (props: { components: MdxComponents }) => unknown;
  };
  const Content: ArticleContent = (props) => MDXContent({ ...props, components: { Fragment, ...props.components } });
  // What @astrojs/mdx marks its compiled modules with, so Astro hands the component to its JSX renderer.
  Object.defineProperties(Content, {
    [Symbol.for('mdx-component')]: { value: true },
    [Symbol.for('astro:renderer')]: { value: 'astro:jsx' },
  });
  return { Content, headings: compiled.headings };
}
