import { describe, expect, it } from 'vitest';
import { flowSchema, type FlowFile } from '../../src/troubleshooter/flow-schema.ts';
import { checkTranslatedFlow } from '../../src/troubleshooter/translation-check.ts';

const source = flowSchema.parse({
  title: 'Cannot sign in',
  description: 'A few questions to get you back in.',
  start: 'ask',
  steps: [
    {
      id: 'ask',
      kind: 'question',
      title: 'What is wrong?',
      choices: [
        { label: 'Forgot my password', next: 'reset' },
        { label: 'Something else', next: 'help' },
      ],
    },
    { id: 'reset', kind: 'instructions', title: 'Reset it', fixed: 'done', next: 'help' },
    { id: 'help', kind: 'escalate', title: 'We will help' },
    { id: 'done', kind: 'outcome', title: 'Back in', result: 'resolved' },
  ],
});

/** The source with its words in Spanish, then changed by `edit`. */
function translated(edit: (flow: FlowFile) => void = () => {}): FlowFile {
  const flow = structuredClone(source);
  flow.title = 'No puedo entrar';
  for (const step of flow.steps) step.title = `ES ${step.title}`;
  edit(flow);
  return flow;
}
const check = (flow: FlowFile) =>
  checkTranslatedFlow(source, 'content/flows/login.yaml', flow, { id: 'login', data: flow }).map((p) => p.message);

describe('a troubleshooter translation may change words only', () => {
  it('accepts new words on the same graph', () => {
    expect(check(translated())).toEqual([]);
  });

  it('names the step whose choice leads elsewhere', () => {
    const flow = translated((f) => {
      const ask = f.steps[0] as Extract<FlowFile['steps'][number], { kind: 'question' }>;
      ask.choices[0].next = 'help';
    });
    expect(check(flow)).toEqual([
      'step "ask": the source has choice "reset" → "reset"; the translation has choice "help" → "help" (a translation may only change the words of content/flows/login.yaml)',
    ]);
  });

  it('names a dropped and an added step, and a changed start', () => {
    const flow = translated((f) => {
      f.steps[1] = { ...f.steps[1], id: 'reset-now' } as FlowFile['steps'][number];
      f.start = 'reset-now';
    });
    expect(check(flow)).toEqual([
      'start: "reset-now" where the source starts at "ask" (a translation may only change the words of content/flows/login.yaml)',
      'step "reset-now" is not in the source (a translation may only change the words of content/flows/login.yaml)',
      'step "reset" of the source is missing (a translation may only change the words of content/flows/login.yaml)',
    ]);
  });
});
