// The deployment the README's "Behind a proxy" section describes, done as it says: a copy of the project built with
// SITE_URL=https://help.example.com, served with TRUST_PROXY=1, and requests carrying exactly what its nginx snippet
// sends. The same build has an article whose title tries to break out of the page's JSON-LD.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validSupportRequest, validFormFields } from '../support/support-requests.ts';
import { copyProject } from '../../harness/project-copy.ts';
import { rawRequest } from '../../harness/raw-http.ts';
import { buildIfStale, startServer, type ServerProcess } from '../../harness/server-process.ts';
import { KNOWN_ARTICLE } from '../support/site.ts';
import { createStaff, STAFF_PASSWORD } from '../../harness/staff.ts';

const SITE_URL = 'https://help.example.com';
const HOSTILE_TITLE = 'I forgot my password</script><script>alert(1)</script>';

let project: ReturnType<typeof copyProject>;
let server: ServerProcess;

beforeAll(() => {
  project = copyProject();
  const dir = join(project.dir, 'content/articles/account-access');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'hostile-title.mdx'),
    `---\ntitle: '${HOSTILE_TITLE}'\ndescription: An article whose title holds markup, as an editor might paste by mistake.\ncategory: account-access\nupdated: 2026-11-02\naliases: [hostile-title-old]\n---\n\nBody.\n`,
  );
  buildIfStale(project.dir, { SITE_URL });
}, 240_000);
afterAll(() => project?.remove());

/** What the README's nginx snippet sends for a browser at `client`: Host kept, the scheme, the client's address. */
function fromBrowserThroughProxy(client: string, origin = SITE_URL): Record<string, string> {
  return { Host: 'help.example.com', 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': client, 'X-Real-IP': client, Origin: origin };
}

const FORM = 'application/x-www-form-urlencoded';
const post = (path: string, contentType: string, body: string, headers: Record<string, string>) =>
  rawRequest(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Type': contentType, ...headers }, body });

/** Staff sign-in, the no-JavaScript contact form, the article feedback form and a JSON support request, from one client. */
async function everyKindOfPost(client: string, origin?: string) {
  const headers = fromBrowserThroughProxy(client, origin);
  return {
    signIn: await post(
      '/staff/login',
      FORM,
      new URLSearchParams({ email: 'proxy@example.com', password: STAFF_PASSWORD }).toString(),
      headers,
    ),
    contactForm: await post('/api/escalations', FORM, new URLSearchParams(validFormFields()).toString(), headers),
    feedbackForm: await post(
      '/api/feedback',
      FORM,
      new URLSearchParams({ article: KNOWN_ARTICLE.slug, helpful: 'yes' }).toString(),
      headers,
    ),
    json: await post('/api/escalations', 'application/json', JSON.stringify(validSupportRequest()), headers),
  };
}

describe(`built with SITE_URL=${SITE_URL}, served with TRUST_PROXY=1 behind a TLS proxy`, () => {
  beforeAll(async () => {
    server = await startServer({ root: project.dir, env: { SITE_URL, TRUST_PROXY: '1', ESCALATION_RATE_LIMIT: '2' } });
    await createStaff(server.dataDir, { email: 'proxy@example.com', name: 'Proxy Test', role: 'agent' });
  });
  afterAll(() => server?.stop());

  it('accepts staff sign-in, the contact form, the feedback form and a JSON post from the site itself', async () => {
    const answers = await everyKindOfPost('198.51.100.10');
    expect([answers.signIn.status, answers.signIn.headers.location]).toEqual([303, '/staff/']);
    expect(answers.contactForm.status).toBe(303);
    expect(answers.contactForm.headers.location).toMatch(/^\/contact\/sent\/\?ref=/);
    expect(answers.feedbackForm.status).toBe(303);
    expect(answers.feedbackForm.headers.location).toMatch(/^\/feedback\/thanks\//);
    expect(answers.json.status).toBe(201);
  });

  it('still refuses each of them from another site', async () => {
    const answers = await everyKindOfPost('198.51.100.11', 'https://elsewhere.example');
    for (const [name, answer] of Object.entries(answers)) expect([name, answer.status]).toEqual([name, 403]);
  });

  it('counts two readers behind the one proxy apart, by the address the proxy gives', async () => {
    const send = (client: string) =>
      post('/api/escalations', 'application/json', JSON.stringify(validSupportRequest()), fromBrowserThroughProxy(client));
    const first = [];
    for (let i = 0; i < 3; i++) first.push((await send('198.51.100.20')).status);
    expect(first).toEqual([201, 201, 429]);
    expect((await send('198.51.100.21')).status).toBe(201);
  });

  it('tells browsers to use https only', async () => {
    const page = await rawRequest(`${server.url}/`, { headers: fromBrowserThroughProxy('198.51.100.12') });
    expect(page.headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it('keeps a hostile article title inside its JSON-LD, on the article and behind its old address', async () => {
    const old = await rawRequest(`${server.url}/articles/hostile-title-old/`);
    expect([old.status, old.headers.location]).toEqual([301, '/articles/hostile-title/']);
    const page = await rawRequest(`${server.url}/articles/hostile-title/`);
    expect(page.status).toBe(200);
    const html = page.body.toString();
    // An HTML parser ends a script element at the first `</script`, whatever the JSON inside means.
    const jsonLd = /<script type="application\/ld\+json">([\s\S]*?)<\/script/i.exec(html)?.[1] ?? '';
    const breadcrumbs = JSON.parse(jsonLd) as { itemListElement: { name: string }[] };
    expect(breadcrumbs.itemListElement.at(-1)?.name).toBe(HOSTILE_TITLE);
    // Outside attribute values (og:title holds the title as text, which is harmless), no script element of its own.
    expect(html.replace(/="[^"]*"/g, '=""').includes('<script>alert(1)'), 'the title made a script element').toBe(false);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
  });
});

describe('without TRUST_PROXY', () => {
  beforeAll(async () => {
    server = await startServer({ root: project.dir, env: { SITE_URL, ESCALATION_RATE_LIMIT: '2' } });
  });
  afterAll(() => server?.stop());

  it('counts a client by its connection, whatever X-Forwarded-For it makes up', async () => {
    const statuses = [];
    for (const forged of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) {
      const headers = { ...fromBrowserThroughProxy(forged), 'X-Forwarded-Host': 'help.example.com' };
      statuses.push((await post('/api/escalations', 'application/json', JSON.stringify(validSupportRequest()), headers)).status);
    }
    expect(statuses).toEqual([201, 201, 429]);
  });
});

describe('a run-time SITE_URL other than the build’s', () => {
  it('is refused by `npm run serve`, which says to rebuild', async () => {
    await expect(startServer({ root: project.dir, env: { SITE_URL: 'https://support.example.com' } })).rejects.toThrow(
      'Rebuild first: the build in dist/ was made for SITE_URL=https://help.example.com, but the server is started for SITE_URL=https://support.example.com. Run `SITE_URL=https://support.example.com npm run build`',
    );
    await expect(startServer({ root: project.dir })).rejects.toThrow('but the server is started without SITE_URL. Run `npm run build`');
  });
});
