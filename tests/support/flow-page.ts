// What the troubleshooter e2e tests know about the login flow, and how they read and drive its page.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { MIN_FILL_MS } from '../../src/server/tickets/spam.ts';
import { loadFlows } from './flows.ts';
import { hasFocus } from './site.ts';
import { storedRows } from './support-requests.ts';

export const LOGIN_PATH = '/troubleshoot/login/';

const login = loadFlows().find((f) => f.id === 'login')?.flow;
if (!login) throw new Error('content/flows/login.yaml is missing: the troubleshooter e2e tests walk that flow.');

/** The id of the login flow's first question. */
export const LOGIN_START = login.start;

/** A step's title as content/flows/login.yaml writes it (what the reader sees as the step's heading). */
export function stepTitle(id: string): string {
  const step = login!.steps.find((s) => s.id === id);
  if (!step) throw new Error(`content/flows/login.yaml has no step "${id}".`);
  return step.title ?? id;
}

/** The hash a step shows in the address bar: none at the first question, `#<id>` everywhere else. */
export function stepHash(id: string): string {
  return id === LOGIN_START ? '' : `#${id}`;
}

/** The parts of the troubleshooter a reader sees and uses, found by role, name and text. */
export function troubleshooter(page: Page) {
  const main = page.getByRole('main');
  return {
    /** Every visible step heading; once the island runs, exactly one (the contact form's own headings aside). */
    headings: main.locator('.flow-step > h2'),
    heading: main.locator('.flow-step > h2').first(),
    // Choices, Back and Start over are links with and without JavaScript: each is the address of where it leads.
    choice: (label: string): Locator => main.getByRole('link', { name: label, exact: true }),
    back: main.getByRole('link', { name: 'Back', exact: true }),
    startOver: main.getByRole('link', { name: 'Start over', exact: true }),
    /** "Step N · up to …", "Step N · the last question" or "Step N: the end of this troubleshooter". */
    progress: main.getByText(/^Step \d+( ·|: the end of this troubleshooter)/),
    /** The troubleshooter's own announcements (the contact form's suggestions have theirs). */
    liveRegion: main.locator('.flow > [aria-live]'),
  };
}

/** Waits until the island has taken over the step the server rendered. */
export async function waitForIsland(page: Page): Promise<void> {
  await page.locator('.flow[data-ready]').waitFor({ state: 'attached' });
}

/** Every step answers within milliseconds locally: a missing element should fail in seconds, not Playwright's 30. */
export const ACTION_TIMEOUT_MS = 5000;

/** Opens the login troubleshooter (at `hash` when given) and waits for the island. */
export async function openLoginFlow(page: Page, hash = ''): Promise<void> {
  page.setDefaultTimeout(ACTION_TIMEOUT_MS);
  await page.goto(`${LOGIN_PATH}${hash}`);
  await waitForIsland(page);
}

/** What the reader sees right now: the step headings on screen and the URL's hash. */
export async function shownStep(page: Page): Promise<{ headings: string[]; hash: string }> {
  return { headings: await troubleshooter(page).headings.allInnerTexts(), hash: new URL(page.url()).hash };
}

/** Waits for exactly step `id` to be on screen (one heading, its title) with its hash in the URL. */
export async function expectStep(page: Page, id: string, message = `step "${id}"`): Promise<void> {
  await expect.poll(() => shownStep(page), { message, timeout: 3000 }).toEqual({ headings: [stepTitle(id)], hash: stepHash(id) });
}

/** The number in the progress text ("Step 3 · …" → 3). */
export async function progressNumber(page: Page): Promise<number> {
  const text = await troubleshooter(page).progress.innerText();
  return Number(/^Step (\d+)/.exec(text)![1]);
}

/** Clicks a choice by its label and waits for the step it leads to. */
export async function choose(page: Page, label: string, nextId: string): Promise<void> {
  await troubleshooter(page).choice(label).click();
  await expectStep(page, nextId, `after choosing "${label}"`);
}

export type FlowEventDetail =
  | { type: 'step_viewed'; flow: string; step: string; version?: string }
  | { type: 'outcome'; flow: string; step: string; result: string; version?: string };

/** From the next document on, keeps every `signpost:flow` event's detail; read them with `flowEvents`. */
export async function recordFlowEvents(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: unknown[] = [];
    (window as unknown as { __flowEvents: unknown[] }).__flowEvents = seen;
    window.addEventListener('signpost:flow', (event) => seen.push((event as CustomEvent).detail));
  });
}

export function flowEvents(page: Page): Promise<FlowEventDetail[]> {
  return page.evaluate(() => (window as unknown as { __flowEvents: FlowEventDetail[] }).__flowEvents);
}

/** The walk from the first question to the escalate step about a reset email that never came: [choice label, step it leads to]. */
export const WALK_TO_RESET_ESCALATION: [label: string, next: string][] = [
  ['I forgot my password', 'reset-password'],
  ["The reset email didn't arrive", 'check-spam'],
  ["It isn't there either", 'resend-reset'],
  ['I sent it again', 'check-again'],
  ['Still nothing after 15 minutes', 'escalate-reset'],
];

/** Opens the login troubleshooter and walks to its reset-email escalate step, where the contact form is inline. */
export async function walkToResetEscalation(page: Page): Promise<void> {
  await openLoginFlow(page);
  for (const [label, next] of WALK_TO_RESET_ESCALATION) await choose(page, label, next);
}

/** Fills and sends the escalate step's inline form as a person would (not faster); returns the reference on the sent page. */
export async function sendInlineContactForm(page: Page, fields: { name: string; email: string; description: string }): Promise<string> {
  const main = page.getByRole('main');
  await main.getByLabel('Your name', { exact: true }).fill(fields.name);
  await main.getByLabel('Your email address', { exact: true }).fill(fields.email);
  await main.getByLabel('Describe the problem', { exact: true }).fill(fields.description);
  await main.getByLabel('The support team may contact me').check();
  await page.waitForTimeout(MIN_FILL_MS + 200);
  await main.getByRole('button', { name: 'Send to support' }).click();
  // The sent state has its own address, as after the contact form.
  await page.waitForURL(/\/contact\/sent\/\?ref=HC-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const reference = new URL(page.url()).searchParams.get('ref')!;
  expect(await main.locator('.reference').textContent()).toBe(reference);
  return reference;
}

/** Presses Tab until `target` has focus; fails after `max` presses. Returns how many it took. */
export async function tabTo(page: Page, target: Locator, max: number): Promise<number> {
  for (let presses = 0; presses <= max; presses++) {
    if (await hasFocus(target)) return presses;
    await page.keyboard.press('Tab');
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
  throw new Error(`${max} presses of Tab did not reach ${target}; focus is on ${focused}`);
}

/**
 * On a contact form that carries the login walk "not sure which email address → still can't find it" (the escalate
 * step's form, or a link to the contact page with that walk): checks that the description starts from the walk,
 * sends the form as `person`, and checks the ticket stored with exactly that walk as its transcript.
 */
export async function sendFindEmailWalk(page: Page, person: { name: string; email: string }, dataDir: string): Promise<void> {
  const main = page.getByRole('main');
  const description = main.getByLabel('Describe the problem', { exact: true });
  const prefilled = await description.inputValue();
  expect(prefilled.split('\n').slice(0, 3)).toEqual([
    "What I tried in “I can't sign in”:",
    `- ${stepTitle('what-is-wrong')} → I'm not sure which email address I signed up with`,
    `- ${stepTitle('find-email')} → I still can't find it`,
  ]);
  const story = `Walk sent by ${person.name} ${crypto.randomUUID()}`;
  await description.fill(`${prefilled}${story}`);
  await main.getByLabel('Your name', { exact: true }).fill(person.name);
  await main.getByLabel('Your email address', { exact: true }).fill(person.email);
  await main.getByLabel('The support team may contact me').check();
  await page.waitForTimeout(MIN_FILL_MS + 200);
  await main.getByRole('button', { name: 'Send to support' }).click();
  await page.waitForURL(/\/contact\/sent\/\?ref=HC-/);

  const row = (await storedRows(dataDir)).tickets.find((t) => t.description.endsWith(story));
  expect(row && JSON.parse(row.transcript!)).toEqual({
    flow: 'login',
    steps: [
      { step: 'what-is-wrong', choice: 'find-email' },
      { step: 'find-email', choice: 'not-fixed' },
    ],
  });
}
