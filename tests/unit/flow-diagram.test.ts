import { describe, expect, it } from 'vitest';
import { exitsOf } from '../../src/troubleshooter/flow-model.ts';
import { diagramInput } from '../../src/troubleshooter/diagram-input.ts';
import { diagramSvg, wrap } from '../../src/troubleshooter/diagram-svg.ts';
import { loadFlows } from '../support/flows.ts';

const count = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]);

describe('flow diagrams', () => {
  for (const { id, flow } of loadFlows()) {
    it(`"${id}": the layout input has every step and every choice exactly once`, () => {
      const { nodes, edges } = diagramInput(flow);
      expect(nodes.map((n) => n.id)).toEqual(flow.steps.map((s) => s.id));
      const choices = flow.steps.flatMap((s) => exitsOf(s).map((e) => ({ from: s.id, to: e.next, label: e.label })));
      expect(edges.map(({ from, to, label }) => ({ from, to, label }))).toEqual(choices);
      expect(new Set(edges.map((e) => e.id)).size).toBe(edges.length);
      expect(nodes.filter((n) => n.start).map((n) => n.id)).toEqual([flow.start]);
    });

    it(`"${id}": the SVG draws each step as a box and each choice as an arrow, ends marked`, () => {
      const input = diagramInput(flow);
      const svg = diagramSvg(input, { title: flow.title });
      expect(count(svg, /data-step="([^"]+)"/g).sort()).toEqual(flow.steps.map((s) => s.id).sort());
      expect(count(svg, /data-edge="([^"]+)"/g).sort()).toEqual(input.edges.map((e) => e.id).sort());
      for (const step of flow.steps) {
        if (step.kind === 'outcome') expect(svg).toMatch(new RegExp(`class="step outcome end-${step.result}" data-step="${step.id}"`));
        if (step.kind === 'escalate') expect(svg).toMatch(new RegExp(`class="step escalate end-escalate" data-step="${step.id}"`));
      }
      // Every coordinate is a number: dagre placed everything.
      expect(svg).not.toMatch(/NaN|undefined/);
    });
  }

  it('shows a step’s figures inside its box, and escapes what editors wrote', () => {
    const flow = {
      start: 'ask',
      steps: [
        { id: 'ask', kind: 'question' as const, title: 'Cookies <off> & "on"?', choices: [{ id: 'yes', label: 'Yes & no', next: 'done' }] },
        { id: 'done', kind: 'outcome' as const, title: 'Done', result: 'resolved' as const },
      ],
    };
    const svg = diagramSvg(diagramInput(flow), {
      title: 'T',
      figures: new Map([
        ['ask', { views: 12, left: 3 }],
        ['done', { views: 9, left: null }],
      ]),
    });
    expect(svg).toContain('12 views · 3 left');
    expect(svg).toContain('>9 views<');
    expect(svg).toContain('Cookies &lt;off&gt; &amp; &quot;on&quot;?');
    expect(svg).toContain('Yes &amp; no');
  });

  it('wraps titles at spaces', () => {
    expect(wrap('Check how long your withdrawal method takes', 20)).toEqual(['Check how long your', 'withdrawal method', 'takes']);
  });
});
