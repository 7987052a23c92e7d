import { resolve } from 'node:path';

/** Run-time settings read from the environment, checked once with errors that name the variable. */
type Env = Record<string, string | undefined>;

export interface ServerSettings {
  host: string;
  port: number;
}

export function serverSettings(env: Env): ServerSettings {
  const port = env.PORT === undefined || env.PORT === '' ? 4321 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535 (got "${env.PORT}")`);
  }
  return { host: env.HOST || '127.0.0.1', port };
}

/** SQLite in DATA_DIR (the embedded default), or PostgreSQL when DATABASE_URL is set. */
export type DatabaseSettings =
  | { kind: 'sqlite'; /** Absolute path of the folder that holds the SQLite file; created on start. */ dataDir: string }
  | { kind: 'postgres'; url: string; /** Connections each instance may hold open. */ poolSize: number };

const DATABASE_URL_SHAPE = 'postgres://user:password@host:5432/database';

export function databaseSettings(env: Env): DatabaseSettings {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) return { kind: 'sqlite', dataDir: resolve(env.DATA_DIR || './data') };
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  const problem = !url
    ? 'is not a URL'
    : !['postgres:', 'postgresql:'].includes(url.protocol)
      ? `starts with "${url.protocol}", not "postgres:"`
      : !url.hostname
        ? 'names no host'
        : url.pathname.length < 2
          ? 'names no database'
          : undefined;
  if (problem) throw new Error(`DATABASE_URL ${problem}: it must look like ${DATABASE_URL_SHAPE} (got "${redactPassword(raw)}")`);
  const poolSize = wholeNumber(env, 'DATABASE_POOL_SIZE', 10);
  if (poolSize < 1) throw new Error(`DATABASE_POOL_SIZE must be 1 or more (got "${env.DATABASE_POOL_SIZE}")`);
  return { kind: 'postgres', url: raw, poolSize };
}

/** A connection string fit for a log line or an error: the password (between user: and the last @) replaced by ***. */
export function redactPassword(connectionString: string): string {
  const at = connectionString.lastIndexOf('@');
  const userStart = connectionString.lastIndexOf('//', at) + 2;
  const colon = connectionString.indexOf(':', userStart === 1 ? 0 : userStart);
  if (at < 0 || colon < 0 || colon > at) return connectionString;
  return `${connectionString.slice(0, colon + 1)}***${connectionString.slice(at)}`;
}

export interface EscalationSettings {
  /** Submissions per minute per client; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** How many proxies in front of us append to X-Forwarded-For; 0 = believe only the socket. */
  trustedProxyHops: number;
  /** The public origin behind a proxy (from SITE_URL), which browsers send as Origin. */
  publicOrigin: string | undefined;
}

export function escalationSettings(env: Env): EscalationSettings {
  return {
    rateLimitPerMinute: wholeNumber(env, 'ESCALATION_RATE_LIMIT', 10),
    trustedProxyHops: proxyHops(env.TRUST_PROXY),
    publicOrigin: publicOrigin(env.SITE_URL),
  };
}

export interface StaffSettings {
  /** Send the session cookie with Secure: from SESSION_COOKIE_SECURE, else whether SITE_URL is https. */
  cookieSecure: boolean;
  /** The public origin (SITE_URL), accepted as Origin on state-changing requests. */
  publicOrigin: string | undefined;
  trustedProxyHops: number;
  /** Closed tickets are anonymised this many days after closing; 0 = never. */
  ticketRetentionDays: number;
  /** DEMO=1: on first run, create a demo admin and print its password. */
  demo: boolean;
}

export function staffSettings(env: Env): StaffSettings {
  const origin = publicOrigin(env.SITE_URL);
  const https = origin?.startsWith('https:') ?? false;
  const secure = flag(env, 'SESSION_COOKIE_SECURE');
  if (secure === false && https) {
    throw new Error(
      `SESSION_COOKIE_SECURE=false would let the staff session cookie travel over plain http, but SITE_URL is https (${origin}). Remove SESSION_COOKIE_SECURE.`,
    );
  }
  return {
    cookieSecure: secure ?? https,
    publicOrigin: origin,
    trustedProxyHops: proxyHops(env.TRUST_PROXY),
    ticketRetentionDays: wholeNumber(env, 'TICKET_RETENTION_DAYS', 365),
    demo: flag(env, 'DEMO') ?? false,
  };
}

/** true/false/1/0 (any case); undefined when unset. */
function flag(env: Env, name: string): boolean | undefined {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return undefined;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new Error(`${name} must be "true" or "false" (or 1 or 0) (got "${env[name]}")`);
}

/** What the reader-facing endpoints (feedback, events) need: the same client and origin rules as escalations. */
export type EndpointSettings = EscalationSettings;

export function feedbackSettings(env: Env): EndpointSettings {
  return { ...escalationSettings(env), rateLimitPerMinute: wholeNumber(env, 'FEEDBACK_RATE_LIMIT', 20) };
}

export interface EventSettings extends EndpointSettings {
  /** Reader events older than this many days are deleted. */
  retentionDays: number;
}

/** Event beacons come in batches (one per page or every few seconds), so a minute's limit is generous. */
export function eventSettings(env: Env): EventSettings {
  const retentionDays = wholeNumber(env, 'EVENT_RETENTION_DAYS', 180);
  if (retentionDays < 1) throw new Error(`EVENT_RETENTION_DAYS must be 1 or more (got "${env.EVENT_RETENTION_DAYS}")`);
  return { ...escalationSettings(env), rateLimitPerMinute: wholeNumber(env, 'EVENT_RATE_LIMIT', 30), retentionDays };
}

export interface AnnouncementSettings {
  /** Lower-case name of the request header that carries the reader's country (set by the operator's CDN), if any. */
  countryHeader: string | undefined;
}

export function announcementSettings(env: Env): AnnouncementSettings {
  const raw = env.COUNTRY_HEADER?.trim();
  if (!raw) return { countryHeader: undefined };
  if (!/^[A-Za-z0-9-]+$/.test(raw)) throw new Error(`COUNTRY_HEADER must be a header name such as CF-IPCountry (got "${raw}")`);
  return { countryHeader: raw.toLowerCase() };
}

function wholeNumber(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, 0 or more (got "${raw}")`);
  return value;
}

function proxyHops(raw: string | undefined): number {
  if (raw === undefined || raw === '' || raw === 'false') return 0;
  if (raw === 'true') return 1;
  const hops = Number(raw);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) {
    throw new Error(`TRUST_PROXY must be "true", "false" or the number of proxies in front of the server, 0 to 10 (got "${raw}")`);
  }
  return hops;
}

function publicOrigin(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (!URL.canParse(raw)) throw new Error(`SITE_URL must be an absolute URL such as https://help.example.com (got "${raw}")`);
  return new URL(raw).origin;
}
