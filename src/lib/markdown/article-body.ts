import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MarkdownHeading } from 'astro';
import { satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import { Fragment, jsx, jsxs } from 'astro/jsx-runtime';
import { evaluate, mdxToJs, type EvaluateOptions, type MdxCompileOptions } from 'satteri';
import type { Article } from '../articles.ts';
import { markAsMdxContent } from '../astro-internals.ts';
import { MARKDOWN_FEATURES } from './dialect.ts';

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

interface AstroData {
  frontmatter: object;
  headings: MarkdownHeading[];
  localImagePaths: Set<string>;
  remoteImagePaths: Set<string>;
}

/**
 * The compiler, options and heading ids Astro's MDX integration uses, so the page's HTML is the same byte for byte.
 * `astro` collects the headings as the compiler finds them.
 */
function compileOptions(body: string, astro: AstroData) {
  return {
    features: MARKDOWN_FEATURES,
    mdastPlugins: [refuseModuleLines(body)],
    hastPlugins: [satteriHeadingIdsPlugin()],
    jsxImportSource: 'astro',
    elementAttributeNameCase: 'html',
    data: { astro },
  } satisfies MdxCompileOptions;
}

const astroData = (): AstroData => ({ frontmatter: {}, headings: [], localImagePaths: new Set(), remoteImagePaths: new Set() });

/**
 * Compiles an article's MDX body, as `npm run check:content` does, so an editor meets a syntax error in the check
 * before the build; throws an ArticleSyntaxError.
 */
export async function compileArticleBody(body: string): Promise<void> {
  await syntaxChecked(() => mdxToJs(body, { ...compileOptions(body, astroData()), outputFormat: 'function-body' }));
}

async function syntaxChecked<T>(compile: () => T): Promise<Awaited<T>> {
  try {
    return await compile();
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

// Astro's JSX runtime takes props as a record; satteri types them as unknown.
const astroJsxRuntime = { Fragment, jsx, jsxs } as Pick<EvaluateOptions, 'Fragment' | 'jsx' | 'jsxs'>;

/**
 * The article page's body, compiled when the page renders rather than imported as a module. Astro's own MDX route
 * bundles every article into the build, which costs about 0.2 MB of memory per article (bench:build); compiling
 * here keeps the build's memory flat. The editors' components render through Astro's JSX renderer.
 */
export async function renderArticleBody(article: Article): Promise<{ Content: ArticleContent; headings: MarkdownHeading[] }> {
  const body = article.body ?? '';
  const astro = astroData();
  let exports: Record<string, unknown>;
  try {
    exports = await syntaxChecked(() => evaluate(body, { ...compileOptions(body, astro), ...astroJsxRuntime }));
  } catch (error) {
    if (!(error instanceof ArticleSyntaxError)) throw error;
    // Editors count lines from the top of the file, frontmatter included.
    const file = article.filePath ?? article.id;
    const source = readFileSync(resolve(file), 'utf8');
    throw new Error(`${file}:${lineWhereStarts(source, body) - 1 + error.line}:${error.column}: ${error.reason}`);
  }
  const MDXContent = exports.default as (props: { components: MdxComponents }) => unknown;
  const Content: ArticleContent = (props) => MDXContent({ ...props, components: { Fragment, ...props.components } });
  markAsMdxContent(Content);
  return { Content, headings: astro.headings };
}
