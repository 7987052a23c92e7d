import type { TicketStatus } from '../db/schema.ts';

/** The statuses in the order staff work through them, with the words the pages use. */
export const STATUS_LABELS: Record<TicketStatus, string> = {
  new: 'New',
  open: 'Open',
  waiting: 'Waiting on requester',
  resolved: 'Resolved',
  spam: 'Spam',
};

export const STATUSES = Object.keys(STATUS_LABELS) as TicketStatus[];

export function isStatus(value: unknown): value is TicketStatus {
  return typeof value === 'string' && value in STATUS_LABELS;
}
