import { redactPassword, type DatabaseSettings } from '../settings.ts';
import { databaseFile } from './connection.ts';

/** Node's network error codes that mean the database server cannot be reached right now. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** PostgreSQL error codes (SQLSTATE) of a server that is shutting down, starting or has dropped the connection. */
const PG_UNAVAILABLE = /^(08...|57P0[1-3]|53300)$/;
/** What `pg` says when a connection breaks, times out or is used after breaking. */
const PG_BROKEN =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|not queryable/i;

/**
 * What went wrong with the database: `unavailable`, down or busy, passes in a moment; `unwritable`, its files are
 * read-only or its disk is full or failing, lasts until someone fixes the storage; `unstorable-text`, a value it
 * cannot store, is the sender's mistake.
 */
export type DatabaseFailure = 'unavailable' | 'unwritable' | 'unstorable-text';

/**
 * Which database failure an error is, read from the drivers' error codes (SQLite and PostgreSQL alike), or
 * undefined: anything else is a real error and stays one. The one place that tells them apart.
 */
export function databaseFailure(error: unknown): DatabaseFailure | undefined {
  if (isUnstorableText(error)) return 'unstorable-text';
  if (isUnwritable(error)) return 'unwritable';
  if (isUnavailable(error)) return 'unavailable';
  return undefined;
}

function isUnavailable(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (UNREACHABLE.has(code) || PG_UNAVAILABLE.test(code))) return true;
    if (PG_BROKEN.test(e.message)) return true;
    // SQLite: another process (a backup, the staff CLI) held the write lock longer than the busy timeout.
    if (code === 'ERR_SQLITE_ERROR' && /database is locked/.test(e.message)) return true;
    if (e instanceof AggregateError && e.errors.some(isUnavailable)) return true;
  }
  return false;
}

/** SQLite's primary result codes for a file it cannot write: READONLY, IOERR (any extended code), FULL, CANTOPEN. */
const SQLITE_UNWRITABLE = new Set([8, 10, 13, 14]);
/** PostgreSQL's: read_only_sql_transaction (a standby, or a server put in read-only mode), disk_full, io_error. */
const PG_UNWRITABLE = new Set(['25006', '53100', '58030']);

function isUnwritable(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    const { code, errcode } = e as { code?: unknown; errcode?: unknown };
    // node:sqlite reports extended result codes; the primary code is the low byte.
    if (code === 'ERR_SQLITE_ERROR' && typeof errcode === 'number' && SQLITE_UNWRITABLE.has(errcode & 0xff)) return true;
    if (typeof code === 'string' && PG_UNWRITABLE.has(code)) return true;
  }
  return false;
}

/**
 * PostgreSQL refusing a character in a value (NUL, or one the database's encoding lacks). Forms check their
 * fields first; this catches whatever text reaches a query unchecked.
 */
function isUnstorableText(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '22021' || code === '22P05';
}

/** Where the data lives, for messages: never with a password. */
export function describeDatabase(settings: DatabaseSettings): string {
  if (settings.kind === 'sqlite') return `the SQLite database ${databaseFile(settings.dataDir)}`;
  const url = new URL(settings.url);
  return `PostgreSQL database "${decodeURIComponent(url.pathname.slice(1))}" at ${url.hostname}:${url.port || 5432}`;
}

/** One line that says why the database could not be opened at start-up, naming the fix where we know it. */
export function startupProblem(error: unknown, settings: DatabaseSettings): string {
  const where = describeDatabase(settings);
  // The driver's own error (with its code) may sit under a wrapper such as the migrator's.
  let e = error instanceof Error ? error : new Error(String(error));
  while (!(e as { code?: unknown }).code && e.cause instanceof Error) e = e.cause;
  const code = (e as { code?: unknown }).code;
  const user = settings.kind === 'postgres' ? decodeURIComponent(new URL(settings.url).username) : '';
  const reason =
    code === '28P01' || code === '28000'
      ? `PostgreSQL refused user "${user}": check the user name and password in DATABASE_URL`
      : code === '3D000'
        ? 'that database does not exist: create it (createdb) or fix the name in DATABASE_URL'
        : code === 'ECONNREFUSED'
          ? 'nothing accepts connections there: is PostgreSQL running, on that host and port?'
          : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
            ? 'the host name in DATABASE_URL cannot be found'
            : /timeout/i.test(e.message)
              ? 'no answer within a few seconds: check the host, port and firewall'
              : e.message;
  // A driver message can quote the connection string; never print the password it holds.
  const line = `Cannot open ${where}: ${reason}`;
  return settings.kind === 'postgres' ? line.replaceAll(settings.url, redactPassword(settings.url)) : line;
}
