import EmailReplyParser from 'email-reply-parser';

/**
 * What the requester wrote in an email reply, without the quoted history their mail program added below it (Gmail's
 * "On … wrote:", Outlook's "From: … Sent: …" block, Apple Mail's and Thunderbird's quoting) and without a `-- `
 * signature. email-reply-parser knows those shapes in many languages.
 */
export function replyText(text: string): string {
  return new EmailReplyParser().parseReply(text.replace(/\r\n?/g, '\n')).trim();
}
