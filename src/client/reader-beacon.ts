/**
 * The page's one event queue. sendBeacon posts a string as text/plain: no preflight, and the browser delivers
 * it even while the page is being left. Nothing is sent with Global Privacy Control or Do Not Track on.
 */
import { EVENTS_ENDPOINT } from '../lib/reader-events.ts';
import { createBeacon, trackingRefused } from './beacon.ts';

export const beacon = createBeacon(
  (body) => navigator.sendBeacon(EVENTS_ENDPOINT, body),
  trackingRefused(navigator, window as { doNotTrack?: string }),
  () => document.visibilityState === 'hidden',
);

addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && beacon.flush());
addEventListener('pagehide', beacon.flush);
