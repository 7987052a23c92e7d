/** How long requesters wait, per week: the first reply and the resolution, median and 90th percentile. */
export interface WeekTimes {
  /** Monday of the week (UTC), "2026-03-02". */
  week: string;
  tickets: number;
  replied: number;
  /** Hours; null when no ticket of the week has one yet. */
  firstReplyMedian: number | null;
  firstReplyP90: number | null;
  resolved: number;
  resolutionMedian: number | null;
  resolutionP90: number | null;
}

const HOUR_MS = 60 * 60 * 1000;

/** The nearest-rank percentile of sorted values; null for none. */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The Monday (UTC) of the week a stored time falls in, "2026-03-02": how insights group by week. */
export function monday(iso: string): string {
  const day = new Date(`${iso.slice(0, 10)}T00:00:00.000Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/** Tickets grouped by the week they arrived in, newest week first, with their reply and resolution times. */
export function weeklyResponseTimes(tickets: { createdAt: string; firstReplyAt: string | null; resolvedAt: string | null }[]): WeekTimes[] {
  const weeks = Map.groupBy(tickets, (t) => monday(t.createdAt));
  return [...weeks]
    .sort(([a], [b]) => (a < b ? 1 : -1))
    .map(([week, list]) => {
      const hours = (from: string, to: string | null) => (to ? (Date.parse(to) - Date.parse(from)) / HOUR_MS : undefined);
      const sorted = (values: (number | undefined)[]) => values.filter((v) => v !== undefined).sort((a, b) => a - b);
      const replies = sorted(list.map((t) => hours(t.createdAt, t.firstReplyAt)));
      const resolutions = sorted(list.map((t) => hours(t.createdAt, t.resolvedAt)));
      return {
        week,
        tickets: list.length,
        replied: replies.length,
        firstReplyMedian: percentile(replies, 50),
        firstReplyP90: percentile(replies, 90),
        resolved: resolutions.length,
        resolutionMedian: percentile(resolutions, 50),
        resolutionP90: percentile(resolutions, 90),
      };
    });
}
