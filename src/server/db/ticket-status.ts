import type { TicketStatus } from './schema.ts';

const CLOSED: TicketStatus[] = ['resolved', 'spam'];

/** When each side last wrote: whether the requester waits for us follows from these and the status. */
interface LastWords {
  last_staff_reply_at: string | null;
  last_requester_message_at: string | null;
}

/**
 * The ticket columns a status change sets: the status, when it closed (closing starts the retention clock,
 * reopening stops it), and whether the requester now waits for us: on a new or open ticket that we have not
 * answered since they last wrote.
 */
export function statusChange(
  current: { status: TicketStatus; closed_at: string | null },
  status: TicketStatus,
  words: LastWords,
  at: string,
): { status: TicketStatus; closed_at: string | null; awaiting_us: number } {
  const closedAt = CLOSED.includes(status) ? (CLOSED.includes(current.status) ? current.closed_at : at) : null;
  const unanswered =
    words.last_staff_reply_at === null ||
    (words.last_requester_message_at !== null && words.last_requester_message_at > words.last_staff_reply_at);
  return { status, closed_at: closedAt, awaiting_us: (status === 'new' || status === 'open') && unanswered ? 1 : 0 };
}
