import { useEffect, useMemo, useState } from 'preact/hooks';
import { createActor, type Actor, type AnyStateMachine, type SnapshotFrom } from 'xstate';

/** The small Preact binding XState does not ship: one actor per mount, re-rendered on every snapshot. */
export function useActor<M extends AnyStateMachine>(machine: M, prepare?: (actor: Actor<M>) => void) {
  const actor = useMemo(() => {
    const started = createActor(machine).start();
    prepare?.(started); // before the first render, so no in-between state is drawn or reported
    return started;
  }, [machine]);
  const [snapshot, setSnapshot] = useState<SnapshotFrom<M>>(actor.getSnapshot());
  useEffect(() => {
    const subscription = actor.subscribe((next) => setSnapshot(next));
    return () => {
      subscription.unsubscribe();
      actor.stop();
    };
  }, [actor]);
  return [snapshot, actor] as const;
}
