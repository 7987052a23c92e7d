import { READER_FACTS, type FlowFile, type Step } from './flow-schema.ts';
import { exitsOf, isTerminal } from './flow-model.ts';
import { landing, type Flows } from './walk.ts';

export interface FlowProblem {
  flow: string;
  step: string;
  message: string;
}

/**
 * What makes flows unusable even when every field is well-formed, each named at its step: duplicate ids, targets
 * that do not exist (in the file, or the flow and step a `flow` step hands over to), automatic steps without a
 * fallback or with values their fact never has, steps nobody reaches, steps from which no outcome can be reached
 * (across files: a loop of flows needs a way out), and automatic steps that would pick each other forever.
 */
export function checkFlows(flows: ReadonlyMap<string, Pick<FlowFile, 'start' | 'steps'>>): FlowProblem[] {
  const problems: FlowProblem[] = [];
  for (const [id, flow] of flows) problems.push(...checkFile(id, flow, flows));
  if (problems.length) return problems; // reachability means little until every target exists
  const circles = checkHandOvers(flows);
  if (circles.length) return circles;
  return [...checkReach(flows), ...checkAutomaticLoops(flows)];
}

/** One flow's own problems, plus whether its `flow` steps name a flow and step that exist. */
function checkFile(id: string, flow: Pick<FlowFile, 'start' | 'steps'>, flows: Flows): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const at = (step: string, message: string) => problems.push({ flow: id, step, message });
  const ids = new Set<string>();
  for (const step of flow.steps) {
    if (ids.has(step.id)) at(step.id, `step "${step.id}" is defined more than once`);
    ids.add(step.id);
  }
  if (!ids.has(flow.start)) at(flow.start, `the start step "${flow.start}" does not exist`);

  for (const step of flow.steps) {
    if ((step.kind === 'question' || step.kind === 'auto') && step.choices.length === 0) {
      at(step.id, `step "${step.id}" is a${step.kind === 'auto' ? 'n automatic step' : ' question'} with no choices`);
    }
    if (step.kind === 'instructions' && !step.body && !step.variants) {
      at(step.id, `step "${step.id}" gives instructions but has no body or variants`);
    }
    if (step.kind === 'auto') for (const message of autoProblems(step)) at(step.id, message);
    if (step.kind === 'flow') {
      const target = flows.get(step.flow);
      if (!target) at(step.id, `step "${step.id}" hands over to flow "${step.flow}", which does not exist`);
      else if (step.step && !target.steps.some((s) => s.id === step.step))
        at(step.id, `step "${step.id}" hands over to step "${step.step}" of flow "${step.flow}", which has no such step`);
    }
    const seen = new Set<string>();
    for (const exit of exitsOf(step)) {
      if (!ids.has(exit.next)) at(step.id, `step "${step.id}": "${exit.label}" leads to unknown step "${exit.next}"`);
      if (seen.has(exit.id)) at(step.id, `step "${step.id}" has two choices with the id "${exit.id}"; give one an id`);
      seen.add(exit.id);
    }
  }
  return problems;
}

function autoProblems(step: Extract<Step, { kind: 'auto' }>): string[] {
  const problems: string[] = [];
  const known: readonly string[] = READER_FACTS[step.by];
  const choiceIds = exitsOf(step).map((e) => e.id);
  if (step.fallback === undefined) {
    problems.push(
      `step "${step.id}" picks a branch by ${step.by} but names no fallback: add \`fallback:\` with the choice to take when none matches`,
    );
  } else if (!choiceIds.includes(step.fallback)) {
    problems.push(`step "${step.id}": its fallback "${step.fallback}" is not one of its choices (${choiceIds.join(', ')})`);
  }
  const claimed = new Map<string, string>();
  step.choices.forEach((choice, i) => {
    for (const value of choice.when ?? []) {
      if (!known.includes(value)) problems.push(`step "${step.id}": "${value}" is not a ${step.by}; use one of ${known.join(', ')}`);
      else if (claimed.has(value))
        problems.push(`step "${step.id}": ${step.by} "${value}" is claimed by both "${claimed.get(value)}" and "${choiceIds[i]}"`);
      claimed.set(value, choiceIds[i]);
    }
  });
  return problems;
}

/** `flow` steps that only ever hand over to one another never show the reader a step. */
function checkHandOvers(flows: Flows): FlowProblem[] {
  const problems: FlowProblem[] = [];
  for (const [id, flow] of flows) {
    for (const step of flow.steps) {
      if (step.kind === 'flow' && !landing(flows, id, step.id))
        problems.push({
          flow: id,
          step: step.id,
          message: `step "${step.id}" hands over in a circle of flow steps that never shows a step`,
        });
    }
  }
  return problems;
}

type Key = string;
const key = (flow: string, step: string): Key => `${flow}/${step}`;

/** Every step as a node of one graph over all files: choices lead within a file, `flow` steps into another. */
function edgesOf(flows: Flows): Map<Key, Key[]> {
  const edges = new Map<Key, Key[]>();
  for (const [id, flow] of flows) {
    for (const step of flow.steps) {
      const targets =
        step.kind === 'flow' ? [key(step.flow, step.step ?? flows.get(step.flow)!.start)] : exitsOf(step).map((e) => key(id, e.next));
      edges.set(key(id, step.id), targets);
    }
  }
  return edges;
}

function checkReach(flows: Flows): FlowProblem[] {
  const edges = edgesOf(flows);
  const reached = new Set<Key>();
  const queue: Key[] = [];
  const visit = (k: Key) => !reached.has(k) && (reached.add(k), queue.push(k));
  for (const [id, flow] of flows) visit(key(id, flow.start));
  for (let i = 0; i < queue.length; i++) for (const next of edges.get(queue[i]) ?? []) visit(next);

  const incoming = new Map<Key, Key[]>();
  for (const [from, targets] of edges) for (const to of targets) incoming.set(to, [...(incoming.get(to) ?? []), from]);
  const canEnd = new Set<Key>();
  const back: Key[] = [];
  const settle = (k: Key) => !canEnd.has(k) && (canEnd.add(k), back.push(k));
  for (const [id, flow] of flows) for (const step of flow.steps) if (isTerminal(step)) settle(key(id, step.id));
  for (let i = 0; i < back.length; i++) for (const from of incoming.get(back[i]) ?? []) settle(from);

  const problems: FlowProblem[] = [];
  for (const [id, flow] of flows) {
    for (const step of flow.steps) {
      const k = key(id, step.id);
      if (!reached.has(k))
        problems.push({ flow: id, step: step.id, message: `step "${step.id}" cannot be reached from the start step "${flow.start}"` });
      else if (!canEnd.has(k))
        problems.push({
          flow: id,
          step: step.id,
          message:
            step.kind === 'flow'
              ? `step "${step.id}" hands over to flow "${step.flow}", from where no outcome or escalation can be reached (a loop of flows needs a way out)`
              : `step "${step.id}": no outcome or escalation can be reached from here`,
        });
    }
  }
  return problems;
}

/** A circle of automatic steps (hand-overs included) would pass the reader round it without end. */
function checkAutomaticLoops(flows: Flows): FlowProblem[] {
  const autoNext = new Map<Key, Key[]>();
  for (const [id, flow] of flows) {
    for (const step of flow.steps) {
      if (step.kind !== 'auto') continue;
      const targets = exitsOf(step).flatMap((e) => {
        const to = landing(flows, id, e.next)!;
        const found = flows.get(to.flow)!.steps.find((s) => s.id === to.step)!;
        return found.kind === 'auto' ? [key(to.flow, to.step)] : [];
      });
      autoNext.set(key(id, step.id), targets);
    }
  }
  const problems: FlowProblem[] = [];
  const state = new Map<Key, 'open' | 'done'>();
  const visit = (k: Key, trail: Key[]) => {
    state.set(k, 'open');
    for (const next of autoNext.get(k) ?? []) {
      const path = [...trail, k];
      if (state.get(next) === 'open') {
        const circle = [...path.slice(path.indexOf(next)), next].map((s) => s.replace('/', ': '));
        const [flow, step] = k.split('/');
        problems.push({
          flow,
          step,
          message: `step "${step}" is in a loop of automatic steps that never asks the reader (${circle.join(' → ')})`,
        });
      } else if (!state.has(next)) visit(next, path);
    }
    state.set(k, 'done');
  };
  for (const k of autoNext.keys()) if (!state.has(k)) visit(k, []);
  return problems;
}
