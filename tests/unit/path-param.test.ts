import { describe, expect, it } from 'vitest';
import { formatPath, MAX_PATH_ENTRIES, parsePath } from '../../src/troubleshooter/path-param.ts';

describe('the ?path= format of the one-step pages', () => {
  it('writes step:choice entries joined by commas, a step in a flow handed over to as <flow>/<step>, and reads them back', () => {
    const path = [
      { step: 'what-is-wrong', choice: 'signed-out' },
      { step: 'page-wont-load/cookies-blocked', choice: 'not-fixed' },
    ];
    const written = formatPath(path);
    expect(written).toBe('what-is-wrong:signed-out,page-wont-load/cookies-blocked:not-fixed');
    expect(parsePath(written)).toEqual(path);
  });

  it('reads no parameter, or an empty one, as the empty path', () => {
    expect(parsePath(null)).toEqual([]);
    expect(parsePath('')).toEqual([]);
  });

  it('refuses what the pages never write', () => {
    for (const bad of ['what-is-wrong', 'a:b,', ':b', 'a:', 'A:b', 'a:b:c', 'x/y/z:b', 'a b:c', 'a:b;c:d'])
      expect(parsePath(bad), bad).toBeUndefined();
    expect(parsePath(Array.from({ length: MAX_PATH_ENTRIES + 1 }, () => 'a:b').join(','))).toBeUndefined();
    expect(parsePath(Array.from({ length: MAX_PATH_ENTRIES }, () => 'a:b').join(','))).toHaveLength(MAX_PATH_ENTRIES);
  });
});
