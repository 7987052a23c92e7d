// PostgreSQL for the integration tests: the shared test database .ci/run provides, scratch databases beside it,
// and private clusters a test may stop and start without disturbing the tests that share the CI cluster.
import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client, escapeIdentifier, escapeLiteral } from 'pg';
import { freeLoopbackPort } from './free-port.ts';

const execFileAsync = promisify(execFile);
const DEBIAN_VERSIONS_DIR = '/usr/lib/postgresql';

/** `TEST_DATABASE_URL` (set by .ci/run), or undefined when the tests run against SQLite only. */
export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL?.trim() || undefined;
}

export interface ScratchDatabase {
  /** `adminUrl` with this database's name as its path. */
  url: string;
  /** Drops the database, ending any sessions still connected to it. */
  drop(): Promise<void>;
}

/** Creates an empty database on `adminUrl`'s server, as its role (which needs CREATEDB); `label` names it for humans. */
export async function createScratchDatabase(adminUrl: string, label: string): Promise<ScratchDatabase> {
  // 63 bytes is PostgreSQL's limit for names: "signpost_" + 30 + "_" + 12 fits.
  const safeLabel = label
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .slice(0, 30);
  const name = `signpost_${safeLabel}_${randomBytes(6).toString('hex')}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${escapeIdentifier(name)}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: () => dropDatabase(adminUrl, name),
  };
}

/**
 * DROP DATABASE … WITH (FORCE) as a role that is not a superuser. PostgreSQL (15 at least) counts an autovacuum worker
 * busy in the database as a session of another role and refuses with 42501 rather than stopping it; the worker is
 * gone a moment later, so the drop is tried again for up to ten seconds.
 */
async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${escapeIdentifier(name)} WITH (FORCE)`));
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '42501' || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

export interface PrivateCluster {
  /** Database `signpost`, owned by role `signpost` (LOGIN CREATEDB), on 127.0.0.1. */
  url: string;
  /** Fast shutdown: open connections are terminated and new ones refused until `start()`. */
  stop(): Promise<void>;
  /** Starts the stopped server again, on the same port. */
  start(): Promise<void>;
  /** Stops the server if it runs and deletes its files. */
  destroy(): Promise<void>;
}

/** A throwaway PostgreSQL server of its own in a temporary folder, running and ready for `url`. */
export async function startPrivateCluster(): Promise<PrivateCluster> {
  const bindir = postgresBindir();
  // The server refuses to run as root, so as root the cluster belongs to the postgres user Debian's package creates.
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'signpost-pg-'));
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'postgres.log');
  let running = false;

  const runBinary = (name: string, args: string[]) => {
    const [file, fileArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bindir, name), ...args]] : [join(bindir, name), args];
    return execFileAsync(file, fileArgs, { cwd: dir });
  };
  const start = async () => {
    try {
      await runBinary('pg_ctl', ['start', '-w', '-D', dataDir, '-l', logFile]);
    } catch (error) {
      const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '(no log)';
      throw new Error(`PostgreSQL in ${dir} did not start: ${(error as Error).message}\n${log}`, { cause: error });
    }
    running = true;
  };
  const stop = async () => {
    await runBinary('pg_ctl', ['stop', '-m', 'fast', '-w', '-D', dataDir]);
    running = false;
  };
  const destroy = async () => {
    try {
      if (running) await stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  try {
    const superuserPassword = randomBytes(16).toString('hex');
    const password = randomBytes(16).toString('hex');
    writeFileSync(join(dir, 'superuser-password'), `${superuserPassword}\n`);
    if (asRoot) await execFileAsync('chown', ['-R', 'postgres:', dir]);
    // --no-sync and fsync=off: nothing here has to survive a crash of the machine.
    const initdbOptions = ['-U', 'postgres', '-A', 'scram-sha-256', `--pwfile=${join(dir, 'superuser-password')}`];
    await runBinary('initdb', ['-D', dataDir, ...initdbOptions, '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync', '--no-instructions']);
    const port = await freeLoopbackPort();
    appendFileSync(
      join(dataDir, 'postgresql.conf'),
      [
        `listen_addresses = '127.0.0.1'`,
        `port = ${port}`,
        `unix_socket_directories = '${dir.replaceAll("'", "''")}'`,
        'fsync = off',
        '',
      ].join('\n'),
    );
    await start();
    await withClient(`postgres://postgres:${superuserPassword}@127.0.0.1:${port}/postgres`, async (client) => {
      await client.query(`CREATE ROLE signpost LOGIN CREATEDB PASSWORD ${escapeLiteral(password)}`);
      await client.query('CREATE DATABASE signpost OWNER signpost');
    });
    return { url: `postgres://signpost:${password}@127.0.0.1:${port}/signpost`, stop, start, destroy };
  } catch (error) {
    await destroy();
    throw error;
  }
}

async function withClient(url: string, use: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await use(client);
  } finally {
    await client.end();
  }
}

/** The newest server binaries: Debian's /usr/lib/postgresql/<version>/bin, else wherever `pg_config` says. */
function postgresBindir(): string {
  const debianVersions = existsSync(DEBIAN_VERSIONS_DIR)
    ? readdirSync(DEBIAN_VERSIONS_DIR).filter((version) => existsSync(join(DEBIAN_VERSIONS_DIR, version, 'bin/initdb')))
    : [];
  if (debianVersions.length > 0) {
    const newest = debianVersions.sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))[0];
    return join(DEBIAN_VERSIONS_DIR, newest, 'bin');
  }
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const bindir = pgConfig.status === 0 ? pgConfig.stdout.trim() : '';
  if (bindir && existsSync(join(bindir, 'initdb'))) return bindir;
  throw new Error(
    `No PostgreSQL server binaries: nothing in ${DEBIAN_VERSIONS_DIR}/<version>/bin and no initdb where \`pg_config --bindir\` points. ` +
      'Install them (Debian/Ubuntu: `apt-get install -y postgresql`).',
  );
}
