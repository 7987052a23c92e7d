import { useEffect, useMemo, useState } from 'preact/hooks';
import { createActor, type AnyStateMachine, type SnapshotFrom } from 'xstate';

/** The ten-line Preact binding XState does not ship: one actor per mount, re-rendered on every snapshot. */
export function useActor<M extends AnyStateMachine>(machine: M) {
  const actor = useMemo(() => createActor(machine).start(), [machine]);
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
