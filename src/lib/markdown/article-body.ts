import type { MarkdownHeading } from 'astro';
import { satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import { Fragment, jsx, jsxs } from 'astro/jsx-runtime';
import { evaluate, mdxToJs, type EvaluateOptions, type MdxCompileOptions } from 'satteri';
import type { Article } from '../articles.ts';
import { articleBody } from '../article-loader.ts';
import { markAsMdxContent } from '../astro-internals.ts';
import { MARKDOWN_FEATURES } from './dialect.ts';
import { compiledInFile, lineWhereStarts, syntaxChecked } from './syntax-errors.ts';

type MdxComponents = Record<string, unknown>;
type ArticleContent = (props: { components?: MdxComponents }) => unknown;

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
  const body = await articleBody(article);
  const astro = astroData();
  const exports: Record<string, unknown> = await compiledInFile(article.filePath ?? article.id, body, () =>
    evaluate(body, { ...compileOptions(body, astro), ...astroJsxRuntime }),
  );
  const MDXContent = exports.default as (props: { components: MdxComponents }) => unknown;
  const Content: ArticleContent = (props) => MDXContent({ ...props, components: { Fragment, ...props.components } });
  markAsMdxContent(Content);
  return { Content, headings: astro.headings };
}
