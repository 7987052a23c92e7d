import { expect, it, vi } from 'vitest';

it('the dev preview reads the flow files as they are now and names each problem with its file and line', async () => {
  vi.stubEnv('CONTENT_DIR', 'tests/fixtures/preview-content');
  vi.resetModules();
  const { flowProblemsNow } = await import('../../src/lib/flow-preview.ts');
  const { broken, count } = await flowProblemsNow();
  expect(count).toBe(2);
  expect([...broken]).toEqual([
    [
      'unknown-target',
      ['tests/fixtures/preview-content/flows/unknown-target.yaml:5:5: step "ask": "Go on" leads to unknown step "missing-step"'],
    ],
  ]);
  vi.unstubAllEnvs();
});
