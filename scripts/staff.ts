// `npm run staff -- <command>`: manage staff accounts from the command line (see STAFF_USAGE).
import { stdin } from 'node:process';
import { migrateToLatest, openDatabase } from '../src/server/db/connection.ts';
import { describeDatabase, startupProblem } from '../src/server/db/database-errors.ts';
import { listStaff } from '../src/server/db/staff.ts';
import { accountByEmail, addStaff, resetPassword, setDisabled } from '../src/server/staff/accounts.ts';
import { parseStaffArguments, passwordFromInput, STAFF_USAGE, type StaffCommand } from '../src/server/staff/cli-arguments.ts';
import { databaseSettings } from '../src/server/settings.ts';

const parsed = parseStaffArguments(process.argv.slice(2));
if (!parsed.ok) {
  if (parsed.help) {
    console.log(STAFF_USAGE);
    process.exit(0);
  }
  // The whole usage when no command was recognised; otherwise the one problem and where to read more.
  const unknownCommand = /^(Name a command|Unknown command)/.test(parsed.message);
  console.error(unknownCommand ? `${parsed.message}\n\n${STAFF_USAGE}` : `${parsed.message}\nSee: npm run staff -- --help`);
  process.exit(2);
}

/** Reads standard input to its end (a pipe), or to the first Enter (a terminal). */
async function readPassword(): Promise<string> {
  if (stdin.isTTY) process.stderr.write('Password (shown as you type; press Enter when done): ');
  let input = '';
  for await (const chunk of stdin) {
    input += String(chunk);
    if (stdin.isTTY && input.includes('\n')) break;
  }
  return passwordFromInput(input);
}

async function run(db: ReturnType<typeof openDatabase>, command: StaffCommand): Promise<number> {
  switch (command.command) {
    case 'add': {
      const result = await addStaff(db, { ...command, password: await readPassword() }, null);
      if (!result.ok) return fail(result.message);
      console.log(`Added ${result.account.role} ${result.account.email} (${result.account.name}). They can sign in at /staff/login.`);
      return 0;
    }
    case 'list': {
      const accounts = await listStaff(db);
      if (accounts.length === 0) console.log('No staff accounts yet. Add one with: npm run staff -- add --help');
      else
        console.table(
          accounts.map((a) => ({ email: a.email, name: a.name, role: a.role, created: a.createdAt, disabled: a.disabledAt ?? '' })),
        );
      return 0;
    }
    case 'disable':
    case 'reset-password': {
      const account = await accountByEmail(db, command.email);
      if (!account) return fail(`No account for ${command.email}. See the accounts with: npm run staff -- list`);
      const result =
        command.command === 'disable'
          ? await setDisabled(db, account.id, true, null)
          : await resetPassword(db, account.id, await readPassword(), null);
      if (!result.ok) return fail(result.message);
      console.log(
        command.command === 'disable'
          ? `Disabled ${account.email} and ended its sessions.`
          : `New password set for ${account.email}; its sessions were ended.`,
      );
      return 0;
    }
  }
}

function fail(message: string): number {
  console.error(message);
  return 1;
}

const settings = databaseSettings(process.env);
const db = openDatabase(settings);
try {
  // Opening (and migrating) fails for reasons the server's start-up explains the same way: say it alike.
  const opened = await migrateToLatest(db).then(
    () => true,
    (error: unknown) => console.error(startupProblem(error, settings)),
  );
  process.exitCode = opened ? await run(db, parsed.command) : 1;
} catch (error) {
  console.error(
    `Could not change the accounts in ${describeDatabase(settings)}: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
} finally {
  await db.destroy();
}
