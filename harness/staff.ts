// Staff accounts and signed-in requests for tests that run against a server (integration, e2e, benchmarks).
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { migrateToLatest } from '../src/server/db/connection.ts';
import { openServerDatabase, serverDatabaseUrl } from './server-database.ts';
import { addStaff } from '../src/server/staff/accounts.ts';
import { projectRoot } from './project-copy.ts';
import { projectNode } from './project-node.ts';

export const STAFF_PASSWORD = 'correct horse battery staple';

export interface TestAccount {
  email: string;
  name: string;
  role: 'agent' | 'admin';
  password?: string;
}

/** Adds an account to the database in `dataDir` through the db module (a second connection, as the CLI makes). */
export async function createStaff(dataDir: string, account: TestAccount): Promise<{ id: string; email: string; password: string }> {
  const db = openServerDatabase(dataDir);
  try {
    await migrateToLatest(db);
    const password = account.password ?? STAFF_PASSWORD;
    const result = await addStaff(db, { ...account, password }, null);
    if (!result.ok) throw new Error(`createStaff(${account.email}): ${result.message}`);
    return { id: result.account.id, email: account.email, password };
  } finally {
    await db.destroy();
  }
}

/** Runs `npm run staff -- …` (scripts/staff.ts) against `dataDir`, with `input` on standard input. */
export function runStaffCli(dataDir: string, args: string[], input = ''): SpawnSyncReturns<string> {
  return spawnSync(projectNode(projectRoot), ['scripts/staff.ts', ...args], {
    cwd: projectRoot,
    input,
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: serverDatabaseUrl(dataDir) ?? '' },
  });
}

/** Posts the sign-in form as a browser on the site would (same Origin); redirects are not followed. */
export function postSignIn(baseUrl: string, email: string, password: string, headers: Record<string, string> = {}): Promise<Response> {
  return postForm(baseUrl, '/staff/login', undefined, { email, password }, headers);
}

/** The `name=value` of the session cookie a response sets (for a Cookie header), or undefined. */
export function sessionCookieOf(response: Response): string | undefined {
  const cookie = response.headers.getSetCookie().find((c) => /^(__Host-)?signpost_staff=./.test(c));
  return cookie?.split(';')[0];
}

/** The `name=value` of the device cookie a sign-in sets (for a Cookie header), or undefined. */
export function deviceCookieOf(response: Response): string | undefined {
  const cookie = response.headers.getSetCookie().find((c) => /^(__Host-)?signpost_device=./.test(c));
  return cookie?.split(';')[0];
}

/** Signs in and returns the Cookie header value for the new session; throws when sign-in fails. */
export async function signIn(baseUrl: string, email: string, password = STAFF_PASSWORD): Promise<string> {
  const response = await postSignIn(baseUrl, email, password);
  const cookie = sessionCookieOf(response);
  if (response.status !== 303 || !cookie) throw new Error(`Sign-in as ${email} failed: ${response.status}`);
  return cookie;
}

/** GET with a session cookie (or none); redirects are not followed, so a redirect to sign-in is visible. */
export function getAs(baseUrl: string, path: string, cookie?: string): Promise<Response> {
  return fetch(new URL(path, baseUrl), { headers: cookie ? { Cookie: cookie } : {}, redirect: 'manual' });
}

/** A plain form post from the site itself (same Origin), with a session cookie or none. */
export function postForm(
  baseUrl: string,
  path: string,
  cookie: string | undefined,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(new URL(path, baseUrl), {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: baseUrl,
      ...(cookie ? { Cookie: cookie } : {}),
      ...headers,
    },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

/** The text of a staff page's error summary, or '' when there is none. */
export async function errorSummary(response: Response): Promise<string> {
  const html = await response.text();
  return (
    /<div class="error-summary"[^>]*>([\s\S]*?)<\/div>\s*<\/div>/
      .exec(html)?.[1]
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim() ?? ''
  );
}
