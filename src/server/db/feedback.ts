import { randomUUID } from 'node:crypto';
import type { Db } from './connection.ts';

export interface NewVote {
  article: string;
  answer: 'yes' | 'no';
  /** The code of the language of the page the vote was cast on. */
  language: string;
  /** The reader's salted key for this article today (src/server/feedback/voter-key.ts). */
  claimKey: string;
  createdAt: Date;
}

export type VoteOutcome = { outcome: 'created'; id: string } | { outcome: 'repeat' };

/**
 * Stores a vote unless the same reader already voted on the article today. The claim's unique key, not an
 * earlier lookup, decides: two copies arriving at once (a double click, two instances) store one vote.
 */
export async function recordVote(db: Db, vote: NewVote): Promise<VoteOutcome> {
  const createdAt = vote.createdAt.toISOString();
  return db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto('vote_claims')
      .values({ key: vote.claimKey, created_at: createdAt })
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!claimed) return { outcome: 'repeat' };
    const id = randomUUID();
    await trx
      .insertInto('feedback_votes')
      .values({
        id,
        article: vote.article,
        answer: vote.answer,
        language: vote.language,
        reasons: null,
        comment: null,
        created_at: createdAt,
        detailed_at: null,
      })
      .execute();
    return { outcome: 'created', id };
  });
}

export interface StoredVote {
  id: string;
  article: string;
  answer: 'yes' | 'no';
  /** Whether reasons or a comment were added already. */
  detailed: boolean;
}

export async function findVote(db: Db, id: string): Promise<StoredVote | undefined> {
  const row = await db
    .selectFrom('feedback_votes')
    .select(['id', 'article', 'answer', 'detailed_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { id: row.id, article: row.article, answer: row.answer, detailed: row.detailed_at !== null };
}

export interface VoteDetails {
  id: string;
  reasons: string[];
  comment: string | null;
  at: Date;
}

export type DetailsOutcome =
  { outcome: 'saved'; article: string } | { outcome: 'unknown' | 'not-a-no' | 'already-detailed'; article?: string };

/** Adds reasons to a No, once: the update only matches a No that has none yet. */
export async function addVoteDetails(db: Db, details: VoteDetails): Promise<DetailsOutcome> {
  const updated = await db
    .updateTable('feedback_votes')
    .set({ reasons: JSON.stringify(details.reasons), comment: details.comment, detailed_at: details.at.toISOString() })
    .where('id', '=', details.id)
    .where('answer', '=', 'no')
    .where('detailed_at', 'is', null)
    .returning('article')
    .executeTakeFirst();
  if (updated) return { outcome: 'saved', article: updated.article };
  const vote = await findVote(db, details.id);
  if (!vote) return { outcome: 'unknown' };
  return { outcome: vote.answer === 'no' ? 'already-detailed' : 'not-a-no', article: vote.article };
}

/** Claims only need to outlive their day's salt. Returns how many it deleted. */
export async function purgeVoteClaims(db: Db, before: Date): Promise<number> {
  const result = await db.deleteFrom('vote_claims').where('created_at', '<', before.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
