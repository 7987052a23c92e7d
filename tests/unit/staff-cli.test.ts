import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { passwordProblem, PASSWORD_MIN_LENGTH } from '../../src/server/auth/password-policy.ts';
import { signIn } from '../../src/server/auth/sign-in.ts';
import { accountByEmail } from '../../src/server/staff/accounts.ts';
import { parseStaffArguments, passwordFromInput, STAFF_USAGE } from '../../src/server/staff/cli-arguments.ts';
import { firstRunNotice } from '../../src/server/staff/first-run.ts';
import { projectRoot, userEnv } from '../../harness/project-copy.ts';
import { runStaffCli } from '../../harness/staff.ts';
import { tempDatabase } from '../support/temp-database.ts';

describe('staff command arguments', () => {
  it('reads each command', () => {
    expect(
      parseStaffArguments(['add', '--email', 'ada@example.com', '--name', 'Ada Lovelace', '--role', 'admin', '--password-stdin']),
    ).toEqual({
      ok: true,
      command: { command: 'add', email: 'ada@example.com', name: 'Ada Lovelace', role: 'admin' },
    });
    expect(parseStaffArguments(['list'])).toEqual({ ok: true, command: { command: 'list' } });
    expect(parseStaffArguments(['disable', '--email=ada@example.com'])).toEqual({
      ok: true,
      command: { command: 'disable', email: 'ada@example.com' },
    });
    expect(parseStaffArguments(['reset-password', '--password-stdin', '--email', 'ada@example.com'])).toEqual({
      ok: true,
      command: { command: 'reset-password', email: 'ada@example.com' },
    });
    expect(parseStaffArguments(['--help'])).toEqual({ ok: false, help: true });
  });

  it.each([
    [[], /^Name a command/],
    [['remove'], /^Unknown command "remove"/],
    [['add', '--email', 'a@b.co', '--name', 'A', '--role', 'admin'], /reads the password from standard input: add --password-stdin/],
    [['add', '--email', 'a@b.co', '--role', 'admin', '--password-stdin'], /^add needs --name\.$/],
    [
      ['add', '--email', 'a@b.co', '--name', 'A', '--role', 'owner', '--password-stdin'],
      /^--role must be agent or admin \(got "owner"\)\.$/,
    ],
    [['add', '--email', ' ', '--name', 'A', '--role', 'agent', '--password-stdin'], /^--email must not be empty\.$/],
    [['add', '--email', 'a@b.co', '--name', 'Ada', 'Lovelace', '--role', 'agent', '--password-stdin'], /^Unexpected argument "Lovelace"/],
    [['add', '--password', 'hunter2'], /Unknown option '--password'/],
    [['list', '--email', 'a@b.co'], /^list does not take --email\.$/],
    [['disable', '--email'], /--email/],
  ])('refuses %j with a clear message', (argv, message) => {
    const parsed = parseStaffArguments(argv);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && !parsed.help && parsed.message).toMatch(message);
  });

  it('takes the first line of standard input as the password, without its line break', () => {
    expect(passwordFromInput('correct horse battery staple\n')).toBe('correct horse battery staple');
    expect(passwordFromInput('windows line end here\r\nsecond line')).toBe('windows line end here');
    expect(passwordFromInput('no line break at all')).toBe('no line break at all');
  });
});

describe('password policy', () => {
  it('accepts long passphrases and random strings', () => {
    expect(passwordProblem('correct horse battery staple')).toBeUndefined();
    expect(passwordProblem('k7qm-4zx9-pw2d-h8rt-bn3c')).toBeUndefined();
    expect(passwordProblem('8302957163849201')).toBeUndefined();
  });

  it.each([
    ['', 'Enter a password'],
    ['short one', `Password must be ${PASSWORD_MIN_LENGTH} characters or more (it has 9)`],
    ['aaaaaaaaaaaaaaaaaaaa', 'Password must not be one or two characters repeated'],
    ['abababababababababab', 'Password must not be one or two characters repeated'],
    ['password2024password', 'Password is made of well-known passwords'],
    ['qwertyuiopasdfgh', 'Password is made of well-known passwords'],
    ['1234567890123456', 'Password is made of well-known passwords'],
    ['Four long unrelated words!', 'Password is the example from the instructions, which anyone can read'],
    ['four long unrelated words password', 'Password is the example from the instructions'],
    [' leading space password', 'Password must not start or end with a space'],
    ['x'.repeat(257), 'Password must be 256 characters or fewer'],
  ])('refuses %j: %s', (password, reason) => {
    expect(passwordProblem(password)).toContain(reason);
  });

  it('refuses a password made of the account’s own name or address', () => {
    expect(passwordProblem('AdaLovelace1815Ada', { email: 'ada@example.com', name: 'Ada Lovelace' })).toBe(
      'Password must not be made of your name or email address',
    );
    expect(passwordProblem('adalovelace-password', { email: 'ada.lovelace@example.com', name: 'A L' })).toMatch(/your name or email/);
    expect(passwordProblem('lovelace drives a steam engine', { name: 'Ada Lovelace' })).toBeUndefined();
  });
});

describe('npm run staff (the script)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'signpost-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const run = (args: string[], input = '') => runStaffCli(dataDir, args, input);

  it('adds an account with the password from standard input, lists it, and refuses it twice', () => {
    const added = run(
      ['add', '--email', 'Grace@Example.com', '--name', 'Grace Hopper', '--role', 'agent', '--password-stdin'],
      'compilers are my favourite\n',
    );
    expect(added.stderr).toBe('');
    expect(added.stdout).toContain('Added agent Grace@Example.com (Grace Hopper)');
    expect(added.status).toBe(0);
    const again = run(
      ['add', '--email', 'grace@example.com', '--name', 'Grace', '--role', 'agent', '--password-stdin'],
      'compilers are my favourite\n',
    );
    expect([again.status, again.stderr.trim()]).toEqual([1, 'There is already an account for grace@example.com']);
    expect(run(['list']).stdout).toMatch(/Grace@Example\.com.*Grace Hopper.*agent/);
  });

  it('refuses a weak password with the reason, and bad arguments with exit code 2', () => {
    const weak = run(['add', '--email', 'weak@example.com', '--name', 'Weak', '--role', 'agent', '--password-stdin'], 'password\n');
    expect([weak.status, weak.stderr.trim()]).toEqual([
      1,
      'Password must be 15 characters or more (it has 8). A few unrelated words make a strong one.',
    ]);
    const bad = run(['add', '--email', 'x@example.com', '--role', 'chief', '--name', 'X', '--password-stdin']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--role must be agent or admin (got "chief").');
  });

  it('resets a password and disables an account by address, in any case', () => {
    expect(run(['reset-password', '--email', 'GRACE@example.com', '--password-stdin'], 'a brand new long passphrase\n').stdout).toContain(
      'New password set for Grace@Example.com',
    );
    expect(run(['disable', '--email', 'grace@example.com']).stdout).toContain('Disabled Grace@Example.com');
    const missing = run(['disable', '--email', 'nobody@example.com']);
    expect([missing.status, missing.stderr.trim()]).toEqual([
      1,
      'No account for nobody@example.com. See the accounts with: npm run staff -- list',
    ]);
  });
});

describe('the first-run notice', () => {
  it('prints a command that, run as printed, creates the first admin, who can then sign in', async () => {
    const { db, dir, remove } = await tempDatabase();
    try {
      const notice = await firstRunNotice(db, { demo: false, dataDir: dir, url: 'http://localhost:4321' });
      const command = notice
        ?.split('\n')
        .find((line) => line.includes('npm run staff'))
        ?.trim();
      expect(command).toMatch(/^printf '%s\\n' '[^']{15,}' \| DATA_DIR=\S+ npm run staff -- add .* --password-stdin$/);
      // As a person would paste it into a shell in the project folder, with no settings of their own.
      const env = userEnv();
      delete env.DATA_DIR;
      delete env.DATABASE_URL;
      const run = spawnSync('sh', ['-c', command!], { cwd: projectRoot, env, encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('Added admin you@example.com (Your Name)');

      const admin = await accountByEmail(db, 'you@example.com');
      expect(admin?.role).toBe('admin');
      const password = /'%s\\n' '([^']+)'/.exec(command!)![1];
      expect(await signIn(db, { email: 'you@example.com', password, clientKey: '192.0.2.1' })).toMatchObject({
        ok: true,
        staffId: admin!.id,
      });
      expect(await firstRunNotice(db, { demo: false, dataDir: dir, url: 'http://localhost:4321' })).toBeUndefined();
    } finally {
      await remove();
    }
  });

  it('the usage text’s example passphrase is refused because it is the example', () => {
    const example = /printf '%s\\n' '([^']+)'/.exec(STAFF_USAGE)![1];
    expect(passwordProblem(example)).toBe(
      'Password is the example from the instructions, which anyone can read; choose a passphrase of your own',
    );
  });
});
