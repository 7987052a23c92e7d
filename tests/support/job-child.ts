// A child process for tests/unit/process-job.test.ts: answers its one job as the build steps' children do.
import { answerOneJob } from '../../src/lib/process-job.ts';

type Job = { double: number; setting: string } | { fail: string } | { exit: number };

answerOneJob(async (job: Job) => {
  if ('double' in job) return { doubled: job.double * 2, pid: process.pid, setting: process.env[job.setting] };
  if ('fail' in job) throw new Error(job.fail);
  process.exit(job.exit);
});
