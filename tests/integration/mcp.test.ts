// The MCP server, through the SDK's own client: over Streamable HTTP at /mcp and over stdio (`npm run mcp`).
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../../harness/project-copy.ts';
import { rawRequest } from '../../harness/raw-http.ts';
import { startServer, type ServerProcess } from '../../harness/server-process.ts';

const baseUrl = inject('baseUrl');
const TOOLS = ['contact_support_link', 'get_article', 'list_troubleshooters', 'search_help', 'troubleshooter_step'];

async function overHttp(base = baseUrl): Promise<Client> {
  const client = new Client({ name: 'signpost-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL('/mcp', base)));
  return client;
}

async function overStdio(): Promise<Client> {
  const client = new Client({ name: 'signpost-test', version: '1.0.0' });
  // The script `npm run mcp` runs, with the project's Node, on the build the test server serves.
  await client.connect(
    new StdioClientTransport({ command: process.execPath, args: ['scripts/mcp.ts'], cwd: projectRoot, stderr: 'ignore' }),
  );
  return client;
}

type ToolResult = { content: { type: string; text: string }[]; isError?: boolean };
const text = (result: unknown) => (result as ToolResult).content.map((c) => c.text).join('');
const data = <T>(result: unknown) => JSON.parse(text(result)) as T;

interface StepAnswer {
  url: string;
  step: { id: string; kind: string; title: string; text: string; choices: { id: string; label: string }[]; contactUrl?: string };
}

describe.each([
  ['Streamable HTTP', () => overHttp()],
  ['stdio', overStdio],
])('the MCP server over %s', (_, connect) => {
  let client: Client;
  beforeAll(async () => {
    client = await connect();
  });
  afterAll(() => client?.close());
  const call = (name: string, args: Record<string, unknown> = {}) => client.callTool({ name, arguments: args });

  it('lists its tools', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).toSorted()).toEqual(TOOLS);
  });

  it('searches as the search page does, with URLs, excerpts and the best section', async () => {
    const found = data<{ results: { title: string; url: string; excerpt: string; section?: { url: string } }[] }>(
      await call('search_help', { query: 'forgot pasword' }),
    );
    const first = found.results[0];
    expect(first.url).toMatch(/^https?:\/\/[^/]+\/articles\/forgot-password\/$/);
    expect(first.excerpt).not.toMatch(/<mark>/);
    expect(first.excerpt.length).toBeGreaterThan(20);
    expect(first.section?.url).toMatch(/\/articles\/forgot-password\/#[a-z0-9-]+$/);
  });

  it('reads an article as the Markdown the site serves, following old slugs', async () => {
    const served = await (await fetch(`${baseUrl}/articles/forgot-password.md`)).text();
    expect(text(await call('get_article', { slug: 'forgot-password' }))).toBe(served);
    expect(text(await call('get_article', { slug: 'reset-password' }))).toBe(served);
  });

  it('lists the troubleshooters', async () => {
    const flows = data<{ id: string; title: string; url: string }[]>(await call('list_troubleshooters'));
    expect(flows.find((f) => f.id === 'login')).toMatchObject({
      title: expect.stringMatching(/sign in/) as unknown,
      url: expect.stringMatching(/\/troubleshoot\/login\/$/) as unknown,
    });
  });

  it('walks the login troubleshooter to an escalation with the steps and choices its no-JavaScript pages show', async () => {
    // Each answer's url is that step's own page; the page shows the same step and choices, and the chosen choice's
    // link leads to the page of the step the machine reached next.
    const stepPage = async (answer: StepAnswer) => {
      const { pathname, search } = new URL(answer.url);
      const response = await fetch(new URL(`${pathname}${search}`, baseUrl));
      expect(response.status, answer.url).toBe(200);
      const section = parse(await response.text()).querySelector('.flow-step')!;
      expect(section.querySelector('h2')?.text.trim()).toBe(answer.step.title);
      return section;
    };
    const choose = ['I’m not sure which email address I signed up with', 'I still can’t find it'];
    const path: { step: string; choice: string }[] = [];
    let answer = data<StepAnswer>(await call('troubleshooter_step', { flow: 'login' }));
    for (const label of choose) {
      const links = (await stepPage(answer)).querySelectorAll('.flow-choices a');
      expect(answer.step.choices.map((c) => c.label)).toEqual(links.map((a) => a.text.trim()));
      const chosen = answer.step.choices.find((c) => c.label.replace(/'/g, '’') === label.replace(/'/g, '’'))!;
      expect(chosen, label).toBeDefined();
      path.push({ step: answer.step.id, choice: chosen.id });
      const next = data<StepAnswer>(await call('troubleshooter_step', { flow: 'login', path }));
      const nextPage = new URL(next.url);
      expect(links.find((a) => a.text.trim() === chosen.label)?.getAttribute('href')).toBe(`${nextPage.pathname}${nextPage.search}`);
      answer = next;
    }
    await stepPage(answer);
    expect(answer.step.kind).toBe('escalate');
    const contact = new URL(answer.step.contactUrl!);
    expect(contact.pathname).toBe('/contact/');
    expect(contact.searchParams.get('flow')).toBe('login');
    expect(contact.searchParams.get('path')).toBe(path.map((e) => `${e.step}:${e.choice}`).join(','));
    const link = data<{ url: string }>(await call('contact_support_link', { flow: 'login', path }));
    expect(link.url).toBe(answer.step.contactUrl);
    expect((await fetch(new URL(`${contact.pathname}${contact.search}`, baseUrl))).status).toBe(200);
  });

  it('answers in Spanish when asked: Spanish results, articles, steps and links under /es/', async () => {
    const found = data<{ results: { url: string; section?: { url: string } }[] }>(
      await call('search_help', { query: 'olvidé mi contraseña', language: 'es' }),
    );
    expect(new URL(found.results[0].url).pathname).toBe('/es/articles/forgot-password/');
    const section = new URL(found.results[0].section!.url);
    expect(section.pathname).toBe('/es/articles/forgot-password/');
    expect(section.hash).toMatch(/^#[\w%-]+$/); // a heading's id, percent-encoded like any URL's
    const served = await (await fetch(`${baseUrl}/es/articles/forgot-password.md`)).text();
    expect(text(await call('get_article', { slug: 'forgot-password', language: 'es' }))).toBe(served);

    const flows = data<{ id: string; title: string; url: string }[]>(await call('list_troubleshooters', { language: 'es' }));
    const login = flows.find((f) => f.id === 'login')!;
    expect(new URL(login.url).pathname).toBe('/es/troubleshoot/login/');
    const first = data<StepAnswer>(await call('troubleshooter_step', { flow: 'login', language: 'es' }));
    const { pathname, search } = new URL(first.url);
    expect(pathname).toMatch(/^\/es\/troubleshoot\/login\//);
    const page = parse(await (await fetch(new URL(`${pathname}${search}`, baseUrl))).text()).querySelector('.flow-step')!;
    expect(page.querySelector('h2')?.text.trim()).toBe(first.step.title);
    expect(first.step.choices.map((c) => c.label)).toEqual(page.querySelectorAll('.flow-choices a').map((a) => a.text.trim()));
    const english = data<StepAnswer>(await call('troubleshooter_step', { flow: 'login' }));
    expect(first.step.id).toBe(english.step.id);
    expect(first.step.title).not.toBe(english.step.title);

    const link = data<{ url: string }>(await call('contact_support_link', { topic: 'sign-in', language: 'es' }));
    expect(new URL(link.url).pathname).toBe('/es/contact/');

    const unknown = (await call('get_article', { slug: 'forgot-password', language: 'xx' })) as ToolResult;
    expect(unknown.isError).toBe(true);
    expect(text(unknown)).toMatch(/language/);
  });

  it('answers bad input with a clear error naming what is wrong', async () => {
    const unknownFlow = (await call('troubleshooter_step', { flow: 'no-such-flow' })) as ToolResult;
    expect(unknownFlow.isError).toBe(true);
    expect(text(unknownFlow)).toMatch(/no troubleshooter "no-such-flow".*login/);

    const impossible = (await call('troubleshooter_step', {
      flow: 'login',
      path: [{ step: 'what-is-wrong', choice: 'fly-to-the-moon' }],
    })) as ToolResult;
    expect(impossible.isError).toBe(true);
    expect(text(impossible)).toMatch(/path\[0\]: step "what-is-wrong" has no choice "fly-to-the-moon": its choices are "find-email"/);

    const outOfOrder = (await call('troubleshooter_step', {
      flow: 'login',
      path: [{ step: 'check-spam', choice: 'fixed' }],
    })) as ToolResult;
    expect(text(outOfOrder)).toMatch(/path\[0\]: the path is at step "what-is-wrong" here, not "check-spam"/);

    const oversized = (await call('search_help', { query: 'password '.repeat(30) })) as ToolResult;
    expect(oversized.isError).toBe(true);
    expect(text(oversized)).toMatch(/query/);

    const unknownArticle = (await call('get_article', { slug: 'no-such-article' })) as ToolResult;
    expect(text(unknownArticle)).toMatch(/no published article "no-such-article"/);

    const badTopic = (await call('contact_support_link', { topic: 'lottery' })) as ToolResult;
    expect(badTopic.isError).toBe(true);
    expect(text(badTopic)).toMatch(/topic/);
  });
});

describe('/mcp over HTTP: our own checks before MCP', () => {
  const initialize = JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
  });
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' };

  it('refuses a host that is neither this machine nor the public origin (DNS rebinding)', async () => {
    const url = new URL('/mcp', baseUrl);
    const response = await rawRequest(url.href, {
      method: 'POST',
      headers: { ...headers, Host: `evil.example:${url.port}` },
      body: initialize,
    });
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body.toString()).error.message).toMatch(/only at/);
  });

  it('refuses a browser request from another site, and methods other than POST', async () => {
    const crossSite = await fetch(`${baseUrl}/mcp`, {
      method: 'POST',
      headers: { ...headers, Origin: 'https://evil.example' },
      body: initialize,
    });
    expect(crossSite.status).toBe(403);
    const get = await fetch(`${baseUrl}/mcp`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  it('answers a body that is not JSON with a parse error', async () => {
    const response = await fetch(`${baseUrl}/mcp`, { method: 'POST', headers, body: '{"jsonrpc":' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: number } }).error.code).toBe(-32700);
  });
});

describe('/mcp under MCP_RATE_LIMIT=4', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({ env: { MCP_RATE_LIMIT: '4' } });
  });
  afterAll(() => server?.stop());

  it('answers a flood of calls with a clear error, then the quick answers share the budget', async () => {
    // initialize and its notification are two calls; then two tool calls fit.
    const client = await overHttp(server.url);
    await client.callTool({ name: 'list_troubleshooters', arguments: {} });
    await client.callTool({ name: 'list_troubleshooters', arguments: {} });
    await expect(client.callTool({ name: 'list_troubleshooters', arguments: {} })).rejects.toThrow(/429|Too many calls/);
    expect((await fetch(`${server.url}/api/answer?q=forgot+password`)).status).toBe(429);
    await client.close();
  });
});
