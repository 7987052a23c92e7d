// How the benchmarks print their figures: the median of runs, number formats, PASS/MISS and plain-text tables.

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const formatInt = (n: number) => Math.round(n).toLocaleString('en-US');
export const formatBytes = (n: number) => `${formatInt(n)} B`;
/** Decimal megabytes (1 MB = 1,000,000 bytes), matching the decimal "1 GB" target. */
export const formatMB = (n: number) => `${(n / 1e6).toLocaleString('en-US', { maximumFractionDigits: 0 })} MB`;

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  return `${Math.floor(s / 60)} min ${(s % 60).toFixed(0).padStart(2, '0')} s`;
}

export const verdict = (ok: boolean): 'PASS' | 'MISS' => (ok ? 'PASS' : 'MISS');

/** A plain-text table with a header rule; columns are left-aligned, sized to their widest cell. */
export function renderTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (c ?? '').padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
