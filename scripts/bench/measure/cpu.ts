// Where a measured window's CPU time went, from /proc (Linux). The benchmarks run their load generator, the
// servers and PostgreSQL on one machine, so a throughput figure means little without who held the cores.
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

export const CORES = availableParallelism();
/** /proc counts CPU time in USER_HZ ticks: 100 a second on the architectures Linux servers run on. */
const TICKS_PER_SECOND = 100;

/** CPU time used during a window, each as a share of the window's wall time × CORES. */
export interface CpuUse {
  of(pid: number): number;
  /** Every process named `postgres` (a postmaster and its children) on this machine, whatever cluster. */
  postgres: number;
  /** Every process on this machine. */
  all: number;
}

/** User + system ticks of every process now, and whether it is PostgreSQL's. */
function processTicks(): Map<number, { ticks: number; postgres: boolean }> {
  const processes = new Map<number, { ticks: number; postgres: boolean }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      // After "pid (comm) ", fields from the third (state) on; utime and stime are the 14th and 15th.
      const fields = stat.slice(close + 2).split(' ');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      processes.set(Number(name), { ticks: Number(fields[11]) + Number(fields[12]), postgres: comm === 'postgres' });
    } catch {
      // the process ended between readdir and read
    }
  }
  return processes;
}

/** Starts a window; `stop()` ends it. Processes started meanwhile count whole; those that ended meanwhile are missed. */
export function cpuWindow(): { stop(): CpuUse } {
  const started = performance.now();
  const before = processTicks();
  return {
    stop() {
      const after = processTicks();
      const capacity = ((performance.now() - started) / 1000) * TICKS_PER_SECOND * CORES;
      const used = new Map<number, number>();
      let postgres = 0;
      let all = 0;
      for (const [pid, now] of after) {
        const earlier = before.get(pid)?.ticks ?? 0;
        // Fewer ticks than before: the pid was reused by a process started meanwhile.
        const share = (now.ticks >= earlier ? now.ticks - earlier : now.ticks) / capacity;
        used.set(pid, share);
        all += share;
        if (now.postgres) postgres += share;
      }
      return { of: (pid) => used.get(pid) ?? 0, postgres, all };
    },
  };
}
