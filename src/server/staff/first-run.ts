import { randomInt } from 'node:crypto';
import { passwordProblem } from '../auth/password-policy.ts';
import type { Db } from '../db/connection.ts';
import { countStaff } from '../db/staff.ts';
import { site } from '../../site.config.ts';
import { addStaff } from './accounts.ts';

export const DEMO_ADMIN_EMAIL = `admin@${site.supportEmail.split('@')[1]}`;

/**
 * What `npm start` prints when no staff account exists: how to create the first admin, or with DEMO=1 the demo
 * admin it just created and its password, shown this once (only its hash is stored). Undefined once accounts exist.
 */
export async function firstRunNotice(
  db: Db,
  { demo, dataDir, postgres = false, url }: { demo: boolean; dataDir?: string; postgres?: boolean; url: string },
): Promise<string | undefined> {
  if ((await countStaff(db)) > 0) return undefined;
  const signIn = `${url}/staff/login`;
  if (demo) {
    const password = generatePassword();
    const result = await addStaff(db, { email: DEMO_ADMIN_EMAIL, name: 'Demo Admin', role: 'admin', password }, null);
    // Another instance starting at the same moment on the same database created it first, and printed it.
    if (!result.ok && result.field === 'email') return undefined;
    if (!result.ok) throw new Error(`Could not create the demo admin: ${result.message}`);
    return [
      'DEMO=1: created a demo admin. Its password is shown only now:',
      `  email:    ${DEMO_ADMIN_EMAIL}`,
      `  password: ${password}`,
      `Sign in at ${signIn}`,
    ].join('\n');
  }
  const env = dataDir ? `DATA_DIR=${shellQuote(dataDir)} ` : '';
  // A passphrase made now rather than an example: the command works as printed, and no two help centers share it.
  return [
    'No staff account exists yet. Create the first admin with this command, with your own email address and name. Its',
    'passphrase was made for you just now and is shown only here (or put your own, 15+ characters, between the quotes):',
    `  printf '%s\\n' '${generatePassword()}' | ${env}npm run staff -- add --email you@example.com --name "Your Name" --role admin --password-stdin`,
    ...(postgres ? ['(in a shell where DATABASE_URL is set as for the server)'] : []),
    `then sign in at ${signIn}. (Or start with DEMO=1 for a demo admin.)`,
  ].join('\n');
}

/** Six groups of four from an unambiguous alphabet: about 120 bits, easy to read out and type. */
function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  for (;;) {
    const groups = Array.from({ length: 6 }, () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join(''));
    const password = groups.join('-');
    if (!passwordProblem(password)) return password;
  }
}

function shellQuote(value: string): string {
  return /^[\w./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}
