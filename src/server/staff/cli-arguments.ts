import { parseArgs } from 'node:util';

/** What `npm run staff -- …` was asked to do, once its arguments are checked. */
export type StaffCommand =
  | { command: 'add'; email: string; name: string; role: string }
  | { command: 'list' }
  | { command: 'disable'; email: string }
  | { command: 'reset-password'; email: string };

export const STAFF_USAGE = `Usage: npm run staff -- <command> [options]

  add --email E --name N --role agent|admin --password-stdin
                      create an account; the password is read from standard input
  list                list the accounts
  disable --email E   disable an account and end its sessions
  reset-password --email E --password-stdin
                      set a new password (from standard input) and end the account's sessions

Example: printf '%s\\n' 'four long unrelated words' | npm run staff -- add --email you@example.com --name "Your Name" --role admin --password-stdin`;

const OPTIONS = {
  email: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Which options each command takes, and which of them it needs. */
const COMMANDS: Record<StaffCommand['command'], { needs: (keyof typeof OPTIONS)[] }> = {
  add: { needs: ['email', 'name', 'role', 'password-stdin'] },
  list: { needs: [] },
  disable: { needs: ['email'] },
  'reset-password': { needs: ['email', 'password-stdin'] },
};

export type Parsed = { ok: true; command: StaffCommand } | { ok: false; help: true } | { ok: false; help?: false; message: string };

export function parseStaffArguments(argv: string[]): Parsed {
  let values: Partial<Record<keyof typeof OPTIONS, string | boolean>>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true }));
  } catch (error) {
    // parseArgs explains unknown options and missing values well; its codes are not worth showing.
    return { ok: false, message: (error as Error).message.replace(/\. To specify a positional argument.*$/s, '.') };
  }
  if (values.help) return { ok: false, help: true };
  const [name, ...extra] = positionals;
  if (name === undefined) return { ok: false, message: 'Name a command: add, list, disable or reset-password.' };
  if (!(name in COMMANDS)) return { ok: false, message: `Unknown command "${name}". Commands: add, list, disable, reset-password.` };
  if (extra.length > 0)
    return { ok: false, message: `Unexpected argument "${extra[0]}" (values go after their option, e.g. --name "Ada Lovelace").` };
  const command = name as StaffCommand['command'];
  const { needs } = COMMANDS[command];

  const stray = (Object.keys(values) as (keyof typeof OPTIONS)[]).find((option) => !needs.includes(option));
  if (stray) return { ok: false, message: `${command} does not take --${stray}.` };
  const missing = needs.filter((option) => values[option] === undefined);
  if (missing.includes('password-stdin')) {
    return {
      ok: false,
      message: `${command} reads the password from standard input: add --password-stdin and pipe it in (it never goes on the command line, where other users and the shell history could see it).`,
    };
  }
  if (missing.length > 0) return { ok: false, message: `${command} needs ${missing.map((option) => `--${option}`).join(', ')}.` };
  const text = (option: 'email' | 'name' | 'role') => String(values[option]).trim();
  for (const option of ['email', 'name', 'role'] as const) {
    if (needs.includes(option) && text(option) === '') return { ok: false, message: `--${option} must not be empty.` };
  }
  if (needs.includes('role') && !['agent', 'admin'].includes(text('role'))) {
    return { ok: false, message: `--role must be agent or admin (got "${text('role')}").` };
  }

  switch (command) {
    case 'add':
      return { ok: true, command: { command, email: text('email'), name: text('name'), role: text('role') } };
    case 'list':
      return { ok: true, command: { command } };
    case 'disable':
    case 'reset-password':
      return { ok: true, command: { command, email: text('email') } };
  }
}

/** The password from standard input: its first line, without the line break. */
export function passwordFromInput(input: string): string {
  return input.split(/\r?\n/, 1)[0];
}
