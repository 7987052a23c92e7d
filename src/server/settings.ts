import { resolve } from 'node:path';
import { z } from 'astro/zod';
import { site } from '../site.config.ts';

/**
 * Run-time settings, read from the environment: one schema lists every variable, what it must be and its default
 * (README "Settings" lists the same, a test keeps them equal). Unset, empty and blank all mean the default. Each
 * accessor below reads the variables of one concern, so `npm run staff` is not stopped by a wrong PORT; the server
 * checks them all at start (checkSettings).
 */
type Env = Record<string, string | undefined>;

/** A count (a rate limit, a number of days, connections): a whole number, `min` or more. */
function count(min: number) {
  const whole = `must be a whole number, ${min} or more`;
  const schema = z.coerce.number({ error: whole }).int({ error: whole }).min(0, { error: whole });
  return min > 0 ? schema.min(min, { error: `must be ${min} or more` }) : schema;
}

const flag = z.stringbool({
  truthy: ['true', '1'],
  falsy: ['false', '0'],
  case: 'insensitive',
  error: 'must be "true" or "false" (or 1 or 0)',
});

const DATABASE_URL_SHAPE = 'postgres://user:password@host:5432/database';

const SMTP_URL_SHAPE = 'smtp://user:password@host:587 or smtps://user:password@host:465';
const MAIL_FROM_SHAPE = 'an address, optionally with a name: Loomwork Support <support@help.example.com>';

/** `Name <address>` or a bare address: what MAIL_FROM holds, as nodemailer takes it. */
export interface MailAddress {
  name: string;
  address: string;
}

const REPLY_DOMAIN_SHAPE = 'must be a domain name such as reply.help.example.com';
const MB = 1024 * 1024;

const PROXY_HOPS = 'must be "true", "false" or the number of proxies in front of the server, 0 to 10';
const PORT = 'must be a whole number from 0 to 65535';
const port = () => z.coerce.number({ error: PORT }).int({ error: PORT }).min(0, { error: PORT }).max(65535, { error: PORT });

export const settingsSchema = z.object({
  PORT: port().default(4321),
  HOST: z.string().default('127.0.0.1'),
  /** The public origin: browsers send it as Origin, and with https the staff cookie is Secure. */
  SITE_URL: z
    .url({ error: 'must be an absolute URL such as https://help.example.com' })
    .transform((url) => new URL(url).origin)
    .optional(),
  DATA_DIR: z
    .string()
    .default('./data')
    .transform((dir) => resolve(dir)),
  DATABASE_URL: z
    .string()
    .superRefine((url, ctx) => {
      const problem = postgresUrlProblem(url);
      if (problem) ctx.addIssue({ code: 'custom', message: `${problem}: it must look like ${DATABASE_URL_SHAPE}` });
    })
    .optional(),
  DATABASE_POOL_SIZE: count(1).default(10),
  ESCALATION_RATE_LIMIT: count(0).default(10),
  FEEDBACK_RATE_LIMIT: count(0).default(20),
  /** Event beacons come in batches (one per page or every few seconds), so a minute's limit is generous. */
  EVENT_RATE_LIMIT: count(0).default(30),
  EVENT_RETENTION_DAYS: count(1).default(180),
  /** Calls from assistants and programs: MCP requests and quick answers (GET /api/answer), together. */
  MCP_RATE_LIMIT: count(0).default(60),
  TICKET_RETENTION_DAYS: count(0).default(365),
  /** How many proxies in front of us append to X-Forwarded-For. */
  TRUST_PROXY: z
    .union([z.literal('true').transform(() => 1), z.literal('false').transform(() => 0), z.coerce.number().int().min(0).max(10)], {
      error: PROXY_HOPS,
    })
    .default(0),
  SESSION_COOKIE_SECURE: flag.optional(),
  DEMO: flag.default(false),
  /** Where email goes out; unset, emails wait in the outbox (never lost) until it is set. */
  SMTP_URL: z
    .string()
    .superRefine((url, ctx) => {
      const problem = smtpUrlProblem(url);
      if (problem) ctx.addIssue({ code: 'custom', message: `${problem}: it must look like ${SMTP_URL_SHAPE}` });
    })
    .optional(),
  MAIL_FROM: z
    .string()
    .transform((value, ctx) => {
      const address = parseMailAddress(value);
      if (!address) ctx.addIssue({ code: 'custom', message: `must be ${MAIL_FROM_SHAPE}` });
      return address ?? z.NEVER;
    })
    .optional(),
  /** Email in: the port of the inbound SMTP listener (behind the operator's relay); unset, no email comes in. */
  INBOUND_SMTP_PORT: port().optional(),
  INBOUND_SMTP_HOST: z.string().default('127.0.0.1'),
  /** The domain of reply addresses (<token>@) and return paths (bounce-<id>@) that the relay routes to the listener. */
  REPLY_DOMAIN: z
    .string()
    .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, { error: REPLY_DOMAIN_SHAPE })
    .transform((domain) => domain.toLowerCase())
    .optional(),
  /** Files one request, message or email may carry (0 = none) and the size each may have. */
  ATTACHMENT_MAX_FILES: count(0).default(5),
  ATTACHMENT_MAX_BYTES: count(1).default(10 * MB),
  /** Stored lower-case, as Node gives request header names. */
  COUNTRY_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9-]+$/, { error: 'must be a header name such as CF-IPCountry' })
    .transform((name) => name.toLowerCase())
    .optional(),
});

type Settings = z.output<typeof settingsSchema>;

function postgresUrlProblem(raw: string): string | undefined {
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (!url) return 'is not a URL';
  if (!['postgres:', 'postgresql:'].includes(url.protocol)) return `starts with "${url.protocol}", not "postgres:"`;
  if (!url.hostname) return 'names no host';
  if (url.pathname.length < 2) return 'names no database';
  return undefined;
}

function smtpUrlProblem(raw: string): string | undefined {
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (!url) return 'is not a URL';
  if (!['smtp:', 'smtps:'].includes(url.protocol)) return `starts with "${url.protocol}", not "smtp:" or "smtps:"`;
  if (!url.hostname) return 'names no host';
  return undefined;
}

/** `Name <a@b.example>`, `"Name" <a@b.example>` or `a@b.example`; undefined for anything else (line breaks too). */
export function parseMailAddress(value: string): MailAddress | undefined {
  const match = /^(?:(.*?)\s*<([^<>\s@]+@[^<>\s@]+)>|([^<>\s@]+@[^<>\s@]+))$/.exec(value.trim());
  if (!match || /[\r\n]/.test(value.trim())) return undefined;
  const name = (match[1] ?? '').replace(/^"(.*)"$/, '$1').trim();
  return { name, address: match[2] ?? match[3] };
}

/** A staff session cookie without Secure on an https site would leak over plain http. */
function secureCookieOnHttps(values: Pick<Settings, 'SITE_URL' | 'SESSION_COOKIE_SECURE'>, ctx: z.RefinementCtx) {
  if (values.SESSION_COOKIE_SECURE === false && values.SITE_URL?.startsWith('https:')) {
    ctx.addIssue({
      code: 'custom',
      message: `SESSION_COOKIE_SECURE=false would let the staff session cookie travel over plain http, but SITE_URL is https (${values.SITE_URL}). Remove SESSION_COOKIE_SECURE.`,
    });
  }
}

/** Email in needs both: the listener's port and the domain its addresses are on. */
function inboundPair(values: Pick<Settings, 'INBOUND_SMTP_PORT' | 'REPLY_DOMAIN'>, ctx: z.RefinementCtx) {
  if ((values.INBOUND_SMTP_PORT === undefined) !== (values.REPLY_DOMAIN === undefined)) {
    ctx.addIssue({
      code: 'custom',
      message:
        values.REPLY_DOMAIN === undefined
          ? 'INBOUND_SMTP_PORT is set but REPLY_DOMAIN is not: set REPLY_DOMAIN to the domain your relay routes to the listener (e.g. reply.help.example.com), or unset INBOUND_SMTP_PORT.'
          : 'REPLY_DOMAIN is set but INBOUND_SMTP_PORT is not: set INBOUND_SMTP_PORT to the port the listener takes mail on, or unset REPLY_DOMAIN.',
    });
  }
}

/** The values a schema knows, or an error naming each wrong variable, what it must be and what it got. */
function read<S extends z.ZodType>(schema: S, env: Env): z.output<S> {
  const given = Object.fromEntries(Object.entries(env).flatMap(([name, value]) => (value?.trim() ? [[name, value.trim()]] : [])));
  const result = schema.safeParse(given);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = issue.path[0];
    if (typeof name !== 'string') return issue.message; // a check across variables names them itself
    const value = name === 'DATABASE_URL' || name === 'SMTP_URL' ? redactPassword(given[name]) : given[name];
    return `${name} ${issue.message} (got "${value}")`;
  });
  throw new Error(lines.join('\n'));
}

/** Every setting at once, as the server checks them before it answers anything: one line per wrong variable. */
export function checkSettings(env: Env): void {
  read(settingsSchema.superRefine(secureCookieOnHttps).superRefine(inboundPair), env);
}

/** A connection string fit for a log line or an error: the password (between user: and the last @) replaced by ***. */
export function redactPassword(connectionString: string): string {
  const at = connectionString.lastIndexOf('@');
  const userStart = connectionString.lastIndexOf('//', at) + 2;
  const colon = connectionString.indexOf(':', userStart === 1 ? 0 : userStart);
  if (at < 0 || colon < 0 || colon > at) return connectionString;
  return `${connectionString.slice(0, colon + 1)}***${connectionString.slice(at)}`;
}

export interface ServerSettings {
  host: string;
  port: number;
}

const serverSchema = settingsSchema.pick({ PORT: true, HOST: true }).transform((s): ServerSettings => ({ host: s.HOST, port: s.PORT }));

export const serverSettings = (env: Env): ServerSettings => read(serverSchema, env);

/** SQLite in DATA_DIR (the embedded default), or PostgreSQL when DATABASE_URL is set. */
export type DatabaseSettings =
  | { kind: 'sqlite'; /** Absolute path of the folder that holds the SQLite file; created on start. */ dataDir: string }
  | { kind: 'postgres'; url: string; /** Connections each instance may hold open. */ poolSize: number };

const databaseSchema = settingsSchema
  .pick({ DATA_DIR: true, DATABASE_URL: true, DATABASE_POOL_SIZE: true })
  .transform((s): DatabaseSettings =>
    s.DATABASE_URL ? { kind: 'postgres', url: s.DATABASE_URL, poolSize: s.DATABASE_POOL_SIZE } : { kind: 'sqlite', dataDir: s.DATA_DIR },
  );

export const databaseSettings = (env: Env): DatabaseSettings => read(databaseSchema, env);

/** What the reader-facing endpoints (support requests, feedback, events) need: their limit, client and origin rules. */
export interface EndpointSettings {
  /** Submissions per minute per client; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** How many proxies in front of us append to X-Forwarded-For; 0 = believe only the socket. */
  trustedProxyHops: number;
  /** The public origin behind a proxy (from SITE_URL), which browsers send as Origin. */
  publicOrigin: string | undefined;
}

const endpoint = (s: { TRUST_PROXY: number; SITE_URL?: string }, rateLimitPerMinute: number): EndpointSettings => ({
  rateLimitPerMinute,
  trustedProxyHops: s.TRUST_PROXY,
  publicOrigin: s.SITE_URL,
});

// ESCALATION_RATE_LIMIT keeps the name of the endpoint it limits, POST /api/escalations.
const supportRequestSchema = settingsSchema
  .pick({ ESCALATION_RATE_LIMIT: true, TRUST_PROXY: true, SITE_URL: true })
  .transform((s) => endpoint(s, s.ESCALATION_RATE_LIMIT));
const feedbackSchema = settingsSchema
  .pick({ FEEDBACK_RATE_LIMIT: true, TRUST_PROXY: true, SITE_URL: true })
  .transform((s) => endpoint(s, s.FEEDBACK_RATE_LIMIT));

// MCP_RATE_LIMIT keeps the name operators know from MCP; it covers /api/answer too.
const assistantSchema = settingsSchema
  .pick({ MCP_RATE_LIMIT: true, TRUST_PROXY: true, SITE_URL: true })
  .transform((s) => endpoint(s, s.MCP_RATE_LIMIT));

export const supportRequestSettings = (env: Env): EndpointSettings => read(supportRequestSchema, env);
/** The endpoints for assistants and programs: /mcp and /api/answer. */
export const assistantSettings = (env: Env): EndpointSettings => read(assistantSchema, env);
export const feedbackSettings = (env: Env): EndpointSettings => read(feedbackSchema, env);

export interface EventSettings extends EndpointSettings {
  /** Reader events older than this many days are deleted. */
  retentionDays: number;
}

const eventSchema = settingsSchema
  .pick({ EVENT_RATE_LIMIT: true, EVENT_RETENTION_DAYS: true, TRUST_PROXY: true, SITE_URL: true })
  .transform((s): EventSettings => ({ ...endpoint(s, s.EVENT_RATE_LIMIT), retentionDays: s.EVENT_RETENTION_DAYS }));

export const eventSettings = (env: Env): EventSettings => read(eventSchema, env);

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

const staffSchema = settingsSchema
  .pick({ SITE_URL: true, SESSION_COOKIE_SECURE: true, TRUST_PROXY: true, TICKET_RETENTION_DAYS: true, DEMO: true })
  .superRefine(secureCookieOnHttps)
  .transform((s): StaffSettings => ({
    cookieSecure: s.SESSION_COOKIE_SECURE ?? s.SITE_URL?.startsWith('https:') ?? false,
    publicOrigin: s.SITE_URL,
    trustedProxyHops: s.TRUST_PROXY,
    ticketRetentionDays: s.TICKET_RETENTION_DAYS,
    demo: s.DEMO,
  }));

export const staffSettings = (env: Env): StaffSettings => read(staffSchema, env);

export interface AnnouncementSettings {
  /** Lower-case name of the request header that carries the reader's country (set by the operator's CDN), if any. */
  countryHeader: string | undefined;
}

const announcementSchema = settingsSchema
  .pick({ COUNTRY_HEADER: true })
  .transform((s): AnnouncementSettings => ({ countryHeader: s.COUNTRY_HEADER }));

export const announcementSettings = (env: Env): AnnouncementSettings => read(announcementSchema, env);

export interface MailSettings {
  /** Unset: nothing is sent, emails wait in the outbox. Holds a password: never print it (redactPassword). */
  smtpUrl: string | undefined;
  from: MailAddress;
  /** With email in: emails to requesters carry Reply-To <token>@ it, every email a return path bounce-<id>@ it. */
  replyDomain: string | undefined;
}

const mailSchema = settingsSchema.pick({ SMTP_URL: true, MAIL_FROM: true, REPLY_DOMAIN: true }).transform((s): MailSettings => ({
  smtpUrl: s.SMTP_URL,
  from: s.MAIL_FROM ?? { name: site.helpCenterName, address: site.supportEmail },
  replyDomain: s.REPLY_DOMAIN,
}));

export const mailSettings = (env: Env): MailSettings => read(mailSchema, env);

export interface AttachmentSettings {
  /** Files one request, message or email may carry; 0 = none. */
  maxFiles: number;
  /** Bytes each file may have. */
  maxBytes: number;
}

const attachmentSchema = settingsSchema
  .pick({ ATTACHMENT_MAX_FILES: true, ATTACHMENT_MAX_BYTES: true })
  .transform((s): AttachmentSettings => ({ maxFiles: s.ATTACHMENT_MAX_FILES, maxBytes: s.ATTACHMENT_MAX_BYTES }));

export const attachmentSettings = (env: Env): AttachmentSettings => read(attachmentSchema, env);

export interface InboundSettings {
  host: string;
  port: number;
  replyDomain: string;
  attachments: AttachmentSettings;
}

const inboundSchema = settingsSchema
  .pick({ INBOUND_SMTP_PORT: true, INBOUND_SMTP_HOST: true, REPLY_DOMAIN: true, ATTACHMENT_MAX_FILES: true, ATTACHMENT_MAX_BYTES: true })
  .superRefine(inboundPair)
  .transform((s): InboundSettings | undefined =>
    s.INBOUND_SMTP_PORT === undefined || !s.REPLY_DOMAIN
      ? undefined
      : {
          host: s.INBOUND_SMTP_HOST,
          port: s.INBOUND_SMTP_PORT,
          replyDomain: s.REPLY_DOMAIN,
          attachments: { maxFiles: s.ATTACHMENT_MAX_FILES, maxBytes: s.ATTACHMENT_MAX_BYTES },
        },
  );

/** The inbound listener's settings; undefined when INBOUND_SMTP_PORT is unset (no email in). */
export const inboundSettings = (env: Env): InboundSettings | undefined => read(inboundSchema, env);
