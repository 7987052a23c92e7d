import { randomBytes } from 'node:crypto';

let lastMs = 0;
let sequence = 0;

/**
 * An id that sorts in the order this process made it (time, then a counter within the millisecond, then
 * randomness so other processes' ids do not collide): audit entries and notes written in the same millisecond
 * still list in the order they happened.
 */
export function sortableId(now = Date.now()): string {
  if (now <= lastMs) sequence++;
  else {
    lastMs = now;
    sequence = 0;
  }
  return `${lastMs.toString(36).padStart(9, '0')}${sequence.toString(36).padStart(4, '0')}${randomBytes(6).toString('hex')}`;
}
