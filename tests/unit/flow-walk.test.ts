import { describe, expect, it } from 'vitest';
import type { FlowFile } from '../../src/troubleshooter/flow-schema.ts';
import { formatPathParam, parsePathParam } from '../../src/troubleshooter/path-param.ts';
import { walkFlow } from '../../src/troubleshooter/walk.ts';

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

describe('walking a flow on its compiled machine', () => {
  it('ends at the step the choices lead to, from the start', () => {
    expect(walkFlow('pay', flow, [])).toMatchObject({ step: { id: 'which' } });
    expect(
      walkFlow('pay', flow, [
        { step: 'which', choice: 'retry' },
        { step: 'retry', choice: 'not-fixed' },
      ]),
    ).toMatchObject({ step: { id: 'help' } });
  });

  it('names the first entry it cannot take, and why', () => {
    expect(walkFlow('pay', flow, [{ step: 'which', choice: 'mastercard' }])).toEqual({
      problem: { index: 0, message: 'step "which" has no choice "mastercard": its choices are "retry", "other"' },
    });
    expect(
      walkFlow('pay', flow, [
        { step: 'which', choice: 'other' },
        { step: 'retry', choice: 'fixed' },
      ]),
    ).toEqual({
      problem: { index: 1, message: 'the path is at step "help" here, not "retry"' },
    });
    expect(
      walkFlow('pay', flow, [
        { step: 'which', choice: 'other' },
        { step: 'help', choice: 'x' },
      ]),
    ).toEqual({
      problem: { index: 1, message: 'step "help" has no choice "x": it is the end of the flow and offers no choices' },
    });
  });
});

describe('the path parameter', () => {
  it('is step:choice pairs joined by commas, and reads back the same', () => {
    const path = [
      { step: 'which', choice: 'retry' },
      { step: 'retry', choice: 'not-fixed' },
    ];
    expect(formatPathParam(path)).toBe('which:retry,retry:not-fixed');
    expect(parsePathParam('which:retry,retry:not-fixed')).toEqual({ path });
    expect(parsePathParam('')).toEqual({ path: [] });
    expect(parsePathParam('which:retry,retry')).toEqual({ problem: { index: 1, entry: 'retry' } });
  });
});
