// Peak memory of a process and everything it starts (a build spawns Astro, Vite workers and Pagefind), from /proc.
import { readdirSync, readFileSync } from 'node:fs';

/** Parent pid of every process, from /proc/<pid>/stat (field 4, after the parenthesised name). */
function parentsByPid(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(name), ppid);
    } catch {
      // the process ended between readdir and read
    }
  }
  return parents;
}

export function descendantsOf(root: number, parents: Map<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const out: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** A short name from the command line: `time`, `node astro.mjs`, `pagefind_extended`… */
function processName(pid: number): string | undefined {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    if (!argv.length) return undefined;
    const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);
    const first = base(argv[0]);
    // A node process is named by its script, past any V8 flags.
    const script = argv.slice(1).find((arg) => !arg.startsWith('-'));
    return first === 'node' && script ? `node ${base(script)}` : first;
  } catch {
    return undefined;
  }
}

/** VmRSS and VmHWM (peak RSS) of one process, in bytes, from /proc/<pid>/status. */
function memoryOf(pid: number): { name: string; rss: number; hwm: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { name: processName(pid) ?? /^Name:\s*(.*)$/m.exec(status)?.[1] ?? '?', rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

export interface TreeMemory {
  /** Highest sum of VmRSS over the whole tree seen in one sample. */
  peakTreeRss: number;
  /** Highest VmHWM of any single process in the tree (the kernel's own peak for that process). */
  peakSingleHwm: number;
  /** Largest number of processes seen in the tree at once. */
  peakProcesses: number;
  samples: number;
  /** Current tree RSS (last sample). */
  currentTreeRss: number;
  /** Every process seen in the tree, with its own peak (VmHWM), largest first. */
  processes: { pid: number; name: string; hwm: number }[];
}

/**
 * Samples the RSS of `rootPid` and all its descendants every `intervalMs` (Linux /proc).
 * The tree sum is what the machine must hold at once; a spike shorter than the interval can be
 * missed, so callers also read the kernel's per-process peak (VmHWM, or GNU time's max RSS).
 */
export function sampleTreeMemory(rootPid: number, intervalMs = 100): { current(): TreeMemory; stop(): TreeMemory } {
  const state: TreeMemory = { peakTreeRss: 0, peakSingleHwm: 0, peakProcesses: 0, samples: 0, currentTreeRss: 0, processes: [] };
  const seen = new Map<number, { pid: number; name: string; hwm: number }>();
  const tick = () => {
    const pids = descendantsOf(rootPid, parentsByPid());
    let sum = 0;
    let alive = 0;
    for (const pid of pids) {
      const mem = memoryOf(pid);
      if (!mem) continue;
      alive++;
      sum += mem.rss;
      state.peakSingleHwm = Math.max(state.peakSingleHwm, mem.hwm);
      const known = seen.get(pid);
      if (known) known.hwm = Math.max(known.hwm, mem.hwm);
      else seen.set(pid, { pid, name: mem.name, hwm: mem.hwm });
    }
    state.samples++;
    state.currentTreeRss = sum;
    state.peakTreeRss = Math.max(state.peakTreeRss, sum);
    state.peakProcesses = Math.max(state.peakProcesses, alive);
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  const snapshot = () => ({ ...state, processes: [...seen.values()].map((p) => ({ ...p })).sort((a, b) => b.hwm - a.hwm) });
  return {
    current: snapshot,
    stop: () => {
      clearInterval(timer);
      return snapshot();
    },
  };
}
