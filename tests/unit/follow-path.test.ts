import { describe, expect, it } from 'vitest';
import type { FlowFile } from '../../src/troubleshooter/flow-schema.ts';
import { followPath } from '../../src/troubleshooter/follow-path.ts';
import { walkFrom } from '../../src/troubleshooter/walk.ts';

const flow: FlowFile = {
  title: 'Cannot pay',
  description: 'A flow for the tests, two steps deep.',
  keywords: [],
  start: 'which',
  steps: [
    {
      kind: 'question',
      id: 'which',
      title: 'Which card?',
      choices: [
        { label: 'Visa', next: 'retry' },
        { id: 'other', label: 'Other', next: 'help' },
      ],
    },
    { kind: 'instructions', id: 'retry', title: 'Retry', fixed: 'done', next: 'help', fixedLabel: 'Fixed', nextLabel: 'Not fixed' },
    { kind: 'outcome', id: 'done', title: 'Done', result: 'resolved' },
    { kind: 'escalate', id: 'help', title: 'Contact us' },
  ],
};

const walk = (path: { step: string; choice: string }[]) => followPath(walkFrom('pay', new Map([['pay', flow]])), path);

describe('following a path on the compiled machine', () => {
  it('ends at the step the choices lead to, from the start', () => {
    expect(walk([])).toEqual({ step: 'which' });
    expect(
      walk([
        { step: 'which', choice: 'retry' },
        { step: 'retry', choice: 'not-fixed' },
      ]),
    ).toEqual({ step: 'help' });
  });

  it('names the first entry it cannot take, and why', () => {
    expect(walk([{ step: 'which', choice: 'mastercard' }])).toEqual({
      problem: { index: 0, message: 'step "which" has no choice "mastercard": its choices are "retry", "other"' },
    });
    expect(
      walk([
        { step: 'which', choice: 'other' },
        { step: 'retry', choice: 'fixed' },
      ]),
    ).toEqual({
      problem: { index: 1, message: 'the path is at step "help" here, not "retry"' },
    });
    expect(
      walk([
        { step: 'which', choice: 'other' },
        { step: 'help', choice: 'x' },
      ]),
    ).toEqual({
      problem: { index: 1, message: 'step "help" has no choice "x": it is the end of the flow and offers no choices' },
    });
  });
});
