/**
 * A deterministic synthetic help-center corpus for the build benchmark.
 *
 * Article `i` is generated from its own seeded PRNG, so its text, category and
 * related links are the same whatever the corpus size N: the page built for it
 * can be compared across N. Pure functions only; `writeCorpus` does the I/O.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The word a first search looks for; it appears in many articles. */
export const COMMON_WORD = 'payment';

/** Index of the article whose page is weighed at every N (must stay below the smallest N). */
export const PROBE_ARTICLE_INDEX = 7;

export const CORPUS_SEED = 'signpost-bench-v1';

export interface BenchCategory {
  id: string;
  title: string;
  description: string;
  icon: 'key' | 'user' | 'card' | 'briefcase' | 'shield' | 'chat' | 'gear';
  order: number;
}

export const BENCH_CATEGORIES: BenchCategory[] = [
  {
    id: 'account-access',
    title: 'Signing in and account access',
    description: 'Passwords, reset emails and locked accounts.',
    icon: 'key',
    order: 1,
  },
  {
    id: 'profile-settings',
    title: 'Profile and account settings',
    description: 'Your email address, notifications and profile details.',
    icon: 'user',
    order: 2,
  },
  {
    id: 'payments',
    title: 'Payments and withdrawals',
    description: 'Getting paid, invoices, fees and withdrawal methods.',
    icon: 'card',
    order: 3,
  },
  { id: 'finding-work', title: 'Finding work', description: 'Proposals, job invitations and contracts.', icon: 'briefcase', order: 4 },
  { id: 'hiring', title: 'Hiring freelancers', description: 'Posting jobs, comparing proposals and milestones.', icon: 'chat', order: 5 },
  {
    id: 'trust-safety',
    title: 'Trust and safety',
    description: 'Spotting scams, reporting a user and staying safe.',
    icon: 'shield',
    order: 6,
  },
  {
    id: 'integrations',
    title: 'Apps and integrations',
    description: 'Calendars, chat tools, time trackers and the public API.',
    icon: 'gear',
    order: 7,
  },
  {
    id: 'billing-plans',
    title: 'Plans and billing',
    description: 'Membership plans, receipts, taxes and refunds.',
    icon: 'card',
    order: 8,
  },
];

export interface BenchArticle {
  index: number;
  slug: string;
  frontmatter: {
    title: string;
    description: string;
    category: string;
    audience: string[];
    keywords: string[];
    updated: string;
    related: string[];
    popular: boolean;
  };
  body: string;
}

// ---------------------------------------------------------------- PRNG

/** 32-bit FNV-1a hash of a string, used to seed one PRNG per article. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast, good enough for text generation, identical on every platform. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Rng {
  next(): number;
  int(n: number): number;
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
}

function rngFor(seed: string): Rng {
  const next = mulberry32(hashSeed(seed));
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: (list) => list[int(list.length)], chance: (p) => next() < p };
}

// ---------------------------------------------------------------- word banks

const VERBS = [
  'change',
  'update',
  'remove',
  'add',
  'verify',
  'recover',
  'export',
  'connect',
  'cancel',
  'pause',
  'review',
  'download',
  'share',
  'restore',
  'schedule',
  'confirm',
  'transfer',
  'dispute',
  'rename',
  'archive',
];
const OBJECTS = [
  'your password',
  'your email address',
  'a payout method',
  'your profile photo',
  'two-step verification',
  'a saved card',
  'your tax details',
  'a job post',
  'a proposal',
  'a milestone',
  'an invoice',
  'a contract',
  'your notification settings',
  'your time zone',
  'a team member',
  'a work diary',
  'your portfolio',
  'a refund request',
  'your membership plan',
  'a calendar connection',
  'an API key',
  'a message thread',
  'a client review',
  'your bank account',
  'a withdrawal',
  'your billing address',
  'a security key',
  'your display name',
  'a weekly limit',
  'an hourly rate',
  'a fixed-price offer',
  'a dispute case',
  'your skills list',
  'a saved search',
  'a recovery code',
  'your phone number',
  'a receipt',
  'a bonus',
  'a report',
  'your availability badge',
];
const CONTEXTS = [
  'on the mobile app',
  'from a new device',
  'after a name change',
  'while travelling',
  'for a team account',
  'before a contract ends',
  'when the page will not load',
  'in another currency',
  'on a shared computer',
  'without losing your history',
];
const PLACES = [
  'the Settings page',
  'the Earnings tab',
  'your account menu',
  'the Contracts list',
  'the Messages panel',
  'the Reports section',
  'the Security page',
  'the top navigation bar',
  'the Billing page',
  'the Help menu',
];
const TIMES = ['a few minutes', 'up to an hour', 'one business day', 'two to three days', 'about a week'];
const ROLES = ['freelancers', 'clients', 'team admins', 'agency owners', 'new members', 'account owners'];
const REASONS = [
  'keeps your account safe',
  'helps us confirm it is really you',
  'protects both sides of a contract',
  'avoids delays at the end of the month',
  'makes support cases faster to solve',
  'is required by our banking partners',
  'stops duplicate charges',
  'keeps your records tidy',
];
const OUTCOMES = [
  'the change shows on every device',
  'we send a confirmation email',
  'the old setting stops working',
  'your client sees the update',
  'a banner confirms it worked',
  'the history keeps a record of it',
];
const TIPS = [
  'You can do this from any browser, but the mobile app shows a shortcut on the home screen.',
  'Keep a copy of the confirmation email until the change is complete.',
  'If the button is greyed out, an owner of the team account has to do it for you.',
  'Changes made after 18:00 UTC are processed the next business day.',
  'Bookmark this page: the same steps work for every account type.',
];
const SYLLABLES = ['vel', 'mor', 'ka', 'tri', 'lo', 'zan', 'bre', 'qui', 'dor', 'fen', 'sa', 'rim', 'tov', 'ney', 'pla', 'gur'];
const FILLER = [
  'Most people finish this in {time}.',
  'Start from {place}, where {role} manage this.',
  'We recommend it because it {reason}.',
  'Once you save, {outcome}.',
  'Both {role} and {role2} can do this, but the steps differ slightly.',
  'If something looks wrong, wait {time} and check {place} again.',
  'This {reason}, so we ask everyone to do it.',
  'The {term} feature in {place} shows the current status.',
  'You will find the history of every change in {place}.',
  'Nothing else on your account changes, and {outcome}.',
];
const PAYMENT_SENTENCES = [
  'This does not affect any payment that is already on its way.',
  'A pending payment stays on hold until the change is confirmed.',
  'If a payment fails during this time, we retry it automatically.',
  'Your next payment uses the new details once they are verified.',
];

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function inventedTerm(rng: Rng): string {
  const n = 2 + rng.int(2);
  let word = '';
  for (let i = 0; i < n; i++) word += rng.pick(SYLLABLES);
  return capital(word);
}

function sentence(rng: Rng, terms: string[]): string {
  const roles = [rng.pick(ROLES), rng.pick(ROLES)];
  return rng.pick(FILLER).replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'time':
        return rng.pick(TIMES);
      case 'place':
        return rng.pick(PLACES);
      case 'role':
        return roles[0];
      case 'role2':
        return roles[1] === roles[0] ? 'everyone else' : roles[1];
      case 'reason':
        return rng.pick(REASONS);
      case 'outcome':
        return rng.pick(OUTCOMES);
      case 'term':
        return rng.pick(terms);
      default:
        throw new Error(`unknown slot ${slot}`);
    }
  });
}

function paragraph(rng: Rng, terms: string[], sentences: number, mentionPayment: boolean): string {
  const parts: string[] = [];
  for (let i = 0; i < sentences; i++) parts.push(sentence(rng, terms));
  if (mentionPayment) parts.splice(rng.int(parts.length + 1), 0, rng.pick(PAYMENT_SENTENCES));
  return parts.join(' ');
}

const countWords = (text: string) => text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;

// ---------------------------------------------------------------- articles

/** Article `index` of the corpus; independent of the corpus size. */
export function generateArticle(index: number, targetWords = 600): BenchArticle {
  const rng = rngFor(`${CORPUS_SEED}:${index}`);
  const category = BENCH_CATEGORIES[index % BENCH_CATEGORIES.length];
  const verb = rng.pick(VERBS);
  const object = rng.pick(OBJECTS);
  const context = rng.pick(CONTEXTS);
  const title = `${capital(verb)} ${object} ${context}`;
  const slug = `${slugify(title)}-${String(index).padStart(4, '0')}`;
  const terms = [inventedTerm(rng), inventedTerm(rng), inventedTerm(rng)];
  // "payment" is common but not everywhere: every payments article, and about half of the others.
  const payments = category.id === 'payments' || rng.chance(0.5);

  const blocks: string[] = [];
  blocks.push(`This article explains how to ${verb} ${object} ${context}. ${paragraph(rng, terms, 2, payments)}`);
  const questions = [
    `How do I ${verb} ${object}?`,
    `How do I know it worked?`,
    `How do I ${rng.pick(VERBS)} ${rng.pick(OBJECTS)} ${rng.pick(CONTEXTS)}?`,
    `How do I get help if the ${terms[0]} step fails?`,
  ];
  const calloutAt = rng.int(questions.length);
  questions.forEach((question, q) => {
    blocks.push(`## ${question}`);
    blocks.push(paragraph(rng, terms, 3 + rng.int(2), payments && q === 1));
    const steps = 3 + rng.int(3);
    const ordered = q % 2 === 0;
    const items: string[] = [];
    for (let s = 0; s < steps; s++) {
      const text = s === 0 ? `Open ${rng.pick(PLACES)}.` : sentence(rng, terms);
      items.push(ordered ? `${s + 1}. ${text}` : `- ${text}`);
    }
    blocks.push(items.join('\n'));
    if (q === calloutAt) blocks.push(`<Callout type="tip">\n${rng.pick(TIPS)} ${sentence(rng, terms)}\n</Callout>`);
  });
  // Pad to about `targetWords` with closing paragraphs under the last question.
  while (countWords(blocks.join('\n')) < targetWords) blocks.push(paragraph(rng, terms, 3, false));

  const audience = rng.chance(0.6) ? ['freelancer', 'client'] : [rng.chance(0.5) ? 'freelancer' : 'client'];
  const related: string[] = [];
  if (index >= 3) {
    const a = rng.int(index);
    let b = rng.int(index);
    if (b === a) b = (a + 1) % index;
    related.push(articleSlug(a), articleSlug(b));
  }
  const day = new Date(Date.UTC(2026, 0, 1) + ((index * 7) % 300) * 86_400_000);

  return {
    index,
    slug,
    frontmatter: {
      title,
      description: `Step-by-step help to ${verb} ${object} ${context}, and what to do when it does not work as expected.`,
      category: category.id,
      audience,
      keywords: [`${verb} ${object.replace(/^(your|a|an) /, '')}`, terms[0].toLowerCase(), category.title.toLowerCase()],
      updated: day.toISOString().slice(0, 10),
      related,
      popular: index < BENCH_CATEGORIES.length,
    },
    body: blocks.join('\n\n') + '\n',
  };
}

/** The slug of article `index`, without generating its body twice in callers that only need links. */
export function articleSlug(index: number): string {
  const rng = rngFor(`${CORPUS_SEED}:${index}`);
  const verb = rng.pick(VERBS);
  const object = rng.pick(OBJECTS);
  const context = rng.pick(CONTEXTS);
  return `${slugify(`${capital(verb)} ${object} ${context}`)}-${String(index).padStart(4, '0')}`;
}

// ---------------------------------------------------------------- serialisation

/** A YAML scalar that needs no thought from the reader: always a double-quoted JSON string. */
const yamlString = (s: string) => JSON.stringify(s);

export function articleToMdx(article: BenchArticle): string {
  const f = article.frontmatter;
  const list = (items: string[]) => `[${items.map(yamlString).join(', ')}]`;
  return [
    '---',
    `title: ${yamlString(f.title)}`,
    `description: ${yamlString(f.description)}`,
    `category: ${f.category}`,
    `audience: ${list(f.audience)}`,
    `keywords: ${list(f.keywords)}`,
    `updated: ${f.updated}`,
    `related: ${list(f.related)}`,
    `popular: ${f.popular}`,
    '---',
    '',
    article.body,
  ].join('\n');
}

export function categoriesToYaml(categories: BenchCategory[] = BENCH_CATEGORIES): string {
  return (
    categories
      .map((c) =>
        [
          `- id: ${c.id}`,
          `  title: ${yamlString(c.title)}`,
          `  description: ${yamlString(c.description)}`,
          `  icon: ${c.icon}`,
          `  order: ${c.order}`,
        ].join('\n'),
      )
      .join('\n') + '\n'
  );
}

/** Writes `categories.yaml` and `articles/<category>/<slug>.mdx` for articles 0..n-1 under `dir`. */
export async function writeCorpus(dir: string, n: number): Promise<{ words: number; withCommonWord: number; probe: BenchArticle }> {
  await mkdir(join(dir, 'articles'), { recursive: true });
  await writeFile(join(dir, 'categories.yaml'), categoriesToYaml());
  for (const c of BENCH_CATEGORIES) await mkdir(join(dir, 'articles', c.id), { recursive: true });
  let words = 0;
  let withCommonWord = 0;
  for (let i = 0; i < n; i++) {
    const article = generateArticle(i);
    words += countWords(article.body);
    if (new RegExp(`\\b${COMMON_WORD}s?\\b`, 'i').test(article.body)) withCommonWord++;
    await writeFile(join(dir, 'articles', article.frontmatter.category, `${article.slug}.mdx`), articleToMdx(article));
  }
  return { words, withCommonWord, probe: generateArticle(PROBE_ARTICLE_INDEX) };
}

/**
 * A translation of each of the corpus's `n` articles into language `code` (content/<code>/articles/, the same file
 * names), and of its categories: the source's text marked as the other language's, as the build treats it the same.
 */
export async function writeTranslations(dir: string, n: number, code: string): Promise<void> {
  await mkdir(join(dir, code, 'articles'), { recursive: true });
  await writeFile(join(dir, code, 'categories.yaml'), categoriesToYaml());
  for (const c of BENCH_CATEGORIES) await mkdir(join(dir, code, 'articles', c.id), { recursive: true });
  for (let i = 0; i < n; i++) {
    const article = generateArticle(i);
    await writeFile(join(dir, code, 'articles', article.frontmatter.category, `${article.slug}.mdx`), articleToMdx(article));
  }
}

/** The suffixes that make an English word Spanish-ish, chosen by the word: about as many distinct words, with accents. */
const SPANISH_ENDINGS = ['o', 'a', 'ar', 'ción', 'ería', 'ado', 'mente', 'és'];

/** A word made Spanish-ish, the same each time: "payment" → "paymentción". Short words are left as they are. */
export function spanishish(word: string): string {
  if (word.length < 4) return word;
  return `${word}${SPANISH_ENDINGS[hashSeed(word.toLowerCase()) % SPANISH_ENDINGS.length]}`;
}

/**
 * A built page of the corpus as its second language's page: `lang="es"`, and every word of its text (not of its
 * markup) made Spanish-ish, so the second index holds a vocabulary of its own of the same size as the first.
 */
export function spanishishPage(html: string): string {
  return html
    .replace(/(<html\b[^>]*?\slang=")[^"]*"/i, '$1es"')
    .replace(/>([^<]+)</g, (_, text: string) => `>${text.replace(/\p{L}+/gu, spanishish)}<`)
    .replace(
      /(data-pagefind-meta="[^:"]+:)([^"]*)"/g,
      (_, field: string, value: string) => `${field}${value.replace(/\p{L}+/gu, spanishish)}"`,
    );
}
