import { LineCounter, parseDocument } from 'yaml';
import { flowSchema, type FlowFile } from './flow-schema.ts';
import { checkFlows } from './graph-checks.ts';

/** One flow as given: its id (the file name), and where it came from for messages. */
export interface FlowInput {
  id: string;
  data: unknown;
  /** Where the value at a path (e.g. ['steps', 3, 'next']) is written, when the flow came from a file. */
  locate?: (path: PropertyKey[]) => { file: string; line: number; column: number };
}

export interface FlowFileProblem {
  flow: string;
  /** The step it is about, when it is about one. */
  step?: string;
  message: string;
  /** The file and line of the step (or field), for flows read from files. */
  at?: { file: string; line: number; column: number };
}

export interface CheckedFlows {
  /** The flows with no problem of their own, and none in a flow they hand over to. */
  flows: Map<string, FlowFile>;
  problems: FlowFileProblem[];
}

/**
 * Checks a set of flows as the build does: each one's shape (flow-schema.ts), then their graph together
 * (graph-checks.ts), since a `flow` step's target lives in another file.
 */
export function checkFlowSet(inputs: FlowInput[]): CheckedFlows {
  const problems: FlowFileProblem[] = [];
  const shaped = new Map<string, FlowFile>();
  for (const input of inputs) {
    const result = flowSchema.safeParse(input.data);
    if (result.success) {
      shaped.set(input.id, result.data);
      continue;
    }
    for (const issue of result.error.issues) {
      const [top, index, ...rest] = issue.path;
      const stepId = top === 'steps' && typeof index === 'number' ? stepIdAt(input.data, index) : undefined;
      const where = stepId !== undefined ? `step "${stepId}"${rest.length ? `, ${rest.join('.')}` : ''}` : issue.path.join('.') || '(file)';
      problems.push({ flow: input.id, step: stepId, message: `${where}: ${issue.message}`, at: input.locate?.(issue.path) });
    }
  }

  const byId = new Map(inputs.map((i) => [i.id, i]));
  for (const problem of checkFlows(shaped)) {
    const flow = shaped.get(problem.flow)!;
    // A duplicated id is reported where it is written again; every other problem where the step is.
    const indexes = flow.steps.flatMap((s, i) => (s.id === problem.step ? [i] : []));
    const path = indexes.length ? ['steps', problem.message.includes('more than once') ? indexes.at(-1)! : indexes[0]] : ['start'];
    problems.push({ ...problem, at: byId.get(problem.flow)?.locate?.(path) });
  }

  // Keep what works: drop flows with problems, then those handing over to a dropped one, until none is left to drop.
  const flows = new Map([...shaped].filter(([id]) => !problems.some((p) => p.flow === id)));
  for (let dropped = true; dropped;) {
    dropped = false;
    for (const [id, flow] of flows) {
      if (flow.steps.some((s) => s.kind === 'flow' && !flows.has(s.flow))) {
        flows.delete(id);
        dropped = true;
      }
    }
  }
  return { flows, problems };
}

function stepIdAt(data: unknown, index: number): string | undefined {
  const steps = (data as { steps?: unknown } | null)?.steps;
  const id = Array.isArray(steps) ? (steps[index] as { id?: unknown } | null)?.id : undefined;
  return typeof id === 'string' ? id : `#${index + 1}`;
}

/** A flow file's text as input: parsed YAML, and the line and column of any path in it. */
export function flowFromYaml(id: string, file: string, text: string): FlowInput | FlowFileProblem {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  if (doc.errors.length) {
    const error = doc.errors[0];
    return { flow: id, message: `not valid YAML: ${error.message.split('\n')[0]}`, at: position(error.pos[0]) };
  }
  return {
    id,
    data: doc.toJS(),
    // The deepest part of the path the file has: a missing field is reported at the step that lacks it.
    locate: (path) => {
      for (let depth = path.length; depth >= 0; depth--) {
        const node = doc.getIn(path.slice(0, depth) as (string | number)[], true) as { range?: [number, number, number] } | undefined;
        if (node?.range) return position(node.range[0]);
      }
      return { file, line: 1, column: 1 };
    },
  };
}

/** Flow files read and checked together; YAML that does not parse is a problem like any other. */
export function checkFlowFiles(files: { id: string; file: string; text: string }[]): CheckedFlows {
  const read = files.map((f) => flowFromYaml(f.id, f.file, f.text));
  const inputs = read.filter((r): r is FlowInput => 'data' in r);
  const checked = checkFlowSet(inputs);
  return { flows: checked.flows, problems: [...read.filter((r): r is FlowFileProblem => !('data' in r)), ...checked.problems] };
}

/** `content/flows/login.yaml:42:5: step "ask": …`, as the build and the preview print a problem. */
export function describeProblem(problem: FlowFileProblem): string {
  return `${problem.at ? `${problem.at.file}:${problem.at.line}:${problem.at.column}` : `flow "${problem.flow}"`}: ${problem.message}`;
}
