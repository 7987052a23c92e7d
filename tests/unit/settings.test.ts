import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../harness/project-copy.ts';
import { attachmentSettings, checkSettings, inboundSettings, mailSettings, settingsSchema } from '../../src/server/settings.ts';

describe('checking every setting at start', () => {
  it('names each wrong variable on a line of its own, with what it must be and what it got, never a password', () => {
    let message = '';
    try {
      checkSettings({ PORT: 'eighty', DEMO: 'maybe', DATABASE_URL: 'mysql://help:s3cret-pw@db/help', HOST: '0.0.0.0' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n')).toEqual([
      'PORT must be a whole number from 0 to 65535 (got "eighty")',
      'DATABASE_URL starts with "mysql:", not "postgres:": it must look like postgres://user:password@host:5432/database (got "mysql://help:***@db/help")',
      'DEMO must be "true" or "false" (or 1 or 0) (got "maybe")',
    ]);
  });

  it('takes unset, empty and blank alike as the default', () => {
    expect(() => checkSettings({})).not.toThrow();
    expect(() => checkSettings({ PORT: '', EVENT_RETENTION_DAYS: '  ', SITE_URL: '' })).not.toThrow();
  });

  it('refuses a staff cookie without Secure on an https site', () => {
    expect(() => checkSettings({ SESSION_COOKIE_SECURE: 'false', SITE_URL: 'https://help.example.com' })).toThrow(
      /^SESSION_COOKIE_SECURE=false would let the staff session cookie travel over plain http/,
    );
  });
});

describe('email in', () => {
  it('is off without INBOUND_SMTP_PORT, and listens on loopback by default for REPLY_DOMAIN', () => {
    expect(inboundSettings({})).toBeUndefined();
    expect(inboundSettings({ INBOUND_SMTP_PORT: '2525', REPLY_DOMAIN: 'Reply.Help.Example.com' })).toEqual({
      host: '127.0.0.1',
      port: 2525,
      replyDomain: 'reply.help.example.com',
      attachments: { maxFiles: 5, maxBytes: 10 * 1024 * 1024 },
    });
    expect(mailSettings({ INBOUND_SMTP_PORT: '2525', REPLY_DOMAIN: 'reply.help.example.com' }).replyDomain).toBe('reply.help.example.com');
  });

  it('refuses to start with the port but no REPLY_DOMAIN, or REPLY_DOMAIN but no port', () => {
    expect(() => checkSettings({ INBOUND_SMTP_PORT: '2525' })).toThrow(/^INBOUND_SMTP_PORT is set but REPLY_DOMAIN is not/);
    expect(() => checkSettings({ REPLY_DOMAIN: 'reply.help.example.com' })).toThrow(/^REPLY_DOMAIN is set but INBOUND_SMTP_PORT is not/);
    expect(() => inboundSettings({ INBOUND_SMTP_PORT: '2525' })).toThrow(/REPLY_DOMAIN is not/);
  });

  it('names a wrong REPLY_DOMAIN, port or attachment limit', () => {
    expect(() => checkSettings({ INBOUND_SMTP_PORT: '99999', REPLY_DOMAIN: 'reply@help' })).toThrow(
      'INBOUND_SMTP_PORT must be a whole number from 0 to 65535 (got "99999")\nREPLY_DOMAIN must be a domain name such as reply.help.example.com (got "reply@help")',
    );
    expect(() => attachmentSettings({ ATTACHMENT_MAX_BYTES: '0' })).toThrow('ATTACHMENT_MAX_BYTES must be 1 or more (got "0")');
  });
});

/** The variable names in the first column of the first table under `heading` in README.md. */
function tableUnder(heading: string): string[] {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
  const start = readme.indexOf(`\n${heading}\n`);
  expect(start, `README.md has no "${heading}" heading`).toBeGreaterThanOrEqual(0);
  const section = readme.slice(start + heading.length + 2);
  const end = section.search(/\n#/); // the next heading
  const table = (end < 0 ? section : section.slice(0, end)).match(/^\|.*\|$/gm) ?? [];
  return table.flatMap((row) => [...row.split('|')[1].matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((match) => match[1]));
}

/**
 * Environment variables the code reads, each with the files that read it: `process.env.<name>`, `env.<name>` and
 * `env['<name>']`, not Vite's `import.meta.env` and not assignments. (The settings schema reads by its keys.)
 */
function variablesReadByCode(): Map<string, string[]> {
  const readers = new Map<string, string[]>();
  const files = ['src', 'scripts', 'harness', 'tests']
    .flatMap((folder) => readdirSync(join(projectRoot, folder), { recursive: true, encoding: 'utf8' }).map((f) => join(folder, f)))
    .concat(['astro.config.mjs', 'vitest.config.ts'])
    .filter((file) => /\.(ts|tsx|mjs|astro)$/.test(file));
  for (const file of files) {
    const code = readFileSync(join(projectRoot, file), 'utf8');
    for (const match of code.matchAll(/(?<!meta\.)\benv(?:\.([A-Z][A-Z0-9_]*)(?![\w$])|\[['"]([A-Z][A-Z0-9_]*)['"]\])(?!\s*=[^=])/g)) {
      const name = match[1] ?? match[2];
      readers.set(name, [...new Set([...(readers.get(name) ?? []), file])]);
    }
  }
  return readers;
}

/** Set by the shell, Node or npm and documented there: the code only passes them on or reads npm's INIT_CWD. */
const PLATFORM = ['PATH', 'NODE_OPTIONS', 'INIT_CWD'];

describe('README', () => {
  it('lists exactly the settings the schema knows in its "Settings" table', () => {
    expect(tableUnder('## Settings').sort()).toEqual(Object.keys(settingsSchema.shape).sort());
  });

  it('lists every other variable the code reads under "Variables for tests and tools", and only those', () => {
    const settings = tableUnder('## Settings');
    const others = [...variablesReadByCode().keys()].filter((name) => !settings.includes(name) && !PLATFORM.includes(name));
    expect(tableUnder('### Variables for tests and tools').sort()).toEqual(others.sort());
  });

  it('finds the variables the code reads', () => {
    const read = variablesReadByCode();
    expect(read.get('TEST_DATABASE_URL')).toContain('harness/postgres.ts');
    expect(read.get('SITE_URL')).toContain('src/site.config.ts'); // env.SITE_URL of a parameter
    expect(read.has('DEV')).toBe(false); // import.meta.env.DEV is Vite's, not the environment's
    expect(read.has('ASTRO_NODE_AUTOSTART')).toBe(false); // set for the adapter, never read
  });
});
