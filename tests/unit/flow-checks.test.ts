import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { checkFlowFiles, checkFlowSet, describeProblem } from '../../src/troubleshooter/flow-files.ts';
import { validateTranscript } from '../../src/troubleshooter/transcript.ts';
import { loadFlowSet } from '../support/flows.ts';

/** The problems the build reports for these files, checked together, as `file:line:column: message`. */
const problemsIn = (...files: string[]) =>
  checkFlowFiles(
    files.map((file) => ({ id: file.replace(/^.*\/|\.yaml$/g, ''), file, text: readFileSync(`tests/fixtures/${file}`, 'utf8') })),
  ).problems.map(describeProblem);
const set = (dir: string) => readdirSync(`tests/fixtures/flow-sets/${dir}`).map((f) => `flow-sets/${dir}/${f}`);

describe('flow graph checks name the file, the line of the step and the problem', () => {
  it.each([
    ['unknown-target', ['flows/unknown-target.yaml:5:5: step "ask": "Go on" leads to unknown step "missing-step"']],
    ['unreachable', ['flows/unreachable.yaml:11:5: step "orphan" cannot be reached from the start step "ask"']],
    [
      'dead-end-loop',
      [
        'flows/dead-end-loop.yaml:13:5: step "spin": no outcome or escalation can be reached from here',
        'flows/dead-end-loop.yaml:19:5: step "spin-more": no outcome or escalation can be reached from here',
      ],
    ],
    [
      'duplicate-and-empty',
      [
        'flows/duplicate-and-empty.yaml:21:5: step "done" is defined more than once',
        'flows/duplicate-and-empty.yaml:5:5: step "ask" has two choices with the id "done"; give one an id',
        'flows/duplicate-and-empty.yaml:13:5: step "empty" is a question with no choices',
      ],
    ],
    ['bad-start', ['flows/bad-start.yaml:3:8: the start step "begin" does not exist']],
    [
      'auto-without-fallback',
      [
        'flows/auto-without-fallback.yaml:5:5: step "which-browser" picks a branch by browser but names no fallback: add `fallback:` with the choice to take when none matches',
        'flows/auto-without-fallback.yaml:5:5: step "which-browser": "netscape" is not a browser; use one of chrome, firefox, safari, edge, other',
        'flows/auto-without-fallback.yaml:5:5: step "which-browser": browser "firefox" is claimed by both "done" and "help"',
      ],
    ],
  ])('%s', (fixture, expected) => {
    expect(problemsIn(`flows/${fixture}.yaml`)).toEqual(expected);
  });

  it('a flow step names a flow and a step that exist', () => {
    expect(problemsIn(...set('hand-over-targets'))).toEqual([
      'flow-sets/hand-over-targets/start.yaml:13:5: step "to-nowhere" hands over to flow "nowhere", which does not exist',
      'flow-sets/hand-over-targets/start.yaml:16:5: step "to-missing" hands over to step "missing" of flow "other", which has no such step',
    ]);
  });

  it('a loop of flows needs a way out: every step of it is named, in both files', () => {
    expect(problemsIn(...set('loop-without-exit'))).toEqual([
      'flow-sets/loop-without-exit/first.yaml:13:5: step "to-second" hands over to flow "second", from where no outcome or escalation can be reached (a loop of flows needs a way out)',
      'flow-sets/loop-without-exit/second.yaml:5:5: step "spin": no outcome or escalation can be reached from here',
      'flow-sets/loop-without-exit/second.yaml:11:5: step "back" hands over to flow "first", from where no outcome or escalation can be reached (a loop of flows needs a way out)',
    ]);
  });

  const done = { id: 'done', kind: 'outcome', result: 'resolved', title: 'Done' };
  const problems = (flows: Record<string, unknown>) =>
    checkFlowSet(Object.entries(flows).map(([id, data]) => ({ id, data }))).problems.map((p) => `${p.flow}: ${p.message}`);

  it('automatic steps that pick one another in a circle, and hand-overs that only hand over, never reach the reader', () => {
    const flow = (steps: unknown[]) => ({
      title: 'T',
      description: 'Ten chars or more.',
      start: steps[0] && (steps[0] as { id: string }).id,
      steps,
    });
    const auto = (id: string, next: string) => ({
      id,
      kind: 'auto',
      by: 'device',
      title: id,
      choices: [
        { id: 'phone', label: 'Phone', when: ['mobile'], next },
        { id: 'computer', label: 'Computer', next: 'done' },
      ],
      fallback: 'computer',
    });
    expect(problems({ a: flow([auto('first', 'second'), auto('second', 'first'), done]) })).toEqual([
      'a: step "second" is in a loop of automatic steps that never asks the reader (a: first → a: second → a: first)',
    ]);
    expect(
      problems({
        a: flow([
          {
            id: 'ask',
            kind: 'question',
            title: 'Q',
            choices: [
              { label: 'On', next: 'over' },
              { label: 'Stop', next: 'done' },
            ],
          },
          { id: 'over', kind: 'flow', flow: 'b' },
          done,
        ]),
        b: flow([{ id: 'back', kind: 'flow', flow: 'a', step: 'over' }]),
      }),
    ).toEqual([
      'a: step "over" hands over in a circle of flow steps that never shows a step',
      'b: step "back" hands over in a circle of flow steps that never shows a step',
    ]);
  });

  it('an automatic fallback must be one of its choices', () => {
    const step = {
      id: 'pick',
      kind: 'auto',
      by: 'user-type',
      title: 'Who?',
      choices: [{ label: 'Client', when: ['client'], next: 'done' }],
      fallback: 'freelancer',
    };
    expect(problems({ a: { title: 'T', description: 'Ten chars or more.', start: 'pick', steps: [step, done] } })).toEqual([
      'a: step "pick": its fallback "freelancer" is not one of its choices (done)',
    ]);
  });

  it('rejects a step kind it does not know, and unknown fields, at the step', () => {
    expect(
      problems({
        a: {
          title: 'T',
          description: 'Ten chars or more.',
          start: 'a',
          steps: [
            { id: 'a', kind: 'outcome', result: 'resolved', title: 'A', colour: 'red' },
            { id: 'b', kind: 'quiz', title: 'B' },
          ],
        },
      }),
    ).toEqual([
      'a: step "a": Unrecognized key: "colour"',
      `a: step "b", kind: Invalid discriminator value. Expected 'question' | 'instructions' | 'auto' | 'escalate' | 'outcome' | 'flow'`,
    ]);
  });

  it('reports YAML that does not parse at its line', () => {
    expect(checkFlowFiles([{ id: 'x', file: 'x.yaml', text: 'title: [unclosed\n' }]).problems.map(describeProblem)).toEqual([
      expect.stringMatching(/^x\.yaml:\d+:\d+: not valid YAML: /),
    ]);
  });

  it('accepts every flow the help center ships, hand-overs between them included', () => {
    expect([...loadFlowSet().keys()]).toEqual(['login', 'page-wont-load', 'payment-stuck']);
  });
});

describe('transcripts', () => {
  const flows = loadFlowSet();

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

  it("accepts a path across a hand-over, the other flow's steps written <flow>/<step>, automatic steps with their branch", () => {
    const transcript = {
      flow: 'login',
      steps: [
        { step: 'what-is-wrong', choice: 'signed-out' },
        { step: 'page-wont-load/cookies-blocked', choice: 'not-fixed' },
        { step: 'page-wont-load/clear-site-data', choice: 'not-fixed' },
        { step: 'page-wont-load/which-device', choice: 'computer' },
        { step: 'page-wont-load/another-device', choice: 'not-fixed' },
      ],
    };
    expect(validateTranscript(transcript, flows)).toEqual([]);
    expect(validateTranscript({ flow: 'login', steps: [{ step: 'cookies-blocked', choice: 'not-fixed' }] }, flows)).toEqual([
      { index: 0, message: 'step "cookies-blocked" is not in this troubleshooter' },
    ]);
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
