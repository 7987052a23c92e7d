// The island in Chromium, driven along the flows' own paths by XState's test model rather than hand-listed walks:
// every simple path through "payment-stuck" (automatic steps included: each branch gets a reader whose browser
// knows the fact that picks it), and the shortest path to every step of the other flows, hand-overs included.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { TestModel } from 'xstate/graph';
import { compileFlow, currentStep, OUTCOME_TAG, type FlowSnapshot, type PathEntry } from '../../src/troubleshooter/compile.ts';
import { refParts, walkFrom } from '../../src/troubleshooter/walk.ts';
import { BROWSER_STORAGE_KEY } from '../../src/lib/browsers.ts';
import { USER_TYPE_KEY } from '../../src/lib/announcement-window.ts';
import { useBrowser } from '../support/browser.ts';
import { ACTION_TIMEOUT_MS, troubleshooter, waitForIsland } from '../support/flow-page.ts';
import { loadFlowSet } from '../support/flows.ts';

const session = useBrowser();
const flows = loadFlowSet();
const MOBILE = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Mobile Safari/537.36';

function modelOf(id: string) {
  const walk = walkFrom(id, flows);
  const steps = new Map(walk.steps.map((s) => [s.id, s]));
  const fileStep = (ref: string) => {
    const { flow, step } = refParts(id, ref);
    return flows.get(flow)!.steps.find((s) => s.id === step)!;
  };
  // The model built as createTestModel builds it, but offering only the reader's choices: createTestModel adds every
  // event the machine takes (Back, Start over, a deep link), which turns each path into endless detours.
  const model = new TestModel(compileFlow(walk), {
    serializeState: (snapshot) => currentStep(snapshot as FlowSnapshot),
    events: (snapshot) => steps.get(currentStep(snapshot as FlowSnapshot))!.exits.map((e) => ({ type: 'CHOOSE' as const, choice: e.id })),
  });
  return { walk, steps, fileStep, model };
}

type Model = ReturnType<typeof modelOf>;

/** What the reader's browser must know for each automatic step on the path to take the branch the path takes. */
function readerFor({ fileStep }: Model, path: PathEntry[]): { userAgent?: string; storage: Record<string, string> } {
  const reader: { userAgent?: string; storage: Record<string, string> } = { storage: {} };
  for (const { step, choice } of path) {
    const found = fileStep(step);
    if (found.kind !== 'auto') continue;
    const picked = found.choices.find((c) => (c.id ?? c.next) === choice)!;
    // A fallback without values of its own: a fact no other branch claims (none stored, a desktop browser).
    const value = picked.when?.[0];
    if (found.by === 'device' && value === 'mobile') reader.userAgent = MOBILE;
    if (found.by === 'browser' && value) reader.storage[BROWSER_STORAGE_KEY] = value;
    if (found.by === 'user-type' && value) reader.storage[USER_TYPE_KEY] = value;
  }
  return reader;
}

async function drive(id: string, m: Model, path: { steps: { event: { type: string }; state: unknown }[] }): Promise<void> {
  const entries = path.steps
    .map((s, i) => ({ event: s.event, from: i > 0 ? currentStep(path.steps[i - 1].state as FlowSnapshot) : '' }))
    .filter((s) => s.event.type === 'CHOOSE')
    .map((s) => ({ step: s.from, choice: (s.event as unknown as { choice: string }).choice }));
  const { userAgent, storage } = readerFor(m, entries);
  // A phone: its user agent, and Chromium's own client hints saying mobile (what the island reads first).
  const page: Page = await session.newPage(userAgent ? { userAgent, isMobile: true, hasTouch: true } : {});
  page.setDefaultTimeout(ACTION_TIMEOUT_MS);
  await page.addInitScript((items: Record<string, string>) => {
    for (const [key, value] of Object.entries(items)) localStorage.setItem(key, value);
  }, storage);
  await page.goto(`/troubleshoot/${id}/`);
  await waitForIsland(page);

  let at = m.walk.start;
  await (path as unknown as { test: (params: object) => Promise<unknown> }).test({
    states: {
      '*': async (snapshot: FlowSnapshot) => {
        at = currentStep(snapshot);
        // The reader never sees an automatic step: the island has already taken its branch.
        if (m.steps.get(at)!.kind === 'auto') return;
        const expected = { heading: m.fileStep(at).title, hash: at === m.walk.start ? '' : `#${at}` };
        await expect
          .poll(async () => ({ heading: await troubleshooter(page).heading.innerText(), hash: new URL(page.url()).hash }), {
            timeout: 3000,
            message: `at "${at}"`,
          })
          .toEqual(expected);
      },
    },
    events: {
      CHOOSE: async ({ event }: { event: { choice: string } }) => {
        const step = m.steps.get(at)!;
        if (step.kind === 'auto') return;
        await troubleshooter(page)
          .choice(step.exits.find((e) => e.id === event.choice)!.label)
          .click();
      },
    },
  });
}

/** A path by its steps and choices, e.g. `what-is-stuck:card → card-pending:fixed → resolved`. */
function named(path: { steps: { event: { type: string }; state: unknown }[] }): string {
  const at = (i: number) => currentStep(path.steps[i].state as FlowSnapshot);
  const choices = path.steps.flatMap((s, i) =>
    s.event.type === 'CHOOSE' ? [`${at(i - 1)}:${(s.event as unknown as { choice: string }).choice}`] : [],
  );
  return [...choices, at(path.steps.length - 1)].join(' → ');
}

describe('the island along every simple path of "payment-stuck"', () => {
  const m = modelOf('payment-stuck');
  const paths = m.model.getSimplePaths({ toState: (s) => (s as FlowSnapshot).hasTag(OUTCOME_TAG) });
  test('the model has paths through each branch of each automatic step', () => {
    const autoChoices = m.walk.steps.filter((s) => s.kind === 'auto').flatMap((s) => s.exits.map((e) => `${s.id}:${e.id}`));
    const taken = new Set(
      paths.flatMap((p) =>
        p.steps.flatMap((s, i) =>
          s.event.type === 'CHOOSE'
            ? [`${currentStep(p.steps[i - 1].state as FlowSnapshot)}:${(s.event as { choice: string }).choice}`]
            : [],
        ),
      ),
    );
    expect(autoChoices.length).toBeGreaterThan(3);
    expect(autoChoices.filter((c) => !taken.has(c))).toEqual([]);
  });
  for (const path of paths) test(named(path), () => drive('payment-stuck', m, path));
});

for (const id of ['login', 'page-wont-load']) {
  describe(`the island along the shortest path to each step of "${id}"`, () => {
    const m = modelOf(id);
    for (const path of m.model.getShortestPaths()) test(named(path), () => drive(id, m, path));
  });
}
