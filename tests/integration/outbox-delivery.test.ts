import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newServerData, openServerDatabase } from '../../harness/server-database.ts';
import { startServer, type ServerProcess } from '../../harness/server-process.ts';
import { startSmtpCapture, type SmtpCapture } from '../../harness/smtp-capture.ts';
import { createStaff, getAs, postForm, signIn } from '../../harness/staff.ts';
import { seedTickets } from '../../harness/seed-tickets.ts';
import { migrateToLatest } from '../../src/server/db/connection.ts';
import { queueEmails } from '../../src/server/db/outbox.ts';
import { MAIL_NOT_SET_UP } from '../../src/server/email/mail-service.ts';
import { postJson, validSupportRequest } from '../support/support-requests.ts';
import { requestLinkIn } from '../support/request-links.ts';

describe('without SMTP_URL', () => {
  let data: Awaited<ReturnType<typeof newServerData>>;
  let smtp: SmtpCapture;
  beforeAll(async () => {
    data = await newServerData();
    smtp = await startSmtpCapture();
  });
  afterAll(async () => {
    await smtp.stop();
    await data.remove();
  });

  it('says so in one line at start, keeps every email, shows admins what waits, and sends it all once SMTP_URL is set', async () => {
    const first = await startServer({ dataDir: data.dataDir });
    let reference: string;
    try {
      expect(
        first
          .output()
          .split('\n')
          .filter((line) => line.includes('Email is not set up')),
      ).toEqual([MAIL_NOT_SET_UP]);
      const response = await postJson(
        first.url,
        validSupportRequest({ email: 'waiting@example.com', description: 'Nobody answers my emails at all.' }),
      );
      ({ reference } = (await response.json()) as { reference: string });
      await createStaff(data.dataDir, { email: 'admin@example.com', name: 'Ada Admin', role: 'admin' });
      const cookie = await signIn(first.url, 'admin@example.com');
      const inbox = await (await getAs(first.url, '/staff/', cookie)).text();
      expect(inbox).toContain('Email is not set up: 1 message waiting.');
      const outbox = await (await getAs(first.url, '/staff/admin/outbox', cookie)).text();
      expect(outbox).toContain(`Your request ${reference}`);
      expect(outbox).toContain('Nobody answers my emails at all.');
      // Its full text, link and all: an admin could send it by hand, and the link works.
      const link = requestLinkIn({ text: outbox.replaceAll('&amp;', '&') });
      expect((await fetch(new URL(link, first.url))).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(smtp.received).toEqual([]);
    } finally {
      await first.stop();
    }
    const second = await startServer({ dataDir: data.dataDir, env: { SMTP_URL: smtp.url } });
    try {
      expect(second.output()).not.toContain('Email is not set up');
      const [sent] = await smtp.waitFor(1);
      expect(sent.subject).toBe(`Your request ${reference!} | Loomwork Help Center`);
      expect(sent.text).toContain('Nobody answers my emails at all.');
    } finally {
      await second.stop();
    }
  });
});

/** Queues `count` emails on one seeded ticket straight into the server's database, as the app would. */
async function queueMany(dataDir: string, count: number, series: string): Promise<string[]> {
  const db = openServerDatabase(dataDir);
  try {
    await migrateToLatest(db);
    const [ticket] = await seedTickets(db, { count: 1, series });
    const ids = Array.from({ length: count }, (_, i) => `<${series}-${i}.${crypto.randomUUID()}@help.example.com>`);
    await queueEmails(
      db,
      ticket.reference,
      ids.map((messageId, i) => ({
        kind: 'reply' as const,
        recipient: `requester${i}@example.com`,
        recipientName: `Requester ${i}`,
        subject: `Message ${i}`,
        textBody: `Message ${i}`,
        htmlBody: `<p>Message ${i}</p>`,
        messageId,
      })),
      new Date(),
    );
    return ids;
  } finally {
    await db.destroy();
  }
}

describe('two processes on one outbox', () => {
  let data: Awaited<ReturnType<typeof newServerData>>;
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await data?.remove();
  });

  it('send 200 queued emails between them, each once, and both send some', async () => {
    data = await newServerData();
    // Each message takes the SMTP server a little while, so neither process can empty the outbox alone.
    const smtp = await startSmtpCapture({ parse: false, onMessage: () => new Promise((resolve) => setTimeout(resolve, 20)) });
    try {
      const sent = new Map<string, number>();
      for (const name of ['one', 'two']) {
        const server = await startServer({ dataDir: data.dataDir, env: { SMTP_URL: smtp.url.replace('test:', `${name}:`) } });
        servers.push(server);
      }
      const ids = await queueMany(data.dataDir, 200, 'T');
      const received = await smtp.waitFor(200, 60_000);
      for (const email of received) sent.set(email.messageId, (sent.get(email.messageId) ?? 0) + 1);
      expect([...sent.keys()].sort()).toEqual([...ids].sort());
      expect([...sent.values()].every((n) => n === 1)).toBe(true);
      // Each process signs in to the SMTP server as its own user.
      const bySender = Map.groupBy(received, (email) => email.user);
      expect([...bySender.keys()].sort()).toEqual(['one', 'two']);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(smtp.received).toHaveLength(200);
    } finally {
      await smtp.stop();
    }
  });
});

describe('a process killed while sending', () => {
  let data: Awaited<ReturnType<typeof newServerData>>;
  afterAll(async () => data?.remove());

  it('leaves nothing unsent: after a restart every email goes out, a second time only if the SMTP server had accepted it', async () => {
    data = await newServerData();
    let accepted = 0;
    let killing: Promise<void> | undefined;
    let started!: (server: ServerProcess) => void;
    const server = new Promise<ServerProcess>((resolve) => (started = resolve));
    // The process is killed as the SMTP server accepts the tenth message, likely before the outbox records it (the
    // documented case of a second delivery); the messages after it are held unanswered, in flight as it dies.
    const smtp = await startSmtpCapture({
      parse: false,
      onMessage: async () => {
        accepted++;
        if (accepted === 10) killing = server.then((s) => s.kill());
        else if (accepted > 10 && killing) await new Promise((resolve) => setTimeout(resolve, 500));
      },
    });
    try {
      const ids = await queueMany(data.dataDir, 30, 'K');
      started(await startServer({ dataDir: data.dataDir, env: { SMTP_URL: smtp.url } }));
      await expect.poll(() => accepted, { timeout: 20_000 }).toBeGreaterThanOrEqual(10);
      await killing;
      const db = openServerDatabase(data.dataDir);
      try {
        // As if the killed process's leases (5 minutes) had run out.
        await db
          .updateTable('outbox')
          .set({ lease_until: new Date(0).toISOString() })
          .where('status', '=', 'queued')
          .execute();
      } finally {
        await db.destroy();
      }
      const restarted = await startServer({ dataDir: data.dataDir, env: { SMTP_URL: smtp.url } });
      try {
        await expect
          .poll(
            async () => {
              const check = openServerDatabase(data.dataDir);
              try {
                return (await check.selectFrom('outbox').select('status').where('status', '!=', 'sent').execute()).length;
              } finally {
                await check.destroy();
              }
            },
            { timeout: 20_000 },
          )
          .toBe(0);
      } finally {
        await restarted.stop();
      }
      const counts = new Map<string, number>();
      for (const email of smtp.received) counts.set(email.messageId, (counts.get(email.messageId) ?? 0) + 1);
      expect([...counts.keys()].sort()).toEqual([...ids].sort());
      // Only emails in flight when the process died (accepted but not yet recorded) may arrive twice, with their own Message-ID.
      const twice = [...counts].filter(([, n]) => n > 1);
      expect(twice.every(([, n]) => n === 2)).toBe(true);
      expect(twice.length).toBeLessThanOrEqual(10);
    } finally {
      await smtp.stop();
    }
  });
});

describe('an email the SMTP server refuses', () => {
  let data: Awaited<ReturnType<typeof newServerData>>;
  let smtp: SmtpCapture;
  let server: ServerProcess;
  let refusing = true;
  beforeAll(async () => {
    data = await newServerData();
    smtp = await startSmtpCapture({
      onMessage: (email) => {
        if (refusing && email.to.includes('refused@example.com'))
          throw Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
      },
    });
    server = await startServer({ dataDir: data.dataDir, env: { SMTP_URL: smtp.url } });
    await createStaff(data.dataDir, { email: 'states@example.com', name: 'Stella States', role: 'agent' });
  });
  afterAll(async () => {
    await server?.stop();
    await smtp?.stop();
    await data?.remove();
  });

  it('shows staff "Retrying at" with the SMTP answer, "Failed" 48 hours after the first attempt, and sends it again on request', async () => {
    const response = await postJson(server.url, validSupportRequest({ email: 'refused@example.com' }));
    const { reference } = (await response.json()) as { reference: string };
    const cookie = await signIn(server.url, 'states@example.com');
    const ticketPage = async () => (await getAs(server.url, `/staff/tickets/${reference}`, cookie)).text();
    await expect
      .poll(ticketPage, { timeout: 15_000 })
      .toMatch(/Confirmation to the requester[^]*?Retrying at \d{4}-\d\d-\d\d \d\d:\d\d UTC: [^<]*550 Mailbox unavailable/);

    // As if the first attempt had been 48 hours ago and the next one were due now.
    const db = openServerDatabase(data.dataDir);
    try {
      const longAgo = new Date(Date.now() - 48 * 60 * 60_000 - 60_000).toISOString();
      await db
        .updateTable('outbox')
        .set({ first_attempt_at: longAgo, next_attempt_at: new Date(0).toISOString() })
        .where('recipient', '=', 'refused@example.com')
        .execute();
    } finally {
      await db.destroy();
    }
    await expect.poll(ticketPage, { timeout: 15_000 }).toMatch(/Confirmation to the requester[^]*?Failed: [^<]*550 Mailbox unavailable/);

    refusing = false;
    const html = await ticketPage();
    const id = /name="email" value="([^"]+)"/.exec(html)?.[1];
    expect(id).toBeDefined();
    expect((await postForm(server.url, `/staff/tickets/${reference}`, cookie, { action: 'send-again', email: id! })).status).toBe(303);
    await expect.poll(() => smtp.received.filter((e) => e.to.includes('refused@example.com')).length, { timeout: 15_000 }).toBe(1);
  });
});
