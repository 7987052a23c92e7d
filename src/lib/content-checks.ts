import { parseDocument, isMap, isSeq, isScalar, visit, LineCounter } from 'yaml';
import { compileArticleBody } from './markdown/article-body.ts';
import { ArticleSyntaxError } from './markdown/syntax-errors.ts';

/**
 * Checks the per-file schema cannot do: dangling `related` slugs and internal links, duplicate slugs or
 * aliases, headings that skip a level, and MDX that does not compile. Every problem names file and line.
 */
export interface SourceFile {
  path: string;
  source: string;
}

export interface Problem {
  path: string;
  line: number;
  message: string;
}

interface ArticleFacts {
  path: string;
  slug: string;
  draft: boolean;
  category?: string;
  related: { value: string; line: number }[];
  aliases: { value: string; line: number }[];
  bodyStartLine: number;
  body: string;
}

/** Pages outside articles, categories and troubleshooters that content may link to. */
export const STATIC_ROUTES = ['/', '/search/', '/troubleshoot/', '/contact/'];

export function slugOf(path: string): string {
  return path.replace(/^.*\//, '').replace(/\.mdx?$/, '');
}

export interface ContentSources {
  articles: SourceFile[];
  categoryIds: string[];
  /** `content/flows/<id>.yaml`: their steps are link targets, and their Markdown may link too. */
  flows?: SourceFile[];
}

export async function checkContent({ articles, categoryIds, flows = [] }: ContentSources): Promise<Problem[]> {
  const problems: Problem[] = [];
  const flowFacts = flows.map(readFlow);
  const flowSteps = new Map(flowFacts.map((f) => [f.id, new Set(f.steps)]));
  const facts = articles.map((file) => readFacts(file, problems));
  const bySlug = new Map<string, ArticleFacts>();
  const aliasOwner = new Map<string, ArticleFacts>();

  for (const article of facts) {
    const other = bySlug.get(article.slug);
    if (other)
      problems.push({ path: article.path, line: 1, message: `duplicate slug "${article.slug}": ${other.path} has the same file name` });
    else bySlug.set(article.slug, article);
  }
  for (const article of facts) {
    for (const alias of article.aliases) {
      const clash = bySlug.get(alias.value) ?? aliasOwner.get(alias.value);
      if (clash) {
        const what = bySlug.has(alias.value) ? 'an article slug' : 'an alias';
        problems.push({ path: article.path, line: alias.line, message: `alias "${alias.value}" is already ${what} in ${clash.path}` });
      } else {
        aliasOwner.set(alias.value, article);
      }
    }
  }

  const categories = new Set(categoryIds);
  for (const article of facts) {
    if (article.category !== undefined && !categories.has(article.category)) {
      problems.push({ path: article.path, line: 1, message: `category "${article.category}" is not defined in categories.yaml` });
    }
    for (const related of article.related) {
      const target = bySlug.get(related.value);
      if (!target) problems.push({ path: article.path, line: related.line, message: `related article "${related.value}" does not exist` });
      else if (target.draft && !article.draft)
        problems.push({
          path: article.path,
          line: related.line,
          message: `related article "${related.value}" is a draft and will not be published`,
        });
      else if (target === article)
        problems.push({ path: article.path, line: related.line, message: 'an article cannot be related to itself' });
    }
    for (const link of internalLinks(article.body)) {
      const line = article.bodyStartLine + link.line;
      const problem = checkLink(link.href, { bySlug, aliasOwner, categories, flowSteps, fromDraft: article.draft });
      if (problem) problems.push({ path: article.path, line, message: problem });
    }
    problems.push(...headingProblems(article));
    const syntax = await syntaxProblem(article);
    if (syntax) problems.push(syntax);
  }
  for (const flow of flowFacts) {
    for (const link of flow.links) {
      const problem = checkLink(link.href, { bySlug, aliasOwner, categories, flowSteps, fromDraft: false });
      if (problem) problems.push({ path: flow.path, line: link.line, message: problem });
    }
  }
  return problems.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
}

function readFacts(file: SourceFile, problems: Problem[]): ArticleFacts {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(file.source);
  const facts: ArticleFacts = {
    path: file.path,
    slug: slugOf(file.path),
    draft: false,
    related: [],
    aliases: [],
    bodyStartLine: 1,
    body: file.source,
  };
  if (!match) {
    problems.push({ path: file.path, line: 1, message: 'missing frontmatter (a block between --- lines at the top)' });
    return facts;
  }
  facts.body = file.source.slice(match[0].length);
  facts.bodyStartLine = match[0].split('\n').length;
  const lineCounter = new LineCounter();
  const doc = parseDocument(match[1], { lineCounter });
  if (doc.errors.length) {
    const error = doc.errors[0];
    problems.push({
      path: file.path,
      line: 1 + (error.linePos?.[0].line ?? 1),
      message: `frontmatter is not valid YAML: ${error.message.split('\n')[0]}`,
    });
    return facts;
  }
  if (!isMap(doc.contents)) return facts;
  const list = (key: string) => {
    const node = doc.get(key, true);
    if (!isSeq(node)) return [];
    return node.items.flatMap((item) =>
      isScalar(item) && typeof item.value === 'string'
        ? [{ value: item.value, line: 1 + lineCounter.linePos(item.range?.[0] ?? 0).line }]
        : [],
    );
  };
  facts.related = list('related');
  facts.aliases = list('aliases');
  facts.draft = doc.get('draft') === true;
  const category = doc.get('category');
  if (typeof category === 'string') facts.category = category;
  return facts;
}

interface LinkContext {
  bySlug: Map<string, ArticleFacts>;
  aliasOwner: Map<string, ArticleFacts>;
  categories: Set<string>;
  flowSteps: Map<string, Set<string>>;
  fromDraft: boolean;
}

function checkLink(href: string, ctx: LinkContext): string | undefined {
  const path = href.replace(/[?#].*$/, '');
  const normalized = path.endsWith('/') ? path : `${path}/`;
  const article = /^\/articles\/([^/]+)\/$/.exec(normalized);
  if (article) {
    const target = ctx.bySlug.get(article[1]);
    if (target) return target.draft && !ctx.fromDraft ? `link to "${href}" points to a draft article` : undefined;
    const owner = ctx.aliasOwner.get(article[1]);
    if (owner) return `link to "${href}" uses an old alias; link to /articles/${owner.slug}/ instead`;
    return `link to "${href}" points to no article`;
  }
  const category = /^\/categories\/([^/]+)\/$/.exec(normalized);
  if (category) return ctx.categories.has(category[1]) ? undefined : `link to "${href}" points to no category`;
  const flow = /^\/troubleshoot\/([^/]+)\/$/.exec(normalized);
  if (flow) {
    const steps = ctx.flowSteps.get(flow[1]);
    if (!steps) return `link to "${href}" points to no troubleshooter`;
    const step = /#(.+)$/.exec(href)?.[1];
    return step && !steps.has(step) ? `link to "${href}" points to no step of that troubleshooter` : undefined;
  }
  if (path === '' || STATIC_ROUTES.includes(normalized)) return undefined;
  return `link to "${href}" points to no page of the help center`;
}

/** Site-relative links in Markdown `[text](/x)` and JSX/HTML `href="/x"` form, with 0-based line numbers. */
export function internalLinks(body: string): { href: string; line: number }[] {
  const links: { href: string; line: number }[] = [];
  let inFence = false;
  body.split('\n').forEach((text, line) => {
    if (/^\s*(```|~~~)/.test(text)) inFence = !inFence;
    if (inFence) return;
    for (const m of text.matchAll(/\]\((\/[^)\s]*)(?:\s+"[^"]*")?\)|href=["'](\/[^"']*)["']/g)) {
      const href = m[1] ?? m[2];
      if (!href.startsWith('//')) links.push({ href, line });
    }
  });
  return links;
}

async function syntaxProblem(article: ArticleFacts): Promise<Problem | undefined> {
  try {
    await compileArticleBody(article.body);
  } catch (error) {
    if (!(error instanceof ArticleSyntaxError)) throw error;
    return { path: article.path, line: article.bodyStartLine + error.line - 1, message: error.reason };
  }
}

function headingProblems(article: ArticleFacts): Problem[] {
  const problems: Problem[] = [];
  let previous = 1; // the page's own h1 is the title
  let inFence = false;
  article.body.split('\n').forEach((text, index) => {
    if (/^\s*(```|~~~)/.test(text)) inFence = !inFence;
    const heading = inFence ? null : /^(#{1,6})\s+\S/.exec(text);
    if (!heading) return;
    const depth = heading[1].length;
    const line = article.bodyStartLine + index;
    if (depth === 1) {
      problems.push({ path: article.path, line, message: 'use ## for top-level sections: the title is already the page heading (h1)' });
    } else if (depth > previous + 1) {
      problems.push({
        path: article.path,
        line,
        message: `heading level skips from h${previous} to h${depth}; use ${'#'.repeat(previous + 1)}`,
      });
    }
    previous = depth;
  });
  return problems;
}

/** A flow file's step ids and the site links in its Markdown fields, with 1-based file lines. */
function readFlow(file: SourceFile): { id: string; path: string; steps: string[]; links: { href: string; line: number }[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(file.source, { lineCounter });
  const stepList = doc.get('steps', true);
  const steps = isSeq(stepList)
    ? stepList.items.flatMap((item) => (isMap(item) && typeof item.get('id') === 'string' ? [item.get('id') as string] : []))
    : [];
  const links: { href: string; line: number }[] = [];
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value !== 'string' || !node.range) return;
      // Block scalars start on the line after their indicator (`|`).
      const first = lineCounter.linePos(node.range[0]).line + (/^[|>]/.test(node.source ?? '') || node.type?.startsWith('BLOCK') ? 1 : 0);
      for (const link of internalLinks(node.value)) links.push({ href: link.href, line: first + link.line });
    },
  });
  return { id: slugOf(file.path).replace(/\.ya?ml$/, ''), path: file.path, steps, links };
}
