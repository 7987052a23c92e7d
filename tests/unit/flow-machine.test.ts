import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { compileFlow, currentStep, OUTCOME_TAG } from '../../src/troubleshooter/compile.ts';
import { walkFrom } from '../../src/troubleshooter/walk.ts';
import { loopFlowSet } from '../support/flows.ts';

const start = () => createActor(compileFlow(walkFrom('loop', loopFlowSet))).start();

describe('compiled flow machine', () => {
  it('moves by choices and records the transcript', () => {
    const actor = start();
    actor.send({ type: 'CHOOSE', choice: 'fix' });
    actor.send({ type: 'CHOOSE', choice: 'not-fixed' });
    actor.send({ type: 'CHOOSE', choice: 'fix' });
    actor.send({ type: 'CHOOSE', choice: 'fixed' });
    const snap = actor.getSnapshot();
    expect(currentStep(snap)).toBe('done');
    expect(snap.hasTag(OUTCOME_TAG)).toBe(true);
    expect(snap.context.path).toEqual([
      { step: 'ask', choice: 'fix' },
      { step: 'fix', choice: 'not-fixed' },
      { step: 'retry', choice: 'fix' },
      { step: 'fix', choice: 'fixed' },
    ]);
  });

  it('ignores a choice the current step does not offer', () => {
    const actor = start();
    actor.send({ type: 'CHOOSE', choice: 'fixed' });
    expect(currentStep(actor.getSnapshot())).toBe('ask');
    expect(actor.getSnapshot().context.path).toEqual([]);
  });

  it('goes back to exactly the previous step, through loops, and no further than the start', () => {
    const actor = start();
    for (const choice of ['fix', 'not-fixed', 'fix', 'not-fixed']) actor.send({ type: 'CHOOSE', choice });
    expect(currentStep(actor.getSnapshot())).toBe('retry');
    const visited = [];
    for (let i = 0; i < 5; i++) {
      actor.send({ type: 'BACK' });
      visited.push(currentStep(actor.getSnapshot()));
    }
    expect(visited).toEqual(['fix', 'retry', 'fix', 'ask', 'ask']);
    expect(actor.getSnapshot().context.path).toEqual([]);
  });

  it('restarts from the start with an empty transcript, even from an outcome', () => {
    const actor = start();
    actor.send({ type: 'CHOOSE', choice: 'give-up' });
    expect(actor.getSnapshot().hasTag(OUTCOME_TAG)).toBe(true);
    actor.send({ type: 'RESTART' });
    expect(currentStep(actor.getSnapshot())).toBe('ask');
    expect(actor.getSnapshot().context.path).toEqual([]);
  });

  it('opens any step directly for deep links, starting a fresh transcript there', () => {
    const actor = start();
    actor.send({ type: 'CHOOSE', choice: 'fix' });
    actor.send({ type: 'GO', step: 'retry' });
    expect(currentStep(actor.getSnapshot())).toBe('retry');
    expect(actor.getSnapshot().context.path).toEqual([]);
    actor.send({ type: 'GO', step: 'nowhere' });
    expect(currentStep(actor.getSnapshot())).toBe('retry');
  });

  it('keeps the reference of a form sent at an escalate step, and forgets it on restart', () => {
    const actor = start();
    actor.send({ type: 'SUBMITTED', reference: 'HC-AAAA-BBBB' });
    expect(actor.getSnapshot().context.reference).toBeUndefined();
    actor.send({ type: 'CHOOSE', choice: 'give-up' });
    actor.send({ type: 'SUBMITTED', reference: 'HC-AAAA-BBBB' });
    expect(actor.getSnapshot().context.reference).toBe('HC-AAAA-BBBB');
    expect(currentStep(actor.getSnapshot())).toBe('help');
    actor.send({ type: 'RESTART' });
    expect(actor.getSnapshot().context.reference).toBeUndefined();
  });
});
