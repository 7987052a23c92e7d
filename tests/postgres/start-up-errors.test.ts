// What an operator sees when DATABASE_URL is wrong: the server does not start, and says why in one line that
// never shows the password.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { projectRoot, userEnv } from '../../harness/project-copy.ts';
import { projectNode } from '../../harness/project-node.ts';
import { testDatabaseUrl } from '../../harness/postgres.ts';

const SECRET = 'not-the-password-4711';

function serveWith(databaseUrl: string) {
  const run = spawnSync(projectNode(projectRoot), ['scripts/serve.ts'], {
    cwd: projectRoot,
    encoding: 'utf8',
    timeout: 30_000,
    env: userEnv({ DATABASE_URL: databaseUrl, PORT: '0' }),
  });
  return { status: run.status, lines: run.stderr.trim().split('\n'), output: run.stdout + run.stderr };
}

describe('start-up with a wrong DATABASE_URL', () => {
  const good = new URL(testDatabaseUrl()!);
  const variant = (change: (url: URL) => void) => {
    const url = new URL(good);
    change(url);
    return url.href;
  };

  it.each([
    ['a wrong password', (url: URL) => (url.password = SECRET), /refused user "signpost": check the user name and password/],
    ['nothing listening on the port', (url: URL) => ((url.password = SECRET), (url.port = '9')), /nothing accepts connections there/],
    ['a URL that is not PostgreSQL', (url: URL) => ((url.password = SECRET), (url.protocol = 'mysql:')), /starts with "mysql:"/],
  ])('%s: exits with one line naming the problem, without the password', (_, change, problem) => {
    const run = serveWith(variant(change));
    expect(run.status).toBe(1);
    expect(run.lines).toHaveLength(1);
    expect(run.lines[0]).toMatch(problem);
    expect(run.output).not.toContain(SECRET);
    expect(run.output).not.toContain('Help center ready');
  });

  it('a database that does not exist is named as such', () => {
    const run = serveWith(variant((url) => (url.pathname = '/no_such_db')));
    expect(run.lines).toEqual([
      `Cannot open PostgreSQL database "no_such_db" at ${good.hostname}:${good.port}: that database does not exist: create it (createdb) or fix the name in DATABASE_URL`,
    ]);
  });
});
