import { randomUUID } from 'node:crypto';
import type { Insertable, Transaction } from 'kysely';
import type { ReaderEvent } from '../../lib/reader-events.ts';
import { defaultLanguage } from '../../i18n/languages.ts';
import { createCommitQueue } from './commit-queue.ts';
import type { Db } from './connection.ts';
import type { Database, ReaderEventsTable } from './schema.ts';

export interface EventBatch {
  events: ReaderEvent[];
  /** The code of the language of the page they happened on; the default language's when not given. */
  language?: string;
  receivedAt: Date;
}

/** Rows per insert statement: well under SQLite's and PostgreSQL's limits on bound parameters. */
const ROWS_PER_STATEMENT = 500;

/** Stores batches through a group commit, so a burst of beacons costs one transaction, not one each. */
export function createEventStore(db: () => Promise<Db>): (batch: EventBatch) => Promise<void> {
  return createCommitQueue(db, writeBatches);
}

async function writeBatches(trx: Transaction<Database>, batches: EventBatch[]): Promise<void[]> {
  const rows = batches.flatMap((batch) =>
    batch.events.map((event) => eventRow(event, batch.receivedAt.toISOString(), batch.language ?? defaultLanguage.code)),
  );
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    await trx
      .insertInto('reader_events')
      .values(rows.slice(i, i + ROWS_PER_STATEMENT))
      .execute();
  }
  return batches.map(() => undefined);
}

function eventRow(event: ReaderEvent, createdAt: string, language: string): Insertable<ReaderEventsTable> {
  const row = { id: randomUUID(), created_at: createdAt, type: event.type, language };
  switch (event.type) {
    case 'search':
      return { ...row, query: event.query, result_count: event.results };
    case 'search_open':
      return { ...row, query: event.query, target: event.target, result_rank: event.rank };
    case 'step_viewed':
      return { ...row, flow: event.flow, step: event.step, from_step: event.from ?? null, flow_version: event.version ?? null };
    case 'outcome':
      return { ...row, flow: event.flow, step: event.step, outcome: event.result, flow_version: event.version ?? null };
    case 'suggestions_shown':
      return { ...row, tab: event.tab, result_count: event.count };
    case 'suggestion_open':
      return { ...row, tab: event.tab, target: event.target, result_rank: event.rank };
    case 'suggestion_request_sent':
      return { ...row, tab: event.tab };
  }
}

/** Deletes events received before `cutoff`; returns how many. */
export async function deleteEventsBefore(db: Db, cutoff: Date): Promise<number> {
  const result = await db.deleteFrom('reader_events').where('created_at', '<', cutoff.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
