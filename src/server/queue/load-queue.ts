import { catalog, flowsById } from '../catalog.ts';
import { database } from '../db/connection.ts';
import { activeQueueMarks } from '../db/queue-marks.ts';
import { flowOutline } from '../insights/load-report.ts';
import { DEFAULT_PERIOD_DAYS, periodFrom } from '../insights/period.ts';
import { buildInsights } from '../insights/report.ts';
import { workQueue, type QueueItem } from './work-queue.ts';

/** The work queue as /staff/queue shows it: the last 30 days' figures, less what staff marked done or snoozed. */
export async function loadWorkQueue(now = new Date()): Promise<{ items: QueueItem[]; hidden: number }> {
  const [{ articles }, flows, db] = await Promise.all([catalog(), flowsById(), database()]);
  const titles = new Map(articles.map((a) => [a.id, a.title]));
  const outlines = [...flows].map(([id, flow]) => flowOutline(id, flow));
  const period = periodFrom(String(DEFAULT_PERIOD_DAYS), now);
  const previousEnd = period.since;
  const previous = {
    days: period.days,
    since: new Date(previousEnd.getTime() - (now.getTime() - previousEnd.getTime())),
    until: previousEnd,
  };
  const [current, earlier, marks] = await Promise.all([
    buildInsights(db, period, titles, outlines),
    buildInsights(db, previous, titles, []),
    activeQueueMarks(db, now),
  ]);
  const all = workQueue({
    articles: current.articles,
    previousArticles: earlier.articles,
    noResults: current.noResults,
    unopened: current.unopened,
    flows: current.flows,
    catalogue: articles,
    outdatedTranslations: (await catalog()).outdatedTranslations,
    now,
  });
  const items = all.filter((item) => !marks.has(item.key));
  return { items, hidden: all.length - items.length };
}
