/** The periods staff can choose on /staff/insights, in days; events are kept 180 days by default. */
export const PERIOD_CHOICES = [7, 30, 90, 180] as const;
export const DEFAULT_PERIOD_DAYS = 30;

export interface InsightsPeriod {
  days: number;
  since: Date;
  until: Date;
}

/** The chosen period (the `days` parameter), ending now; anything else is the default. */
export function periodFrom(days: string | null, now: Date): InsightsPeriod {
  const chosen = PERIOD_CHOICES.find((d) => String(d) === days) ?? DEFAULT_PERIOD_DAYS;
  return { days: chosen, since: new Date(now.getTime() - chosen * 24 * 60 * 60 * 1000), until: now };
}
