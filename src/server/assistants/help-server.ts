/**
 * The help center as an MCP server (read-only): search, articles as Markdown, the troubleshooters walked on their
 * compiled machines, and a prefilled link to the contact form. One per request over HTTP (src/pages/mcp.ts), one
 * for the process over stdio (`npm run mcp`); each gives its own way of reaching the index and the build's files.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'astro/zod';
import type { Catalog } from '../../lib/catalog.ts';
import { CONTACT_PATH } from '../../lib/contact-form.ts';
import { browserIds } from '../../lib/browsers.ts';
import { browserLabel } from '../../lib/component-props.ts';
import { flowHref } from '../../lib/links.ts';
import { absoluteLinks } from '../../lib/markdown/absolute-links.ts';
import { answerArticles, sectionMatch } from '../../search/quick-answer.ts';
import { MAX_QUERY_LENGTH, type Search } from '../../search/search.ts';
import { site, topicIds } from '../../site.config.ts';
import type { PathEntry } from '../../troubleshooter/compile.ts';
import { exitsOf } from '../../troubleshooter/flow-model.ts';
import type { FlowFile, Step } from '../../troubleshooter/flow-schema.ts';
import { formatPathParam } from '../../troubleshooter/path-param.ts';
import { walkFlow } from '../../troubleshooter/walk.ts';
import { stemmer } from 'stemmer';

export interface HelpCenter {
  /** The public origin the links point to (SITE_URL). */
  origin: string;
  search: Search;
  catalog(): Promise<Catalog>;
  /** A published article's Markdown document (`/articles/<slug>.md`); undefined when the build has none. */
  articleMarkdown(slug: string): Promise<string | undefined>;
}

const MAX_RESULTS = 10;
const MAX_PATH = 200;

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'use the id as listed: lowercase words joined by hyphens' })
  .max(80);
const pathSchema = z
  .array(z.strictObject({ step: id, choice: id }))
  .max(MAX_PATH)
  .default([])
  .describe('The path so far, from the start: each step where a choice was made and the choice, as [{step, choice}]');

const json = (value: unknown) => ({ content: [{ type: 'text' as const, text: JSON.stringify(value, null, 2) }] });

/** A search excerpt as plain text: Pagefind marks the matched words and escapes angle brackets. */
const plainExcerpt = (excerpt: string) =>
  excerpt
    .replace(/<\/?mark>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

export function createHelpServer(center: HelpCenter): McpServer {
  const server = new McpServer({ name: site.helpCenterName, version: '1.0.0' });
  const url = (path: string) => `${center.origin}${path}`;

  const flowById = async (flowId: string): Promise<FlowFile> => {
    const { flows } = await center.catalog();
    const flow = flows[flowId];
    if (!flow)
      throw new Error(`There is no troubleshooter "${flowId}". list_troubleshooters lists them: ${Object.keys(flows).join(', ')}.`);
    return flow;
  };
  const walked = (flowId: string, flow: FlowFile, path: PathEntry[]): Step => {
    const result = walkFlow(flowId, flow, path);
    if ('problem' in result) throw new Error(`path[${result.problem.index}]: ${result.problem.message}.`);
    return result.step;
  };
  const contactUrl = (topic: string | undefined, flowId?: string, path: PathEntry[] = []) => {
    const params = new URLSearchParams();
    if (topic) params.set('topic', topic);
    if (flowId) params.set('flow', flowId);
    if (path.length) params.set('path', formatPathParam(path));
    return url(`${CONTACT_PATH}${params.size ? `?${params}` : ''}`);
  };

  server.registerTool(
    'search_help',
    {
      title: 'Search the help center',
      description: `Searches ${site.helpCenterName} as its search page does (typos corrected, everyday words understood). Returns the best articles and troubleshooters with their URLs, an excerpt and, for articles, the section that matches best.`,
      inputSchema: {
        query: z.string().trim().min(1).max(MAX_QUERY_LENGTH).describe('What the person asks, in their words'),
        limit: z.number().int().min(1).max(MAX_RESULTS).default(5).describe('How many results, at most'),
      },
    },
    async ({ query, limit }) => {
      const [outcome, catalog] = await Promise.all([center.search({ query, limit }), center.catalog()]);
      const articles = answerArticles(catalog);
      const stems = outcome.words.map(stemmer);
      const results = outcome.hits.map((hit) => {
        const best = articles
          .get(hit.url)
          ?.sections.map((section) => ({ section, match: sectionMatch(section, stems) }))
          .filter((s) => s.match > 0 && s.section.anchor)
          .sort((a, b) => b.match - a.match)[0]?.section;
        return {
          title: hit.title,
          url: url(hit.url),
          kind: hit.kind,
          ...(hit.category ? { category: hit.category } : {}),
          excerpt: plainExcerpt(hit.excerpt),
          ...(best ? { section: { heading: best.heading, url: url(`${hit.url}#${best.anchor}`) } } : {}),
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
      inputSchema: { slug: id.describe('The article slug, as in /articles/<slug>/ (search_help gives the URLs)') },
    },
    async ({ slug }) => {
      const { articles } = await center.catalog();
      const article = articles.find((a) => a.id === slug) ?? articles.find((a) => a.aliases.includes(slug));
      const markdown = article && (await center.articleMarkdown(article.id));
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
    },
    async () => {
      const { flows } = await center.catalog();
      return json(
        Object.entries(flows).map(([flowId, flow]) => ({
          id: flowId,
          title: flow.title,
          description: flow.description,
          url: url(flowHref(flowId)),
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
      inputSchema: { flow: id.describe('The troubleshooter id, from list_troubleshooters'), path: pathSchema },
    },
    async ({ flow: flowId, path }) => {
      const flow = await flowById(flowId);
      const step = walked(flowId, flow, path);
      const text = (markdown: string | undefined) => (markdown ? absoluteLinks(markdown, center.origin) : '');
      return json({
        flow: flowId,
        url: url(flowHref(flowId, step.id)),
        step: {
          id: step.id,
          kind: step.kind,
          title: step.title,
          text: text(step.body),
          variants: browserIds.flatMap((browser) =>
            step.variants?.[browser] ? [{ browser, label: browserLabel(browser), text: text(step.variants[browser]) }] : [],
          ),
          choices: exitsOf(step).map(({ id: choice, label }) => ({ id: choice, label })),
          ...(step.kind === 'outcome'
            ? { result: step.result, ...(step.link ? { link: { label: step.link.label, url: url(step.link.href) } } : {}) }
            : {}),
          ...(step.kind === 'escalate' ? { contactUrl: contactUrl(step.topic, flowId, path) } : {}),
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
      },
    },
    async ({ topic, flow: flowId, path }) => {
      if (path.length && !flowId) throw new Error('path needs flow: name the troubleshooter the path was taken in.');
      let topicOfStep: string | undefined;
      if (flowId) {
        const step = walked(flowId, await flowById(flowId), path);
        topicOfStep = step.kind === 'escalate' ? step.topic : undefined;
      }
      return json({
        url: contactUrl(topic ?? topicOfStep, flowId, path),
        note: 'The person opens this link, checks the form and sends it; no ticket exists until they do.',
      });
    },
  );

  return server;
}

/** Reads the articles' Markdown documents from a build's static files (`<clientDir>/articles/<slug>.md`). */
export function builtArticleMarkdown(clientDir: string): HelpCenter['articleMarkdown'] {
  // Slugs reach here checked against the catalog, so the path stays inside the folder.
  return (slug) => readFile(join(clientDir, 'articles', `${slug}.md`), 'utf8').catch(() => undefined);
}
