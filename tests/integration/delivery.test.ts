import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { postJson, validSupportRequest } from '../support/support-requests.ts';
import { projectRoot } from '../../harness/project-copy.ts';
import { rawRequest, type RawResponse } from '../../harness/raw-http.ts';
import { KNOWN_ARTICLE } from '../support/site.ts';
import { createStaff, signIn } from '../../harness/staff.ts';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const clientDir = join(projectRoot, 'dist/client');

/** The directives of a policy, by name. */
function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().replace(/\s+/g, ' '))
      .filter(Boolean)
      .map((d) => [d.split(' ')[0], d]),
  );
}

describe('Content-Security-Policy of the prerendered pages', () => {
  // Every page of the build, at the address links use: `/x/` for x/index.html.
  const pages = readdirSync(clientDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => ({ file, path: `/${file.replace(/(^|\/)index\.html$/, '$1')}` }));

  it('arrives as a header with every page, before any of its content: the page’s own policy and frame-ancestors', async () => {
    expect(pages.length).toBeGreaterThan(30);
    expect(pages.map((p) => p.path)).toContain(KNOWN_ARTICLE.path);
    for (const { file, path } of pages) {
      const meta = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(readFileSync(join(clientDir, file), 'utf8'))?.[1];
      expect(meta, file).toBeDefined();
      const response = await rawRequest(`${baseUrl}${path}`);
      expect(response.status, path).toBe(200);
      const header = directives(String(response.headers['content-security-policy']));
      for (const [name, directive] of directives(meta!)) expect(header.get(name), `${path} ${name}`).toBe(directive);
      expect(header.get('frame-ancestors'), path).toBe("frame-ancestors 'none'");
    }
  });

  it('is the same without the trailing slash and as /index.html', async () => {
    const policies = await Promise.all(
      [KNOWN_ARTICLE.path, KNOWN_ARTICLE.path.slice(0, -1), `${KNOWN_ARTICLE.path}index.html`].map(
        async (path) => (await rawRequest(`${baseUrl}${path}`)).headers['content-security-policy'],
      ),
    );
    expect(policies[0]).toMatch(/script-src 'self'/);
    expect(new Set(policies).size).toBe(1);
  });

  it('comes with the 404 page too', async () => {
    const missing = await rawRequest(`${baseUrl}/articles/no-such-article-here/`);
    expect(missing.status).toBe(404);
    expect(directives(String(missing.headers['content-security-policy'])).get('script-src')).toMatch(/^script-src 'self'/);
  });

  it('sends no Strict-Transport-Security on a site whose address is http', async () => {
    expect((await rawRequest(`${baseUrl}/`)).headers['strict-transport-security']).toBeUndefined();
  });
});

describe('compression', () => {
  let staffCookie: string;
  beforeAll(async () => {
    const { email } = await createStaff(dataDir, { email: 'compression@example.com', name: 'Compression Test', role: 'agent' });
    staffCookie = await signIn(baseUrl, email);
    // Enough tickets that the inbox API's answer is worth compressing.
    for (let i = 0; i < 8; i++) expect((await postJson(baseUrl, validSupportRequest())).status).toBe(201);
  });

  const builtAsset = (pattern: RegExp) => {
    const name = readdirSync(join(clientDir, '_astro')).find((file) => pattern.test(file));
    if (!name) throw new Error(`No ${pattern} in dist/client/_astro`);
    return `/_astro/${name}`;
  };
  const decode = (response: RawResponse) => {
    const coding = response.headers['content-encoding'];
    return coding === 'br' ? brotliDecompressSync(response.body) : coding === 'gzip' ? gunzipSync(response.body) : response.body;
  };
  const cases = () => [
    { what: 'an article', path: KNOWN_ARTICLE.path, type: /^text\/html/ },
    { what: 'a CSS file', path: builtAsset(/^global\..*\.css$/), type: /^text\/css/ },
    { what: 'a JavaScript file', path: builtAsset(/^preact\.module\..*\.js$/), type: /javascript/ },
    { what: 'an on-demand page', path: `/feedback/thanks/?article=${KNOWN_ARTICLE.slug}`, type: /^text\/html/ },
    { what: 'a JSON API answer', path: '/api/staff/tickets', type: /^application\/json/ },
  ];

  it('sends each kind of text compressed when asked, the same bytes once decoded, and plain when not', async () => {
    for (const { what, path, type } of cases()) {
      const get = (acceptEncoding?: string) =>
        rawRequest(`${baseUrl}${path}`, {
          headers: { Cookie: staffCookie, ...(acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding }) },
        });
      const plain = await get();
      expect(plain.status, what).toBe(200);
      expect(plain.headers['content-type'], what).toMatch(type);
      expect(plain.headers['content-encoding'], what).toBeUndefined();
      expect(plain.headers['vary'], what).toMatch(/Accept-Encoding/i);
      expect(plain.body.length, what).toBeGreaterThan(1024);
      for (const [asked, expected] of [
        ['br, gzip', 'br'],
        ['gzip, deflate', 'gzip'],
        ['br;q=0.5, gzip', 'gzip'],
      ] as const) {
        const compressed = await get(asked);
        expect([what, asked, compressed.headers['content-encoding']]).toEqual([what, asked, expected]);
        expect(compressed.headers['vary'], what).toMatch(/Accept-Encoding/i);
        expect(compressed.body.length, what).toBeLessThan(plain.body.length * 0.6);
        expect(decode(compressed).equals(plain.body), `${what} (${asked}) decodes to the plain body`).toBe(true);
      }
      expect((await get('identity')).headers['content-encoding'], what).toBeUndefined();
    }
  });

  it('answers HEAD for a built page with the headers of the GET it stands for', async () => {
    const headers = { 'Accept-Encoding': 'br' };
    const [get, head] = await Promise.all([
      rawRequest(`${baseUrl}${KNOWN_ARTICLE.path}`, { headers }),
      rawRequest(`${baseUrl}${KNOWN_ARTICLE.path}`, { headers, method: 'HEAD' }),
    ]);
    expect(head.body.length).toBe(0);
    for (const name of ['content-encoding', 'content-length', 'content-type', 'etag', 'vary'])
      expect(head.headers[name], name).toBe(get.headers[name]);
    expect(Number(get.headers['content-length'])).toBe(get.body.length);
  });

  it('gives each encoding of a built file its own ETag, and answers a matching If-None-Match with 304', async () => {
    const url = `${baseUrl}${KNOWN_ARTICLE.path}`;
    const br = await rawRequest(url, { headers: { 'Accept-Encoding': 'br' } });
    const plain = await rawRequest(url);
    expect(br.headers['etag']).toBeDefined();
    expect(br.headers['etag']).not.toBe(plain.headers['etag']);
    const again = await rawRequest(url, { headers: { 'Accept-Encoding': 'br', 'If-None-Match': String(br.headers['etag']) } });
    expect(again.status).toBe(304);
  });
});

describe('the words browsers get', () => {
  // Islands and component scripts get their words from the page (src/i18n/island-text.ts, data attributes); a
  // script that imported the catalogue, even through another module, would carry its keys.
  it('no script sent to a browser holds the message catalogue', () => {
    const keys = Object.keys(JSON.parse(readFileSync(join(projectRoot, 'content/messages/en.json'), 'utf8')) as object);
    const scripts = readdirSync(join(clientDir, '_astro')).filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(5);
    const keysIn = (file: string) => {
      const code = readFileSync(join(clientDir, '_astro', file), 'utf8');
      return keys.filter((key) => code.includes(key));
    };
    expect(scripts.map((file) => ({ file, keys: keysIn(file) })).filter((script) => script.keys.length > 0)).toEqual([]);
  });
});
