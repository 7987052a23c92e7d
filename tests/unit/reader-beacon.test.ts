import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReaderEvent } from '../../src/lib/reader-events.ts';
import { createBeacon, FLUSH_AFTER_MS, trackingRefused } from '../../src/client/beacon.ts';
import { createFlowTracker } from '../../src/components/flow-tracker.ts';
import { createSearchTracker, SETTLE_MS } from '../../src/client/search-tracker.ts';

const step = (n: number): ReaderEvent => ({ type: 'step_viewed', flow: 'login', step: `step-${n}` });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('beacon batching', () => {
  it('sends one batch a few seconds after the first event, not one request per event', () => {
    const sent: string[] = [];
    const beacon = createBeacon(
      (body) => sent.push(body),
      false,
      () => false,
    );
    beacon.track(step(1));
    vi.advanceTimersByTime(1000);
    beacon.track(step(2));
    vi.advanceTimersByTime(FLUSH_AFTER_MS - 1001);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sent.map((body) => JSON.parse(body))).toEqual([{ events: [step(1), step(2)] }]);
    vi.advanceTimersByTime(FLUSH_AFTER_MS * 2);
    expect(sent).toHaveLength(1);
  });

  it('sends at once when a batch is full, and keeps batches to 20 events', () => {
    const sent: string[] = [];
    const beacon = createBeacon(
      (body) => sent.push(body),
      false,
      () => false,
    );
    for (let i = 0; i < 45; i++) beacon.track(step(i));
    expect(sent.map((body) => (JSON.parse(body) as { events: unknown[] }).events.length)).toEqual([20, 20]);
    beacon.flush();
    expect((JSON.parse(sent[2]) as { events: unknown[] }).events).toHaveLength(5);
  });

  it('sends at once while the page is hidden, and flush sends nothing when nothing waits', () => {
    const sent: string[] = [];
    let hidden = false;
    const beacon = createBeacon(
      (body) => sent.push(body),
      false,
      () => hidden,
    );
    beacon.flush();
    expect(sent).toEqual([]);
    hidden = true;
    beacon.track(step(1));
    expect(sent).toHaveLength(1);
  });

  it('sends nothing at all when the reader refuses tracking', () => {
    const send = vi.fn();
    const beacon = createBeacon(send, true, () => true);
    for (let i = 0; i < 30; i++) beacon.track(step(i));
    beacon.flush();
    vi.advanceTimersByTime(FLUSH_AFTER_MS);
    expect(send).not.toHaveBeenCalled();
  });

  it('reads Global Privacy Control and Do Not Track from navigator and window', () => {
    expect(trackingRefused({}, {})).toBe(false);
    expect(trackingRefused({ globalPrivacyControl: false, doNotTrack: '0' }, {})).toBe(false);
    expect(trackingRefused({ doNotTrack: 'unspecified' }, {})).toBe(false);
    expect(trackingRefused({ globalPrivacyControl: true }, {})).toBe(true);
    expect(trackingRefused({ doNotTrack: '1' }, {})).toBe(true);
    expect(trackingRefused({}, { doNotTrack: '1' })).toBe(true);
  });
});

describe('troubleshooter events', () => {
  it("names the step shown before on the page, as <flow>/<step> across a hand-over, with each flow's version; passes outcomes on", () => {
    const events: ReaderEvent[] = [];
    const report = createFlowTracker((e) => events.push(e));
    const login = 'aaaaaaaaaaaa';
    const page = 'bbbbbbbbbbbb';
    report({ type: 'step_viewed', flow: 'login', step: 'what-is-wrong', version: login });
    report({ type: 'step_viewed', flow: 'login', step: 'signed-out-help', version: login });
    report({ type: 'step_viewed', flow: 'page-wont-load', step: 'cookies-blocked', version: page });
    report({ type: 'step_viewed', flow: 'page-wont-load', step: 'clear-site-data', version: page });
    report({ type: 'step_viewed', flow: 'login', step: 'what-is-wrong', version: login });
    report({ type: 'step_viewed', flow: 'login', step: 'resolved', version: login });
    report({ type: 'outcome', flow: 'login', step: 'resolved', result: 'resolved', version: login });
    expect(events).toEqual([
      { type: 'step_viewed', flow: 'login', step: 'what-is-wrong', version: login },
      { type: 'step_viewed', flow: 'login', step: 'signed-out-help', from: 'what-is-wrong', version: login },
      { type: 'step_viewed', flow: 'page-wont-load', step: 'cookies-blocked', from: 'login/signed-out-help', version: page },
      { type: 'step_viewed', flow: 'page-wont-load', step: 'clear-site-data', from: 'cookies-blocked', version: page },
      { type: 'step_viewed', flow: 'login', step: 'what-is-wrong', from: 'page-wont-load/clear-site-data', version: login },
      { type: 'step_viewed', flow: 'login', step: 'resolved', from: 'what-is-wrong', version: login },
      { type: 'outcome', flow: 'login', step: 'resolved', result: 'resolved', version: login },
    ]);
  });
});

describe('search events', () => {
  it('reports the query the reader settles on, not each keystroke', () => {
    const events: ReaderEvent[] = [];
    const tracker = createSearchTracker((e) => events.push(e));
    for (const [query, results] of [
      ['p', 30],
      ['pass', 12],
      ['passw', 9],
      ['password reset', 4],
    ] as const) {
      tracker.searched(query, results);
      vi.advanceTimersByTime(300);
    }
    expect(events).toEqual([]);
    vi.advanceTimersByTime(SETTLE_MS);
    expect(events).toEqual([{ type: 'search', query: 'password reset', results: 4 }]);
    // A filter change runs the same query again: still one search.
    tracker.searched('password reset', 2);
    vi.advanceTimersByTime(SETTLE_MS);
    expect(events).toHaveLength(1);
  });

  it('reports the query before the result opened from it, and the one on screen when the page is left', () => {
    const events: ReaderEvent[] = [];
    const tracker = createSearchTracker((e) => events.push(e));
    tracker.searched('maiden name', 3);
    tracker.opened('maiden name', '/articles/security-answer-forgotten/', 1);
    tracker.searched('xylophone quartz', 0);
    tracker.settle();
    vi.advanceTimersByTime(SETTLE_MS);
    expect(events).toEqual([
      { type: 'search', query: 'maiden name', results: 3 },
      { type: 'search_open', query: 'maiden name', target: '/articles/security-answer-forgotten/', rank: 1 },
      { type: 'search', query: 'xylophone quartz', results: 0 },
    ]);
  });
});
