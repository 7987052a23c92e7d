import { describe, expect, it } from 'vitest';
import { isReference, newReference } from '../../src/server/tickets/reference.ts';
import { MIN_FILL_MS, spamReason } from '../../src/server/tickets/spam.ts';

describe('spamReason', () => {
  const now = 1_000_000;
  it('flags a filled honeypot and a form sent faster than a person could', () => {
    expect(spamReason({ honeypot: 'http://x', startedAt: now - 60_000, requireStartedAt: true }, now)).toBe('honeypot');
    expect(spamReason({ honeypot: '', startedAt: now - MIN_FILL_MS + 1, requireStartedAt: true }, now)).toBe('too-fast');
    expect(spamReason({ honeypot: '', startedAt: now + 5_000, requireStartedAt: false }, now)).toBe('too-fast');
    expect(spamReason({ honeypot: '', startedAt: 'soon', requireStartedAt: false }, now)).toBe('bad-start-time');
  });

  it('requires the start time from the plain form only', () => {
    expect(spamReason({ honeypot: undefined, startedAt: undefined, requireStartedAt: true }, now)).toBe('no-start-time');
    expect(spamReason({ honeypot: undefined, startedAt: undefined, requireStartedAt: false }, now)).toBeNull();
    expect(spamReason({ honeypot: '', startedAt: now - MIN_FILL_MS, requireStartedAt: true }, now)).toBeNull();
  });
});

describe('newReference', () => {
  it('is short and readable: HC-XXXX-XXXX without I, L, O or U', () => {
    for (let i = 0; i < 1000; i++) {
      const reference = newReference();
      expect(reference).toMatch(/^HC-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(isReference(reference)).toBe(true);
    }
    expect(isReference('HC-ILOU-0000')).toBe(false);
  });

  it('is random: almost no repeats in 100,000 and every character about equally likely', () => {
    const references = Array.from({ length: 100_000 }, newReference);
    // 40 random bits: by chance alone 100,000 draws repeat one about once in 220 runs, and three times about once
    // in 60 million; a generator with half the bits would repeat thousands of times. (Storing retries a repeat.)
    expect(references.length - new Set(references).size).toBeLessThanOrEqual(2);
    const counts = new Map<string, number>();
    for (const r of references) for (const c of r.slice(3).replace('-', '')) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(32);
    const expected = (100_000 * 8) / 32;
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.05);
  });
});
