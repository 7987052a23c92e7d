import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { flowFileSchema } from '../../src/troubleshooter/flow-file.ts';
import { validateTranscript } from '../../src/troubleshooter/transcript.ts';
import { loadFlows } from '../support/flows.ts';

const problemsIn = (fixture: string) => {
  const result = flowFileSchema.safeParse(parse(readFileSync(`tests/fixtures/flows/${fixture}.yaml`, 'utf8')));
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('flow graph checks name the step and the problem', () => {
  it.each([
    ['unknown-target', ['steps.ask: step "ask": "Go on" leads to unknown step "missing-step"']],
    ['unreachable', ['steps.orphan: step "orphan" cannot be reached from the start step "ask"']],
    [
      'dead-end-loop',
      [
        'steps.spin: step "spin": no outcome or escalation can be reached from here',
        'steps.spin-more: step "spin-more": no outcome or escalation can be reached from here',
      ],
    ],
    [
      'duplicate-and-empty',
      [
        'steps.done: step "done" is defined more than once',
        'steps.ask: step "ask" has two choices with the id "done"; give one an id',
        'steps.empty: step "empty" is a question with no choices',
      ],
    ],
    ['bad-start', ['steps.begin: the start step "begin" does not exist']],
  ])('%s', (fixture, expected) => {
    expect(problemsIn(fixture)).toEqual(expected);
  });

  it('rejects a step kind it does not know, and unknown fields', () => {
    const result = flowFileSchema.safeParse({
      title: 'T',
      description: 'Ten chars or more.',
      start: 'a',
      steps: [
        { id: 'a', kind: 'outcome', result: 'resolved', title: 'A', colour: 'red' },
        { id: 'b', kind: 'quiz', title: 'B' },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual(['steps.0', 'steps.1.kind']);
  });

  it('accepts every flow the help center ships', () => {
    expect(loadFlows().map((f) => f.id)).toContain('login');
  });
});

describe('transcripts', () => {
  const flows = new Map(loadFlows().map(({ id, flow }) => [id, flow]));

  it('accepts a path that starts mid-flow, as after a deep link', () => {
    const transcript = {
      flow: 'login',
      steps: [
        { step: 'check-spam', choice: 'not-fixed' },
        { step: 'resend-reset', choice: 'not-fixed' },
        { step: 'check-again', choice: 'nothing' },
      ],
    };
    expect(validateTranscript(transcript, flows)).toEqual([]);
  });

  it('names each entry that is impossible', () => {
    const transcript = {
      flow: 'login',
      steps: [
        { step: 'what-is-wrong', choice: 'reset-password' },
        { step: 'check-spam', choice: 'fixed' },
        { step: 'no-such-step', choice: 'x' },
        { step: 'lost-phone', choice: 'maybe' },
      ],
    };
    expect(validateTranscript(transcript, flows)).toEqual([
      { index: 1, message: 'step "check-spam" does not follow the previous choice' },
      { index: 2, message: 'step "no-such-step" is not in this troubleshooter' },
      { index: 3, message: 'step "lost-phone" offers no choice "maybe"' },
    ]);
    expect(validateTranscript({ flow: 'billing', steps: [] }, flows)).toEqual([{ message: 'unknown troubleshooter "billing"' }]);
  });
});
