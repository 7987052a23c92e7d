import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runJobApart } from '../../src/lib/process-job.ts';

const CHILD = fileURLToPath(new URL('../support/job-child.ts', import.meta.url));

describe('a build step done in a process of its own', () => {
  it('answers with the job’s result from another process, which has exited, with the settings it was given', async () => {
    const setting = 'SIGNPOST_TEST_JOB_SETTING';
    const answer = await runJobApart<{ doubled: number; pid: number; setting?: string }>(CHILD, { double: 21, setting }, 'the test step', {
      [setting]: 'given',
    });
    expect(answer).toMatchObject({ doubled: 42, setting: 'given' });
    expect(answer.pid).not.toBe(process.pid);
    expect(() => process.kill(answer.pid, 0)).toThrow(); // gone
  });

  it('fails with the job’s own error message', async () => {
    await expect(runJobApart(CHILD, { fail: 'content/synonyms.yaml:3: not a list' }, 'the test step')).rejects.toThrow(
      /^content\/synonyms\.yaml:3: not a list$/,
    );
  });

  it('fails naming the step when its process stops without answering', async () => {
    await expect(runJobApart(CHILD, { exit: 3 }, 'the test step')).rejects.toThrow(
      "the test step's process stopped (exit code 3) before it finished",
    );
  });
});
