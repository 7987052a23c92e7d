import type { InboxCursor, InboxFilter } from '../db/inbox.ts';
import type { TicketStatus } from '../db/schema.ts';
import { normaliseEmail } from '../email-address.ts';
import { isStatus } from './statuses.ts';

/** What an inbox address asks for: `?status=open&q=ada@example.com&after=<cursor>`. */
export interface InboxQuery {
  status?: TicketStatus;
  /** The search as typed, to show it again. */
  q: string;
  filter: InboxFilter;
  position: { after?: InboxCursor; before?: InboxCursor };
  /** Why the search could not be used, to show next to the field. */
  searchError?: string;
}

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_(HC-[0-9A-Z]{4}-[0-9A-Z]{4})$/;

export function parseInboxQuery(params: URLSearchParams): InboxQuery {
  const raw = params.get('status') ?? '';
  const status = isStatus(raw) ? raw : undefined;
  const q = (params.get('q') ?? '').trim().slice(0, 254);
  const filter: InboxFilter = { status };
  let searchError: string | undefined;
  if (q.includes('@')) filter.email = normaliseEmail(q);
  else if (q !== '') {
    const prefix = referencePrefix(q);
    if (prefix) filter.referencePrefix = prefix;
    else searchError = 'Enter a reference, like HC-7KQ2-M9XD or its first characters, or an email address';
  }
  const after = parseCursor(params.get('after'));
  const before = after ? undefined : parseCursor(params.get('before'));
  return { status, q, filter, position: { after, before }, searchError };
}

/** "hc-7kq2", "HC7KQ2", "7kq2" all mean references starting HC-7KQ2. */
function referencePrefix(text: string): string | undefined {
  const compact = text.toUpperCase().replace(/[\s-]/g, '');
  const body = compact.startsWith('HC') ? compact.slice(2) : compact;
  if (!/^[0-9A-Z]{0,8}$/.test(body)) return undefined;
  return `HC-${body.slice(0, 4)}${body.length > 4 ? `-${body.slice(4)}` : ''}`;
}

function parseCursor(value: string | null): InboxCursor | undefined {
  const match = value ? CURSOR.exec(value) : null;
  return match ? { createdAt: match[1], reference: match[2] } : undefined;
}

export function formatCursor(cursor: InboxCursor): string {
  return `${cursor.createdAt}_${cursor.reference}`;
}

/** The inbox address for a status, search and page; empty parts are left out. */
export function inboxHref(parts: { status?: TicketStatus; q?: string; after?: InboxCursor; before?: InboxCursor }): string {
  const params = new URLSearchParams();
  if (parts.status) params.set('status', parts.status);
  if (parts.q) params.set('q', parts.q);
  if (parts.after) params.set('after', formatCursor(parts.after));
  if (parts.before) params.set('before', formatCursor(parts.before));
  const query = params.toString();
  return `/staff/${query ? `?${query}` : ''}`;
}
