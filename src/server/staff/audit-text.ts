import type { AuditEntry } from '../db/audit.ts';
import { isStatus, STATUS_LABELS } from './statuses.ts';

/** Who did it, as the trail names them. */
export function auditActor(entry: AuditEntry): string {
  if (entry.staff) return entry.staff.name;
  if (entry.action.startsWith('requester-') || (entry.action === 'status-changed' && !entry.staff)) return 'The requester';
  return entry.action === 'anonymised' && entry.detail.reason === 'retention' ? 'Retention schedule' : 'Command line';
}

/** What happened, as a phrase that follows the actor ("Ada changed the status from New to Resolved"). */
export function auditDescription(entry: AuditEntry): string {
  const label = (status: unknown) => (isStatus(status) ? STATUS_LABELS[status] : String(status));
  switch (entry.action) {
    case 'status-changed':
      return `changed the status from ${label(entry.detail.from)} to ${label(entry.detail.to)}`;
    case 'assigned':
      if (entry.detail.to === null) return 'unassigned the ticket';
      if (entry.detail.to === entry.staff?.id) return 'assigned the ticket to themselves';
      return `assigned the ticket to ${String(entry.detail.toName ?? 'another staff member')}`;
    case 'reply-sent':
      return 'replied to the requester';
    case 'requester-message':
      return 'wrote a message';
    case 'requester-resolved':
      return 'said the problem is fixed';
    case 'requester-reopened':
      return 'said it is still not fixed';
    case 'note-added':
      return 'added an internal note';
    case 'anonymised':
      return entry.detail.reason === 'retention'
        ? 'anonymised the personal data: the ticket was closed longer than the retention period'
        : 'erased the personal data at the requester’s request';
    default:
      return entry.action.replaceAll('-', ' ');
  }
}
