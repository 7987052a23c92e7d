// `npm run screenshots`: pictures of every page type, light and dark, at 1280 and 320 px wide, for the README and
// for reviewing the design, written to docs/screenshots/<page>-<theme>-<width>.png.
//
// It builds the site when there is no build or it is stale (as `npm start` does), serves it on a free port with a
// throwaway data folder, adds a staff account (`npm run staff -- add`) and a support request (`POST
// /api/escalations`), then drives Debian's Chromium (or CHROME_PATH). Pages are found by their addresses and links,
// never by the look of today's pages: `-- --only=home,article` takes a few, `--widths=1280` one width.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { launchBrowser } from '../harness/chromium.ts';
import { buildIfStale, startServer } from '../harness/server-process.ts';
import { getAs, runStaffCli, signIn } from '../harness/staff.ts';
import { buildIsStale } from '../src/server/build-freshness.ts';
import { site } from '../src/site.config.ts';

const root = resolve(import.meta.dirname, '..');
const OUT_DIR = 'docs/screenshots';
const THEMES = ['light', 'dark'] as const;
const WIDTHS = [1280, 320];
/** The first screen of a page, or a little more: enough to show its design, small enough to commit. */
const HEIGHT: Record<number, { viewport: number; cap: number }> = { 1280: { viewport: 800, cap: 1100 }, 320: { viewport: 640, cap: 1400 } };
const STAFF = { email: 'screenshots@example.com', name: 'Sam Agent', password: 'screenshots only, thrown away' };
const REQUEST = {
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  accountEmails: ['ada.old@example.com'],
  topic: site.topics[0].id,
  description: 'The password reset email never arrives. I tried twice this morning and checked the spam folder.',
  consent: true,
};

type Theme = (typeof THEMES)[number];

interface Options {
  only?: Set<string>;
  widths: number[];
}

function parseArgs(argv: string[]): Options {
  const options: Options = { widths: WIDTHS };
  for (const arg of argv) {
    const [name, value = ''] = arg.split('=', 2);
    if (name === '--only' && value) options.only = new Set(value.split(','));
    else if (name === '--widths' && value) options.widths = value.split(',').map(Number);
    else {
      console.log('usage: npm run screenshots [-- --only=home,article,… --widths=1280,320]');
      process.exit(name === '--help' || name === '-h' ? 0 : 2);
    }
  }
  return options;
}

/** What the pages need: a staff session and a ticket with its reference and its requester's private link. */
interface Seeded {
  cookie: { name: string; value: string };
  reference: string;
  requestPath: string;
}

async function seed(baseUrl: string, dataDir: string): Promise<Seeded> {
  const added = runStaffCli(
    dataDir,
    ['add', '--email', STAFF.email, '--name', STAFF.name, '--role', 'admin', '--password-stdin'],
    `${STAFF.password}\n`,
  );
  if (added.status !== 0) throw new Error(`npm run staff -- add failed:\n${added.stdout}${added.stderr}`);
  const created = await fetch(new URL('/api/escalations', baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: baseUrl },
    body: JSON.stringify(REQUEST),
  });
  if (created.status !== 201) throw new Error(`POST /api/escalations answered ${created.status}: ${await created.text()}`);
  const { reference } = (await created.json()) as { reference: string };
  const cookie = await signIn(baseUrl, STAFF.email, STAFF.password);
  // Without SMTP_URL the confirmation email waits in the outbox, where admins read it whole, link included.
  const outbox = await (await getAs(baseUrl, '/staff/admin/outbox', cookie)).text();
  const requestPath = new RegExp(`/requests/${reference}/\\?key=[\\w-]+`).exec(outbox)?.[0];
  if (!requestPath) throw new Error(`No link to ${reference}'s request page in the outbox`);
  const [name, value] = cookie.split(/=(.*)/s, 2);
  return { cookie: { name, value }, reference, requestPath };
}

/** The first link in the main content whose address matches, e.g. a category on the home page. */
async function firstLink(page: Page, path: string, pattern: RegExp): Promise<string> {
  await page.goto(path);
  const hrefs = await page
    .getByRole('main')
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const found = hrefs.find((href) => pattern.test(href));
  if (!found) throw new Error(`No link matching ${pattern} on ${path}`);
  return found;
}

interface Shot {
  name: string;
  path: string;
  staff?: boolean;
  /** Waits for what the page fills in after loading. */
  ready?: (page: Page) => Promise<void>;
}

/** An address on the site, with or without a language in front (`/es/articles/…`). */
const onSite = (path: string) => new RegExp(`^(/[a-z]{2}(-[a-zA-Z]+)?)?/${path}/[^/?#]+/?$`);

async function pageList(page: Page, seeded: Seeded): Promise<Shot[]> {
  const category = await firstLink(page, '/', onSite('categories'));
  const article = await firstLink(page, category, onSite('articles'));
  const flow = await firstLink(page, '/troubleshoot/', onSite('troubleshoot'));
  const query = 'password';
  return [
    { name: 'home', path: '/' },
    { name: 'category', path: category },
    { name: 'article', path: article },
    {
      name: 'search',
      path: `/search/?q=${query}`,
      ready: (p) =>
        p
          .getByRole('main')
          .getByRole('status')
          .filter({ hasText: `“${query}”` })
          .first()
          .waitFor({ timeout: 15_000 }),
    },
    { name: 'troubleshooter', path: flow },
    { name: 'contact', path: '/contact/' },
    { name: 'request', path: seeded.requestPath },
    { name: '404', path: '/this-page-does-not-exist/' },
    { name: 'staff-inbox', path: '/staff/', staff: true },
    { name: 'staff-ticket', path: `/staff/tickets/${seeded.reference}`, staff: true },
  ];
}

/** A screenshot of the page's top, at most `cap` px tall, its colours reduced to a palette to keep the file small. */
async function capture(page: Page, cap: number): Promise<Buffer> {
  const { width, height } = await page.evaluate(() => ({
    width: document.documentElement.clientWidth,
    height: document.documentElement.scrollHeight,
  }));
  const shot = await page.screenshot({
    fullPage: true,
    clip: { x: 0, y: 0, width, height: Math.min(height, cap) },
    animations: 'disabled',
    caret: 'hide',
  });
  return sharp(shot).png({ palette: true, quality: 90, compressionLevel: 9, effort: 8 }).toBuffer();
}

const options = parseArgs(process.argv.slice(2));
const started = Date.now();
const progress = (message: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

const stale = buildIsStale(root, 'content', undefined);
if (stale) {
  progress(`Building the site first (${stale}); this takes a few minutes…`);
  buildIfStale(root);
}
// A throwaway server: its own data folder, no email sent anywhere.
for (const name of ['SMTP_URL', 'INBOUND_SMTP_PORT', 'REPLY_DOMAIN', 'DATABASE_URL']) delete process.env[name];
progress('Starting the built server with a throwaway data folder…');
const server = await startServer({ postgres: false });
const browser = await launchBrowser();
let failed = false;
try {
  progress(`Server at ${server.url}; adding a staff account and a support request…`);
  const seeded = await seed(server.url, server.dataDir);
  const finder = await browser.newPage({ baseURL: server.url });
  const shots = (await pageList(finder, seeded)).filter((shot) => !options.only || options.only.has(shot.name));
  await finder.close();
  mkdirSync(resolve(root, OUT_DIR), { recursive: true });
  const total = shots.length * THEMES.length * options.widths.length;
  let done = 0;
  let bytes = 0;
  for (const shot of shots) {
    for (const theme of THEMES) {
      for (const width of options.widths) {
        const { viewport, cap } = HEIGHT[width] ?? { viewport: 800, cap: 1100 };
        const context: BrowserContext = await browser.newContext({
          baseURL: server.url,
          colorScheme: theme satisfies Theme,
          viewport: { width, height: viewport },
          reducedMotion: 'reduce',
        });
        if (shot.staff) await context.addCookies([{ ...seeded.cookie, url: server.url }]);
        const file = `${OUT_DIR}/${shot.name}-${theme}-${width}.png`;
        try {
          const page = await context.newPage();
          await page.goto(shot.path, { waitUntil: 'networkidle' });
          await shot.ready?.(page);
          await page.evaluate(() => document.fonts.ready);
          const png = await capture(page, cap);
          writeFileSync(resolve(root, file), png);
          bytes += png.length;
          progress(`${++done}/${total} ${file} (${Math.round(png.length / 1024)} KB)`);
        } catch (error) {
          failed = true;
          progress(`${++done}/${total} ${file} FAILED: ${error instanceof Error ? error.message : String(error)}`);
        } finally {
          await context.close();
        }
      }
    }
  }
  progress(`Done: ${done} pictures, ${(bytes / 1024 / 1024).toFixed(2)} MB, in ${OUT_DIR}/`);
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? error.message : String(error));
} finally {
  await browser.close();
  await server.stop();
}
process.exit(failed ? 1 : 0);
