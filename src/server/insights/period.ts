import { isLanguage } from '../../i18n/languages.ts';

/** The periods staff can choose on /staff/insights, in days; events are kept 180 days by default. */
export const PERIOD_CHOICES = [7, 30, 90, 180] as const;
export const DEFAULT_PERIOD_DAYS = 30;

export interface InsightsPeriod {
  days: number;
  since: Date;
  until: Date;
  /** Only one language's votes, searches, walks and tickets (a configured one's code); every language's when absent. */
  language?: string;
}

/**
 * The chosen period (the `days` parameter), ending now; anything else is the default. With `language` (the
 * `language` parameter) naming a configured language, only that language's figures.
 */
export function periodFrom(days: string | null, now: Date, language?: string | null): InsightsPeriod {
  const chosen = PERIOD_CHOICES.find((d) => String(d) === days) ?? DEFAULT_PERIOD_DAYS;
  const period = { days: chosen, since: new Date(now.getTime() - chosen * 24 * 60 * 60 * 1000), until: now };
  return isLanguage(language ?? undefined) ? { ...period, language: language! } : period;
}
