import { describe, expect, it } from 'vitest';
import { automaticChoice } from '../../src/islands/troubleshooter/reader-facts.ts';
import { checkFlowSet } from '../../src/troubleshooter/flow-files.ts';
import { prepareFlow } from '../../src/troubleshooter/prepare.ts';

const flow = {
  title: 'Sign-in help',
  description: 'Ten chars or more.',
  start: 'which',
  steps: [
    {
      id: 'which',
      kind: 'auto',
      by: 'language',
      title: 'Which page?',
      choices: [
        { id: 'spanish', label: 'The Spanish page', when: ['es'], next: 'es-help' },
        { id: 'other', label: 'Another page', next: 'help' },
      ],
      fallback: 'other',
    },
    { id: 'es-help', kind: 'outcome', result: 'resolved', title: 'Ayuda' },
    { id: 'help', kind: 'outcome', result: 'resolved', title: 'Help' },
  ],
};

describe('an automatic step may branch on the page language', () => {
  it('takes the branch for the language of the page', () => {
    const { flows, problems } = checkFlowSet([{ id: 'a', data: flow }]);
    expect(problems).toEqual([]);
    const auto = prepareFlow('a', flows, new Map()).steps.find((s) => s.id === 'which')!.auto!;
    expect(automaticChoice(auto, { language: 'es' })).toBe('spanish');
    expect(automaticChoice(auto, { language: 'en' })).toBe('other');
  });

  it('refuses a language the site does not have', () => {
    const wrong = structuredClone(flow);
    wrong.steps[0].choices![0].when = ['xx'];
    expect(checkFlowSet([{ id: 'a', data: wrong }]).problems.map((p) => p.message)).toEqual([expect.stringContaining('"xx"')]);
  });
});
