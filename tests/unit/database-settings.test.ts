import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseFailure, describeDatabase, startupProblem } from '../../src/server/db/database-errors.ts';
import { databaseSettings, redactPassword } from '../../src/server/settings.ts';

const URL_WITH_SECRET = 'postgres://help:s3cret-pw@db.internal:6543/helpcenter';

describe('database settings', () => {
  it('puts SQLite in ./data unless DATA_DIR says otherwise', () => {
    expect(databaseSettings({})).toEqual({ kind: 'sqlite', dataDir: resolve('data') });
    expect(databaseSettings({ DATA_DIR: '/srv/help' })).toEqual({ kind: 'sqlite', dataDir: '/srv/help' });
  });

  it('switches to PostgreSQL when DATABASE_URL is set, with a pool of 10 unless DATABASE_POOL_SIZE says otherwise', () => {
    expect(databaseSettings({ DATABASE_URL: URL_WITH_SECRET, DATA_DIR: '/srv/help' })).toEqual({
      kind: 'postgres',
      url: URL_WITH_SECRET,
      poolSize: 10,
    });
    expect(databaseSettings({ DATABASE_URL: 'postgresql://h/db', DATABASE_POOL_SIZE: '25' })).toMatchObject({ poolSize: 25 });
    expect(() => databaseSettings({ DATABASE_URL: 'postgres://h/db', DATABASE_POOL_SIZE: '0' })).toThrow(
      'DATABASE_POOL_SIZE must be 1 or more (got "0")',
    );
  });

  it('says what is wrong with a connection string, never showing its password', () => {
    const problems = [
      ['mysql://help:s3cret-pw@db/help', /starts with "mysql:", not "postgres:"/],
      ['postgres://help:s3cret-pw@db.internal', /names no database/],
      ['help:s3cret-pw@db.internal/help', /starts with "help:"/],
      ['db.internal/help', /is not a URL/],
    ] as const;
    for (const [url, problem] of problems) {
      let message = '';
      try {
        databaseSettings({ DATABASE_URL: url });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(problem);
      expect(message).toMatch(/^DATABASE_URL .*postgres:\/\/user:password@host:5432\/database/);
      expect(message).not.toContain('s3cret-pw');
    }
  });

  it('redacts only the password', () => {
    expect(redactPassword(URL_WITH_SECRET)).toBe('postgres://help:***@db.internal:6543/helpcenter');
    expect(redactPassword('postgres://db.internal/helpcenter')).toBe('postgres://db.internal/helpcenter');
  });
});

describe('database errors', () => {
  const postgres = databaseSettings({ DATABASE_URL: URL_WITH_SECRET });
  const failure = (message: string, code?: string) => Object.assign(new Error(message), { code });

  it('names the database without its password', () => {
    expect(describeDatabase(postgres)).toBe('PostgreSQL database "helpcenter" at db.internal:6543');
    expect(describeDatabase({ kind: 'sqlite', dataDir: '/srv/help' })).toBe('the SQLite database /srv/help/signpost.sqlite');
  });

  it('turns connection failures at start-up into one line naming the fix', () => {
    expect(startupProblem(failure('password authentication failed for user "help"', '28P01'), postgres)).toBe(
      'Cannot open PostgreSQL database "helpcenter" at db.internal:6543: PostgreSQL refused user "help": check the user name and password in DATABASE_URL',
    );
    expect(startupProblem(failure('database "helpcenter" does not exist', '3D000'), postgres)).toMatch(/that database does not exist/);
    expect(startupProblem(failure('connect ECONNREFUSED', 'ECONNREFUSED'), postgres)).toMatch(/is PostgreSQL running/);
    expect(startupProblem(failure(`bad things near ${URL_WITH_SECRET}`), postgres)).not.toContain('s3cret-pw');
  });

  it('tells a database that is down from a bug', () => {
    expect(databaseFailure(failure('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe('unavailable');
    expect(databaseFailure(failure('terminating connection due to administrator command', '57P01'))).toBe('unavailable');
    expect(databaseFailure(new Error('Connection terminated unexpectedly'))).toBe('unavailable');
    expect(databaseFailure(new Error('outer', { cause: failure('refused', 'ECONNREFUSED') }))).toBe('unavailable');
    expect(databaseFailure(failure('duplicate key value violates unique constraint', '23505'))).toBeUndefined();
    expect(databaseFailure(new TypeError('Cannot read properties of undefined'))).toBeUndefined();
  });
});
