import type { Db } from './connection.ts';
import { sortableId } from './sortable-id.ts';

/** Everything the audit trail records. Details never hold a requester's personal data. */
export type AuditAction =
  | 'status-changed'
  | 'assigned'
  | 'note-added'
  | 'reply-sent'
  | 'requester-message'
  | 'requester-resolved'
  | 'requester-reopened'
  | 'email-sent-again'
  | 'anonymised'
  | 'staff-added'
  | 'staff-disabled'
  | 'staff-enabled'
  | 'staff-password-reset'
  | 'staff-password-changed'
  | 'personal-data-exported'
  | 'personal-data-erased';

export interface AuditEntry {
  id: string;
  at: string;
  action: AuditAction;
  reference: string | null;
  detail: Record<string, unknown>;
  /** Who did it; null for the command line and the retention schedule (their detail says which). */
  staff: { id: string; name: string } | null;
}

export async function recordAudit(
  db: Db,
  event: { at: string; staffId: string | null; action: AuditAction; reference?: string | null; detail?: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      id: sortableId(),
      at: event.at,
      staff_id: event.staffId,
      action: event.action,
      reference: event.reference ?? null,
      detail: JSON.stringify(event.detail ?? {}),
    })
    .execute();
}

/** One ticket's trail, oldest first. */
export async function auditOf(db: Db, reference: string): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_events as a')
    .leftJoin('staff', 'staff.id', 'a.staff_id')
    .select(['a.id', 'a.at', 'a.action', 'a.reference', 'a.detail', 'a.staff_id', 'staff.name'])
    .where('a.reference', '=', reference)
    .orderBy('a.at')
    .orderBy('a.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    action: row.action as AuditAction,
    reference: row.reference,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    staff: row.staff_id ? { id: row.staff_id, name: row.name ?? '' } : null,
  }));
}
