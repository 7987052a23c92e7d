import { searchWords, type InboxCursor, type InboxFilter, type InboxSort } from '../db/inbox.ts';
import type { TicketStatus } from '../db/schema.ts';
import { normaliseEmail } from '../email-address.ts';
import { isLanguage } from '../../i18n/languages.ts';
import { isStatus } from './statuses.ts';

/** What an inbox address asks for: `?status=open&needs=reply&sort=activity&language=es&q=ada@example.com&after=<cursor>`. */
export interface InboxQuery {
  status?: TicketStatus;
  /** Only tickets whose requester waits for our reply (`needs=reply`). */
  needsReply: boolean;
  sort: InboxSort;
  /** Only tickets in this language (a configured one's code). */
  language?: string;
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
  const needsReply = params.get('needs') === 'reply';
  const sort: InboxSort = params.get('sort') === 'activity' ? 'activity' : 'received';
  const asked = params.get('language') ?? undefined;
  const language = isLanguage(asked) ? asked : undefined;
  const filter: InboxFilter = { status, ...(needsReply ? { awaitingUs: true } : {}), ...(language ? { language } : {}) };
  let searchError: string | undefined;
  if (q.includes('@')) filter.email = normaliseEmail(q);
  else if (q !== '') {
    const prefix = referencePrefix(q);
    if (prefix) filter.referencePrefix = prefix;
    else if (searchWords(q).length > 0) filter.text = q;
    else searchError = 'Enter a reference (like HC-7KQ2-M9XD or its first characters), an email address, or words to find';
  }
  const after = parseCursor(params.get('after'));
  const before = after ? undefined : parseCursor(params.get('before'));
  return { status, needsReply, sort, language, q, filter, position: { after, before }, searchError };
}

/**
 * "hc-7kq2", "HC7KQ2", "7kq2" all mean references starting HC-7KQ2: what starts with HC or has a digit, in a
 * reference's letters. Other words are a full-text search.
 */
function referencePrefix(text: string): string | undefined {
  const compact = text.toUpperCase().replace(/[\s-]/g, '');
  const body = compact.startsWith('HC') ? compact.slice(2) : compact;
  if (!/^[0-9A-Z]{0,8}$/.test(body) || !(compact.startsWith('HC') || /\d/.test(body))) return undefined;
  return `HC-${body.slice(0, 4)}${body.length > 4 ? `-${body.slice(4)}` : ''}`;
}

function parseCursor(value: string | null): InboxCursor | undefined {
  const match = value ? CURSOR.exec(value) : null;
  return match ? { at: match[1], reference: match[2] } : undefined;
}

export function formatCursor(cursor: InboxCursor): string {
  return `${cursor.at}_${cursor.reference}`;
}

/** The inbox address for a status, filter, order, search and page; empty parts and defaults are left out. */
export function inboxHref(parts: {
  status?: TicketStatus;
  needsReply?: boolean;
  sort?: InboxSort;
  language?: string;
  q?: string;
  after?: InboxCursor;
  before?: InboxCursor;
}): string {
  const params = new URLSearchParams();
  if (parts.status) params.set('status', parts.status);
  if (parts.needsReply) params.set('needs', 'reply');
  if (parts.sort === 'activity') params.set('sort', 'activity');
  if (parts.language) params.set('language', parts.language);
  if (parts.q) params.set('q', parts.q);
  if (parts.after) params.set('after', formatCursor(parts.after));
  if (parts.before) params.set('before', formatCursor(parts.before));
  const query = params.toString();
  return `/staff/${query ? `?${query}` : ''}`;
}
