// GNU time's `-v` report of a finished command: the kernel's own peak memory and CPU time, beside our sampling.

export interface GnuTimeReport {
  /** "Maximum resident set size": the largest peak RSS of any single process waited for, in bytes. */
  maxRssBytes: number;
  /** User plus system CPU seconds of the whole tree (less sensitive than wall time to other load). */
  cpuSeconds: number;
  elapsed: string;
  exitStatus: number;
}

/** Parses the `-v` report that GNU time writes (here to a file with `-o`). */
export function parseGnuTime(text: string): GnuTimeReport | undefined {
  const rss = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(text);
  if (!rss) return undefined;
  const elapsed = /Elapsed \(wall clock\) time \([^)]*\):\s*(\S+)/.exec(text)?.[1] ?? '';
  const exit = /Exit status:\s*(\d+)/.exec(text);
  const seconds = (label: string) => Number(new RegExp(`${label} time \\(seconds\\):\\s*([\\d.]+)`).exec(text)?.[1] ?? 0);
  return {
    maxRssBytes: Number(rss[1]) * 1024,
    cpuSeconds: seconds('User') + seconds('System'),
    elapsed,
    exitStatus: exit ? Number(exit[1]) : 0,
  };
}
