import { describe, expect, it } from 'vitest';
import { inTurn } from '../../src/lib/in-turn.ts';

describe('work over every article, in turn', () => {
  it('does one item at a time, in order, and answers in that order', async () => {
    let running = 0;
    let most = 0;
    const doubled = await inTurn([...Array(600).keys()], async (n) => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setImmediate(resolve));
      running--;
      return n * 2;
    });
    expect(most).toBe(1);
    expect(doubled).toEqual([...Array(600).keys()].map((n) => n * 2));
  });
});
