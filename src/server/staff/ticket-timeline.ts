import { site } from '../../site.config.ts';
import type { ConversationMessage } from '../db/conversation.ts';
import type { EmailState } from '../db/outbox.ts';
import type { SavedReply } from '../db/saved-replies.ts';
import type { Note, Ticket } from '../db/tickets.ts';
import type { Posted } from './form-post.ts';

/**
 * A ticket's history as the staff page shows it, oldest first: the request, public messages (each staff reply with
 * the emails that carried it), internal notes (never shown to the requester nor emailed), and the other emails.
 */
export type TimelineItem =
  | { kind: 'request'; at: string; body: string }
  | { kind: 'message'; at: string; message: ConversationMessage; emails: EmailState[] }
  | { kind: 'note'; at: string; note: Note }
  | { kind: 'email'; at: string; email: EmailState };

export function ticketTimeline(ticket: Ticket, messages: ConversationMessage[], notes: Note[], emails: EmailState[]): TimelineItem[] {
  const carried = new Set(messages.map((m) => m.id));
  const items: TimelineItem[] = [
    { kind: 'request', at: ticket.createdAt, body: ticket.description },
    ...messages.map((message) => ({
      kind: 'message' as const,
      at: message.createdAt,
      message,
      emails: emails.filter((e) => e.ticketMessageId === message.id),
    })),
    ...notes.map((note) => ({ kind: 'note' as const, at: note.createdAt, note })),
    ...emails
      .filter((e) => !e.ticketMessageId || !carried.has(e.ticketMessageId))
      .map((email) => ({ kind: 'email' as const, at: email.createdAt, email })),
  ];
  // Stable: the request first, then what happened in order.
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => (a.item.at < b.item.at ? -1 : a.item.at > b.item.at ? 1 : a.i - b.i))
    .map(({ item }) => item);
}

export const EMAIL_KINDS: Record<EmailState['kind'], string> = {
  confirmation: 'Confirmation to the requester',
  reply: 'Reply to the requester',
  resolved: '“Resolved” note to the requester',
  links: 'New link to the requester',
  'staff-new-ticket': 'New-ticket notice to staff',
  'staff-new-message': 'New-message notice to staff',
};

/** Where an email stands, in words: queued, sent, retrying at…, failed: why, bounced: why. */
export function deliveryState(email: EmailState): string {
  const time = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
  switch (email.status) {
    case 'sent':
      return `Sent ${time(email.sentAt ?? email.createdAt)}`;
    case 'failed':
      return `Failed: ${email.lastError ?? 'unknown error'}`;
    case 'bounced':
      return `Bounced: ${email.lastError ?? 'no reason given'}`;
    default:
      return email.lastError ? `Retrying at ${time(email.nextAttemptAt)}: ${email.lastError}` : 'Queued';
  }
}

export interface ArticleLink {
  id: string;
  title: string;
}

/** The reply box's text after a post (kept as typed, or with a saved reply or an article link added), and articles found. */
export function replyDraft(
  post: Posted | undefined,
  saved: SavedReply[],
  articles: ArticleLink[],
): { text: string; found?: ArticleLink[] } {
  const typed = post?.form.get('reply') ?? '';
  if (!post || post.problem) return { text: post?.action === 'reply' || post?.problem ? typed : '' };
  const add = (extra: string) => (typed.trim() ? `${typed.trimEnd()}\n\n${extra}` : extra);
  switch (post.action) {
    case 'insert-saved': {
      const reply = saved.find((s) => s.id === post.form.get('savedReply'));
      return { text: reply ? add(reply.body) : typed };
    }
    case 'find-article': {
      const words = (post.form.get('articleQuery') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      const found = articles.filter((a) => words.every((w) => a.title.toLowerCase().includes(w))).slice(0, 10);
      return { text: typed, found };
    }
    case 'insert-article': {
      const article = articles.find((a) => a.id === post.form.get('article'));
      return { text: article ? add(`${article.title}: ${new URL(`/articles/${article.id}/`, `${site.baseUrl}/`).href}`) : typed };
    }
    default:
      return { text: '' };
  }
}
