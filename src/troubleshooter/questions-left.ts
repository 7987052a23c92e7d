import type { Walk } from './walk.ts';

/** Steps that ask the reader something: without JavaScript an automatic step is asked like a question. */
const ASKED = new Set(['question', 'instructions', 'auto']);

/**
 * For each step of a walk, the most questions a reader can still be asked after it on the way to an end, as
 * "up to N more questions" promises. A loop's steps are counted once (the flow's strongly connected components,
 * Tarjan's algorithm), so the number is finite and never rises after an answer: within a loop it stays, and
 * leaving a loop or a step makes it fall.
 */
export function questionsLeft(walk: Pick<Walk, 'steps'>): Map<string, number> {
  const next = new Map(walk.steps.map((s) => [s.id, s.exits.map((e) => e.next)]));
  const asked = new Map(walk.steps.map((s) => [s.id, ASKED.has(s.kind) ? 1 : 0]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const component = new Map<string, number>();
  /** Per component, in the order Tarjan closes them (every successor's component first): its most questions. */
  const most: number[] = [];

  for (const root of next.keys()) {
    if (index.has(root)) continue;
    // Iterative depth-first search: 1,000-step flows would overflow the call stack.
    const frames: { id: string; edge: number }[] = [{ id: root, edge: 0 }];
    index.set(root, index.size);
    low.set(root, index.get(root)!);
    stack.push(root);
    onStack.add(root);
    while (frames.length) {
      const frame = frames.at(-1)!;
      const targets = next.get(frame.id)!;
      if (frame.edge < targets.length) {
        const to = targets[frame.edge++];
        if (!index.has(to)) {
          index.set(to, index.size);
          low.set(to, index.get(to)!);
          stack.push(to);
          onStack.add(to);
          frames.push({ id: to, edge: 0 });
        } else if (onStack.has(to)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(to)!));
        continue;
      }
      frames.pop();
      const parent = frames.at(-1);
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) !== index.get(frame.id)) continue;
      const members: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        members.push(member);
        component.set(member, most.length);
      } while (member !== frame.id);
      const own = most.length;
      let after = 0;
      for (const m of members)
        for (const to of next.get(m)!) if (component.get(to) !== own) after = Math.max(after, most[component.get(to)!]);
      most.push(members.reduce((sum, m) => sum + asked.get(m)!, 0) + after);
    }
  }
  return new Map(walk.steps.map((s) => [s.id, Math.max(0, most[component.get(s.id)!] - asked.get(s.id)!)]));
}
