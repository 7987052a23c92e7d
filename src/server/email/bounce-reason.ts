import type { ParsedMail } from 'mailparser';

/**
 * Why a bounce says the email was not delivered, as staff read it: the remote server's answer (a delivery status
 * notification's Diagnostic-Code, RFC 3464), else its Status code, else the bounce's subject.
 */
export function bounceReason(raw: string, mail: Pick<ParsedMail, 'subject'>): string {
  const field = (name: string) => {
    const match = new RegExp(`^${name}:[ \\t]*(.+(?:\\r?\\n[ \\t]+.+)*)`, 'im').exec(raw);
    return match?.[1].replace(/\s+/g, ' ').trim();
  };
  const diagnostic = field('Diagnostic-Code')?.replace(/^smtp;\s*/i, '');
  const status = field('Status');
  const reason = diagnostic ?? (status ? `status ${status}` : undefined) ?? mail.subject ?? 'no reason given';
  return reason.slice(0, 500);
}
