/**
 * The help center as an MCP server (read-only): search, articles as Markdown, the troubleshooters walked on their
 * compiled machines, and a prefilled link to the contact form. One per request over HTTP (src/pages/mcp.ts), one
 * for the process over stdio (`npm run mcp`); each gives its own way of reaching the index and the build's files.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'astro/zod';
import { defaultLanguage, localizedPath } from '../../i18n/languages.ts';
import type { Catalog } from '../../lib/catalog.ts';
import { CONTACT_PATH } from '../../lib/contact-form.ts';
import { articleMarkdownHref, flowHref, flowStepHref } from '../../lib/links.ts';
import { absoluteLinks } from '../../lib/markdown/absolute-links.ts';
import { answerArticles, bestSection } from '../../search/quick-answer.ts';
import { queryLanguage } from '../../search/query-language.ts';
import { MAX_QUERY_LENGTH, type SearchOutcome, type SearchRequest } from '../../search/search.ts';
import { languageCodes, site, topicIds } from '../../site.config.ts';
import type { PathEntry } from '../../troubleshooter/compile.ts';
import { followPath } from '../../troubleshooter/follow-path.ts';
import { formatPath, MAX_PATH_ENTRIES } from '../../troubleshooter/path-param.ts';
import type { PreparedFlow, PreparedStep } from '../../troubleshooter/prepare.ts';
import { refParts } from '../../troubleshooter/walk.ts';

export interface HelpCenter {
  /** The public origin the links point to (SITE_URL). */
  origin: string;
  /** Searches the pages of one language, as its search page does. */
  search(request: SearchRequest, language: string): Promise<SearchOutcome>;
  catalog(): Promise<Catalog>;
  /**
   * A published article's Markdown document in a language (`/articles/<slug>.md`, `/es/articles/<slug>.md`);
   * undefined when the build has none (an untranslated article has none in that language).
   */
  articleMarkdown(slug: string, language: string): Promise<string | undefined>;
}

const MAX_RESULTS = 10;

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'use the id as listed: lowercase words joined by hyphens' })
  .max(80);
/** A step as the path names it: its id, or `<flow>/<step>` in a flow the troubleshooter handed over to. */
const stepRef = z
  .string()
  .regex(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)?[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'use the step id as given: lowercase words joined by hyphens, `<flow>/<step>` in a flow handed over to',
  })
  .max(160);
const pathSchema = z
  .array(z.strictObject({ step: stepRef, choice: id }))
  .max(MAX_PATH_ENTRIES)
  .default([])
  .describe('The path so far, from the start: each step where a choice was made and the choice, as [{step, choice}]');

/** Every tool answers in one of the site's languages: its pages, words and links in that language. */
const languageSchema = z
  .enum(languageCodes)
  .default(defaultLanguage.code)
  .describe(
    `The language to answer in, as the person writes: ${languageCodes.join(', ')} (default ${defaultLanguage.code}). An article or step not translated yet comes in ${defaultLanguage.name}.`,
  );

const json = (value: unknown) => ({ content: [{ type: 'text' as const, text: JSON.stringify(value, null, 2) }] });

/** A search excerpt as plain text: Pagefind marks the matched words and escapes angle brackets. */
const plainExcerpt = (excerpt: string) =>
  excerpt
    .replace(/<\/?mark>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

export function createHelpServer(center: HelpCenter): McpServer {
  const server = new McpServer({ name: site.helpCenterName, version: '1.0.0' });
  const url = (path: string, language: string) => `${center.origin}${localizedPath(path, language)}`;

  /** The troubleshooters as readers of `language` walk them, and the files their words come from. */
  const troubleshootersIn = async (language: string) => {
    const { walks, walksIn, flows, flowsIn } = await center.catalog();
    const local = walksIn[language] ?? walks;
    return { walks: local, fileOf: (flowId: string) => flowsIn[language]?.[flowId] ?? flows[flowId] };
  };
  const walkById = async (flowId: string, language: string) => {
    const { walks, fileOf } = await troubleshootersIn(language);
    const walk = walks[flowId];
    if (!walk)
      throw new Error(`There is no troubleshooter "${flowId}". list_troubleshooters lists them: ${Object.keys(walks).join(', ')}.`);
    return { walk, fileOf };
  };
  const walked = (walk: PreparedFlow, path: PathEntry[]): PreparedStep => {
    const result = followPath(walk, path);
    if ('problem' in result) throw new Error(`path[${result.problem.index}]: ${result.problem.message}.`);
    return walk.steps.find((s) => s.id === result.step)!;
  };
  const contactUrl = (language: string, topic: string | undefined, flowId?: string, path: PathEntry[] = []) => {
    const params = new URLSearchParams();
    if (topic) params.set('topic', topic);
    if (flowId) params.set('flow', flowId);
    if (path.length) params.set('path', formatPath(path));
    return url(`${CONTACT_PATH}${params.size ? `?${params}` : ''}`, language);
  };

  server.registerTool(
    'search_help',
    {
      title: 'Search the help center',
      description: `Searches ${site.helpCenterName} as its search page does (typos corrected, everyday words understood). Returns the best articles and troubleshooters with their URLs, an excerpt and, for articles, the section that matches best.`,
      inputSchema: {
        query: z.string().trim().min(1).max(MAX_QUERY_LENGTH).describe('What the person asks, in their words'),
        limit: z.number().int().min(1).max(MAX_RESULTS).default(5).describe('How many results, at most'),
        language: languageSchema,
      },
    },
    async ({ query, limit, language }) => {
      const [outcome, catalog] = await Promise.all([center.search({ query, limit }, language), center.catalog()]);
      const articles = answerArticles(catalog, language);
      const rules = queryLanguage(language);
      const stems = outcome.words.map((word) => rules.stem(word));
      const results = outcome.hits.map((hit) => {
        // Among the sections with a heading to link to, the best that holds any of the words.
        const found = bestSection(articles.get(hit.url)?.sections.filter((section) => section.anchor) ?? [], stems, rules);
        const best = found && found.match > 0 ? found.section : undefined;
        return {
          title: hit.title,
          url: `${center.origin}${hit.url}`,
          kind: hit.kind,
          ...(hit.category ? { category: hit.category } : {}),
          excerpt: plainExcerpt(hit.excerpt),
          ...(best ? { section: { heading: best.heading, url: new URL(`${hit.url}#${best.anchor}`, center.origin).href } } : {}),
        };
      });
      return json({
        query,
        ...(outcome.correctedQuery ? { searchedFor: outcome.correctedQuery } : {}),
        match: outcome.match,
        results,
        ...(outcome.match === 'exact'
          ? {}
          : { note: 'No page holds every word; these come closest. A troubleshooter or contact_support_link may help.' }),
      });
    },
  );

  server.registerTool(
    'get_article',
    {
      title: 'Read an article',
      description:
        'An article as Markdown (steps as numbered lists, per-browser instructions as subsections, links absolute). Old slugs are followed.',
      inputSchema: {
        slug: id.describe('The article slug, as in /articles/<slug>/ (search_help gives the URLs)'),
        language: languageSchema,
      },
    },
    async ({ slug, language }) => {
      const { articles } = await center.catalog();
      const article = articles.find((a) => a.id === slug) ?? articles.find((a) => a.aliases.includes(slug));
      const markdown =
        article &&
        ((await center.articleMarkdown(article.id, language)) ?? (await center.articleMarkdown(article.id, defaultLanguage.code)));
      if (!markdown) throw new Error(`There is no published article "${slug}". search_help finds articles by what they are about.`);
      return { content: [{ type: 'text', text: markdown }] };
    },
  );

  server.registerTool(
    'list_troubleshooters',
    {
      title: 'List the troubleshooters',
      description:
        'The guided troubleshooters: each walks a stuck person step by step to a fix or to support. Walk one with troubleshooter_step.',
      inputSchema: { language: languageSchema },
    },
    async ({ language }) => {
      const { walks } = await troubleshootersIn(language);
      return json(
        Object.values(walks).map((walk) => ({
          id: walk.id,
          title: walk.title,
          description: walk.description,
          url: url(flowHref(walk.id), language),
        })),
      );
    },
  );

  server.registerTool(
    'troubleshooter_step',
    {
      title: 'Take a troubleshooter step',
      description:
        'The step a troubleshooter is at after the choices made so far (none: its first step): the step text, per-browser variants, and the choices to offer the person. Pass each choice made back in path, in order, to go on. An escalate step ends in the contact form (contactUrl); an outcome step ends the flow.',
      inputSchema: {
        flow: id.describe('The troubleshooter id, from list_troubleshooters'),
        path: pathSchema,
        language: languageSchema,
      },
    },
    async ({ flow: flowId, path, language }) => {
      const { walk, fileOf } = await walkById(flowId, language);
      const step = walked(walk, path);
      // The step's own words as Markdown, from the file of the flow that holds it (a sub-flow's, after a hand-over).
      const source = fileOf(step.flow).steps.find((s) => s.id === refParts(flowId, step.id).step)!;
      const text = (markdown: string | undefined) => (markdown ? absoluteLinks(markdown, center.origin) : '');
      return json({
        flow: flowId,
        url: url(flowStepHref(flowId, step.id, formatPath(path)), language),
        step: {
          id: step.id,
          kind: step.kind,
          title: step.title,
          text: text(source.kind === 'flow' ? undefined : source.body),
          variants: step.variants.map(({ browser, label }) => ({
            browser,
            label,
            text: text(source.kind === 'flow' ? undefined : source.variants?.[browser]),
          })),
          // An automatic step is offered as a question: the assistant cannot see the person's browser or device.
          choices: step.exits.map(({ id: choice, label }) => ({ id: choice, label })),
          ...(step.kind === 'outcome'
            ? { result: step.result, ...(step.link ? { link: { label: step.link.label, url: `${center.origin}${step.link.href}` } } : {}) }
            : {}),
          ...(step.kind === 'escalate' ? { contactUrl: contactUrl(language, step.topic, flowId, path) } : {}),
        },
        path,
      });
    },
  );

  server.registerTool(
    'contact_support_link',
    {
      title: 'Link to the contact form',
      description:
        'A link to the contact form, filled in with the topic and the troubleshooter path taken, for the person to open, complete and send. It creates no ticket: only the person sending the form does.',
      inputSchema: {
        topic: z
          .enum(topicIds)
          .optional()
          .describe(`What the request is about: ${site.topics.map((t) => `${t.id} (${t.label})`).join(', ')}`),
        flow: id.optional().describe('The troubleshooter the person walked, if any'),
        path: pathSchema,
        language: languageSchema,
      },
    },
    async ({ topic, flow: flowId, path, language }) => {
      if (path.length && !flowId) throw new Error('path needs flow: name the troubleshooter the path was taken in.');
      let topicOfStep: string | undefined;
      if (flowId) {
        const step = walked((await walkById(flowId, language)).walk, path);
        topicOfStep = step.kind === 'escalate' ? step.topic : undefined;
      }
      return json({
        url: contactUrl(language, topic ?? topicOfStep, flowId, path),
        note: 'The person opens this link, checks the form and sends it; no ticket exists until they do.',
      });
    },
  );

  return server;
}

/** Reads the articles' Markdown documents from a build's static files (`<clientDir>/[<lang>/]articles/<slug>.md`). */
export function builtArticleMarkdown(clientDir: string): HelpCenter['articleMarkdown'] {
  // Slugs and languages reach here checked against the catalog and the site's languages, so the path stays inside.
  return (slug, language) => readFile(join(clientDir, localizedPath(articleMarkdownHref(slug), language)), 'utf8').catch(() => undefined);
}
