import { MAX_EVENTS_PER_BATCH, type ReaderEvent } from '../lib/reader-events.ts';

/** A queued event waits at most this long before its batch is sent. */
export const FLUSH_AFTER_MS = 5_000;

export interface Beacon {
  track(event: ReaderEvent): void;
  flush(): void;
}

/** Whether the reader asked not to be tracked, by Global Privacy Control or Do Not Track. */
export function trackingRefused(
  nav: { globalPrivacyControl?: boolean; doNotTrack?: string | null },
  win: { doNotTrack?: string | null },
): boolean {
  return nav.globalPrivacyControl === true || nav.doNotTrack === '1' || win.doNotTrack === '1';
}

/**
 * Queues events and sends them in batches: when MAX_EVENTS_PER_BATCH are waiting, FLUSH_AFTER_MS after the
 * first, or at once while the page is hidden (it may never come back). When tracking is refused it does nothing.
 */
export function createBeacon(send: (body: string) => void, refused: boolean, isHidden: () => boolean): Beacon {
  let queue: ReaderEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (queue.length) send(JSON.stringify({ events: queue }));
    queue = [];
  };
  return {
    track(event) {
      if (refused) return;
      queue.push(event);
      if (queue.length >= MAX_EVENTS_PER_BATCH || isHidden()) flush();
      else timer ??= setTimeout(flush, FLUSH_AFTER_MS);
    },
    flush,
  };
}
