import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * V8's full garbage collection, exposed for this process without a command-line flag. For build steps that make much
 * short-lived garbage in a loop: V8 lets the heap grow well past what is live before it collects, and that growth,
 * not the live data, would set the build's peak memory.
 */
export const collectGarbage = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();
