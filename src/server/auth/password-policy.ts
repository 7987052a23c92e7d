/**
 * Which passwords staff may choose. Length is what makes a password strong (NIST SP 800-63B: at least 15
 * characters for a password used alone, any characters, no composition rules); on top of that we refuse
 * passwords made of the account's own details, one repeated character, or a well-known password or sequence.
 */
export const PASSWORD_MIN_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 256;

const COMMON = [
  'password',
  'passw0rd',
  'letmein',
  'welcome',
  'qwerty',
  'azerty',
  'iloveyou',
  'admin',
  'administrator',
  'changeme',
  'secret',
  'support',
  'helpdesk',
  'loomwork',
  'signpost',
  'trustno1',
  'monkey',
  'dragon',
  'football',
  'baseball',
  'sunshine',
  'princess',
  'starwars',
  'whatever',
];
// The examples in our own instructions (the staff command's usage text, the README): copied as they are, they
// would be known to everyone.
const EXAMPLES = ['four long unrelated words', 'a long passphrase of your own', 'another long passphrase'].map((example) =>
  example.replaceAll(' ', ''),
);
const SEQUENCES = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm', '1q2w3e4r5t6y7u8i9o0p'];
const KNOWN = [...COMMON, ...SEQUENCES.flatMap(slices)];

/** Why a password is refused, as a sentence to show next to the field; undefined when it is acceptable. */
export function passwordProblem(password: string, account: { email?: string; name?: string } = {}): string | undefined {
  const length = [...password].length;
  if (length === 0) return 'Enter a password';
  if (length < PASSWORD_MIN_LENGTH) {
    return `Password must be ${PASSWORD_MIN_LENGTH} characters or more (it has ${length}). A few unrelated words make a strong one.`;
  }
  if (length > PASSWORD_MAX_LENGTH) return `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`;
  if (password.trim() !== password) return 'Password must not start or end with a space';
  const plain = password.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  if (new Set(plain).size <= 2) return 'Password must not be one or two characters repeated';
  // Digits sprinkled between words ("password2024admin") add little, so they are left out of the comparison.
  const letters = plain.replace(/\p{N}/gu, '') || plain;
  if (isMadeOf(letters, KNOWN))
    return 'Password is made of well-known passwords or keyboard sequences; choose words that are not about this site';
  if (isMadeOf(letters, [...EXAMPLES, ...KNOWN]))
    return 'Password is the example from the instructions, which anyone can read; choose a passphrase of your own';
  const own = [account.email?.split('@')[0], ...(account.name?.split(/\s+/) ?? [])]
    .map((part) => part?.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '') ?? '')
    .filter((part) => part.length >= 3);
  if (own.length > 0 && isMadeOf(letters, [...own, ...KNOWN])) return 'Password must not be made of your name or email address';
  return undefined;
}

/** Runs of 3+ characters of a sequence, forwards and backwards ("abc", "987"…). */
function slices(sequence: string): string[] {
  const out: string[] = [];
  for (const s of [sequence, [...sequence].reverse().join('')]) {
    for (let i = 0; i < s.length; i++) for (let j = i + 3; j <= s.length; j++) out.push(s.slice(i, j));
  }
  return out;
}

/** True when `text` is nothing but pieces from `parts` ("passwordadmin", "adalovelaceqwerty"). */
function isMadeOf(text: string, parts: string[]): boolean {
  const reachable = new Array<boolean>(text.length + 1).fill(false);
  reachable[0] = true;
  for (let i = 0; i < text.length; i++) {
    if (!reachable[i]) continue;
    for (const part of parts) if (part && text.startsWith(part, i)) reachable[i + part.length] = true;
  }
  return reachable[text.length];
}
