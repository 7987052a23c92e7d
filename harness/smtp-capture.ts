// A real SMTP server on loopback (smtp-server) that keeps what it receives, parsed with mailparser: what the help
// center sends through nodemailer arrives here as it would at a mail provider. For tests and benchmarks.
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freeLoopbackPort } from './free-port.ts';

export interface CapturedEmail {
  /** The user the sender signed in as (SMTP AUTH). */
  user: string;
  /** The envelope sender (MAIL FROM), where bounces go. */
  returnPath: string;
  messageId: string;
  inReplyTo: string | undefined;
  references: string[];
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The raw message, headers and all. */
  raw: string;
  parsed: ParsedMail;
}

export interface SmtpCapture {
  /** smtp://user:pass@127.0.0.1:<port>, for SMTP_URL (any user and password are accepted). */
  url: string;
  port: number;
  received: CapturedEmail[];
  /** Resolves once `count` emails in all have arrived (or throws after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<CapturedEmail[]>;
  /** Stops listening (senders then get "connection refused"); `start` listens again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

export interface CaptureOptions {
  /** Before answering each message's DATA: a delay (a slow server), or an error that refuses it. */
  onMessage?: (email: CapturedEmail) => Promise<void> | void;
  /** Keep the raw and parsed message (off for benchmarks, which only count). */
  parse?: boolean;
}

export async function startSmtpCapture({ onMessage, parse = true }: CaptureOptions = {}): Promise<SmtpCapture> {
  const port = await freeLoopbackPort();
  const received: CapturedEmail[] = [];
  const waiters = new Set<() => void>();
  let server: SMTPServer | undefined;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        logger: false,
        // Stopping drops open connections at once, as a server going down would (the default waits 30 s for them).
        closeTimeout: 100,
        onAuth: (auth, _session, callback) => callback(null, { user: auth.username }),
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', async () => {
            try {
              const raw = Buffer.concat(chunks).toString('utf8');
              const user = String(session.user ?? '');
              const returnPath = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
              const email = { ...(parse ? await parsed(raw) : counted(raw)), user, returnPath };
              await onMessage?.(email);
              received.push(email);
              for (const wake of waiters) wake();
              callback();
            } catch (error) {
              callback(error as Error);
            }
          });
        },
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
  await listen();

  return {
    url: `smtp://test:secret@127.0.0.1:${port}`,
    port,
    received,
    waitFor: (count, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (received.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(received.slice(0, count));
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`Expected ${count} emails within ${timeoutMs} ms, got ${received.length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    stop: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
    start: listen,
  };
}

async function parsed(raw: string): Promise<Omit<CapturedEmail, 'user' | 'returnPath'>> {
  const mail = await simpleParser(raw);
  const references = typeof mail.references === 'string' ? [mail.references] : (mail.references ?? []);
  return {
    messageId: mail.messageId ?? '',
    inReplyTo: mail.inReplyTo,
    references,
    from: mail.from?.text ?? '',
    to: (Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : mail.to?.text) ?? '',
    subject: mail.subject ?? '',
    text: mail.text ?? '',
    html: typeof mail.html === 'string' ? mail.html : '',
    raw,
    parsed: mail,
  };
}

/** Only the Message-ID, read off the headers: enough to count and tell emails apart. */
function counted(raw: string): Omit<CapturedEmail, 'user' | 'returnPath'> {
  const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1] ?? '';
  return {
    messageId,
    inReplyTo: undefined,
    references: [],
    from: '',
    to: '',
    subject: '',
    text: '',
    html: '',
    raw: '',
    parsed: {} as ParsedMail,
  };
}
