/**
 * The addresses on REPLY_DOMAIN, both ways: a ticket's reply address (`<token>@`), which its requester's emails carry
 * as Reply-To, and an email's return path (`bounce-<outbox id>@`, VERP), where bounces for that one email come back.
 */

const BOUNCE_PREFIX = 'bounce-';
const TOKEN = /^[0-9a-f]{32}$/;
const OUTBOX_ID = /^[0-9a-z]{13}[0-9a-f]{12}$/;

export const replyAddress = (token: string, domain: string): string => `${token}@${domain}`;
export const returnPath = (outboxId: string, domain: string): string => `${BOUNCE_PREFIX}${outboxId}@${domain}`;

export type InboundAddress = { kind: 'reply'; token: string } | { kind: 'bounce'; outboxId: string };

/** What an address on `domain` is for; undefined for another domain or a local part we never hand out. */
export function readInboundAddress(address: string, domain: string): InboundAddress | undefined {
  const at = address.lastIndexOf('@');
  if (at < 0 || address.slice(at + 1).toLowerCase() !== domain) return undefined;
  const local = address.slice(0, at).toLowerCase();
  if (TOKEN.test(local)) return { kind: 'reply', token: local };
  const id = local.startsWith(BOUNCE_PREFIX) ? local.slice(BOUNCE_PREFIX.length) : '';
  return OUTBOX_ID.test(id) ? { kind: 'bounce', outboxId: id } : undefined;
}
