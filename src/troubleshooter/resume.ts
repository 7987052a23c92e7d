import type { MachineFlow, PathEntry } from './compile.ts';

/**
 * Where a reader picks up on load, from the step in the URL and the path saved for this tab.
 * The URL wins: its step, if it lies on the saved path, cuts the path back to it; any other step
 * opens directly with a fresh path. Without a usable URL step, the saved path resumes as it was.
 */
export function resumePath(flow: MachineFlow, hashStep: string | undefined, saved: PathEntry[]): PathEntry[] | { open: string } {
  const path = possiblePrefix(flow, saved);
  const known = hashStep !== undefined && flow.steps.some((s) => s.id === hashStep);
  if (!known) return path;
  if (endOf(flow, path) === hashStep) return path;
  const cut = path.findIndex((entry) => entry.step === hashStep);
  if (cut >= 0) return path.slice(0, cut);
  return { open: hashStep };
}

/** The longest leading part of a saved path that the flow, as it is now, still allows. */
export function possiblePrefix(flow: MachineFlow, saved: PathEntry[]): PathEntry[] {
  const steps = new Map(flow.steps.map((s) => [s.id, s]));
  const kept: PathEntry[] = [];
  for (const entry of saved) {
    const step = steps.get(entry.step);
    const exit = step?.exits.find((e) => e.id === entry.choice);
    if (!exit || (kept.length > 0 && endOf(flow, kept) !== entry.step)) break;
    kept.push(entry);
  }
  return kept;
}

/** The step a path leads to (the start step for an empty path). */
export function endOf(flow: MachineFlow, path: PathEntry[]): string {
  const last = path.at(-1);
  if (!last) return flow.start;
  return flow.steps.find((s) => s.id === last.step)!.exits.find((e) => e.id === last.choice)!.next;
}
