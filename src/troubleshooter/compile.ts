import { assign, setup, type SnapshotFrom } from 'xstate';
import type { Exit, StepKind } from './flow-model.ts';

/** What the machine needs of a flow: ids and ways out. Rendering data rides alongside, not inside. */
export interface MachineFlow {
  id: string;
  start: string;
  steps: { id: string; kind: StepKind; exits: Exit[] }[];
}

export interface PathEntry {
  step: string;
  choice: string;
}

export interface FlowContext {
  /** The transcript: every step where the reader chose, with the choice. Back pops it. */
  path: PathEntry[];
  /** The ticket reference once the reader sent the contact form. */
  reference?: string;
}

export type FlowEvent =
  | { type: 'CHOOSE'; choice: string }
  | { type: 'BACK' }
  | { type: 'RESTART' }
  /** Opens a step directly (a deep link); the transcript starts afresh there. */
  | { type: 'GO'; step: string }
  /** The contact form at an escalate step was accepted. */
  | { type: 'SUBMITTED'; reference: string };

export const OUTCOME_TAG = 'outcome';

/**
 * Compiles a flow into an XState machine: one state per step, CHOOSE guarded by choice id, and BACK
 * guarded by the step the last choice was made at, so Back returns to exactly the previous step.
 */
export function compileFlow(flow: MachineFlow) {
  const chooser = flow.steps.filter((s) => s.exits.length > 0);
  return setup({
    types: { context: {} as FlowContext, events: {} as FlowEvent },
    actions: {
      record: assign({ path: ({ context }, entry: PathEntry) => [...context.path, entry] }),
      forget: assign({ path: ({ context }) => context.path.slice(0, -1) }),
      clear: assign({ path: () => [], reference: undefined }),
      submitted: assign({ reference: ({ event }) => (event.type === 'SUBMITTED' ? event.reference : undefined) }),
    },
    guards: {
      chose: ({ event }, params: { choice: string }) => event.type === 'CHOOSE' && event.choice === params.choice,
      cameFrom: ({ context }, params: { step: string }) => context.path.at(-1)?.step === params.step,
      opens: ({ event }, params: { step: string }) => event.type === 'GO' && event.step === params.step,
    },
  }).createMachine({
    id: flow.id,
    initial: flow.start,
    context: { path: [] },
    on: {
      RESTART: { target: `.${flow.start}`, actions: 'clear', reenter: true },
      BACK: chooser.map((s) => ({ guard: { type: 'cameFrom', params: { step: s.id } }, target: `.${s.id}`, actions: 'forget' as const })),
      GO: flow.steps.map((s) => ({ guard: { type: 'opens', params: { step: s.id } }, target: `.${s.id}`, actions: 'clear' as const })),
    },
    states: Object.fromEntries(
      flow.steps.map((step) => [
        step.id,
        {
          tags: step.exits.length === 0 ? [OUTCOME_TAG] : [],
          on: {
            ...(step.kind === 'escalate' ? { SUBMITTED: { actions: 'submitted' as const } } : {}),
            CHOOSE: step.exits.map((exit) => ({
              guard: { type: 'chose' as const, params: { choice: exit.id } },
              target: exit.next,
              actions: { type: 'record' as const, params: { step: step.id, choice: exit.id } },
            })),
          },
        },
      ]),
    ),
  });
}

export type FlowMachine = ReturnType<typeof compileFlow>;
export type FlowSnapshot = SnapshotFrom<FlowMachine>;

export function currentStep(snapshot: FlowSnapshot): string {
  return snapshot.value as string;
}
