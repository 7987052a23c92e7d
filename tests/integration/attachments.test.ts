import { beforeAll, describe, expect, it } from 'vitest';
import { openServerDatabase } from '../../harness/server-database.ts';
import { getAs, postForm, signIn } from '../../harness/staff.ts';
import { anonymise } from '../../src/server/db/personal-data.ts';
import { useMailingServer } from '../support/mailing-server.ts';
import { requestLinkIn } from '../support/request-links.ts';
import { validFormFields } from '../support/support-requests.ts';
import { PNG, HTML_PAGE } from '../support/files.ts';

// Files on support requests, posted as the contact form posts them without JavaScript (multipart), then fetched
// as staff and as the requester would.

const MAX_BYTES = 100_000;
const mail = useMailingServer({
  env: { ATTACHMENT_MAX_FILES: '2', ATTACHMENT_MAX_BYTES: String(MAX_BYTES) },
  staff: [
    { email: 'agent@example.com', name: 'Grace Agent', role: 'agent' },
    { email: 'admin@example.com', name: 'Ada Admin', role: 'admin' },
  ],
});
let staffCookie: string;
let adminCookie: string;
beforeAll(async () => {
  staffCookie = await signIn(mail.server.url, 'agent@example.com');
  adminCookie = await signIn(mail.server.url, 'admin@example.com');
});

type File = [name: string, content: Uint8Array<ArrayBuffer> | string, type?: string];

/** Posts the contact form with files, as a browser does (multipart, same Origin, redirects not followed). */
function postWithFiles(files: File[], fields = validFormFields(), headers: Record<string, string> = {}): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  for (const [name, content, type = 'application/octet-stream'] of files) form.append('attachments', new Blob([content], { type }), name);
  return fetch(`${mail.server.url}/contact/`, {
    method: 'POST',
    headers: { Origin: mail.server.url, ...headers },
    body: form,
    redirect: 'manual',
  });
}

const referenceOf = (response: Response) => new URL(response.headers.get('location')!, mail.server.url).searchParams.get('ref')!;
const withEmail = (email: string, key = crypto.randomUUID()) =>
  validFormFields(key).map(([name, value]): [string, string] => [name, name === 'email' ? email : value]);

describe('a support request with a file', () => {
  it('is stored; staff download it, the requester’s page offers it, and nobody else gets it', async () => {
    const email = `files-${crypto.randomUUID()}@example.com`;
    const sent = await postWithFiles([['screen shot.png', PNG, 'image/png']], withEmail(email));
    expect(sent.status).toBe(303);
    const reference = referenceOf(sent);

    const ticket = await (await getAs(mail.server.url, `/staff/tickets/${reference}`, staffCookie)).text();
    const staffPath = /href="(\/staff\/tickets\/[^"]+\/attachments\/[^"]+)"/.exec(ticket)?.[1];
    expect(ticket).toContain('screen shot.png');
    const download = await getAs(mail.server.url, staffPath!, staffCookie);
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(PNG);
    expect(
      Object.fromEntries(
        ['content-type', 'content-disposition', 'x-content-type-options', 'cache-control'].map((h) => [h, download.headers.get(h)]),
      ),
    ).toEqual({
      'content-type': 'image/png',
      'content-disposition': `attachment; filename="screen shot.png"; filename*=UTF-8''screen%20shot.png`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    expect(download.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);

    // Without a staff session: no file.
    const anonymous = await fetch(new URL(staffPath!, mail.server.url), { redirect: 'manual' });
    expect(anonymous.status).not.toBe(200);
    expect(new Uint8Array(await anonymous.arrayBuffer())).not.toEqual(PNG);

    const confirmation = await expect
      .poll(() => mail.smtp.received.find((e) => e.to.includes(email)), { timeout: 15_000 })
      .toBeDefined()
      .then(() => mail.smtp.received.find((e) => e.to.includes(email))!);
    const page = await (await fetch(new URL(requestLinkIn(confirmation), mail.server.url))).text();
    const requesterPath = /href="(\/requests\/[^"]+\/attachments\/[^"]+)"/.exec(page)?.[1]?.replaceAll('&amp;', '&');
    expect(page).toContain('screen shot.png');
    const theirs = await fetch(new URL(requesterPath!, mail.server.url));
    expect(theirs.status).toBe(200);
    expect(new Uint8Array(await theirs.arrayBuffer())).toEqual(PNG);
    expect(theirs.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(theirs.headers.get('content-security-policy')).toMatch(/^sandbox/);

    // A wrong key, or none, gets what an unknown file gets.
    const [path] = requesterPath!.split('?');
    for (const query of ['', '?key=wrong-key-wrong-key-wrong-key']) {
      const refused = await fetch(new URL(`${path}${query}`, mail.server.url));
      expect(refused.status).toBe(404);
      expect(new Uint8Array(await refused.arrayBuffer())).not.toEqual(PNG);
    }
  });

  it('refuses an HTML file named .png with a field error naming it, and keeps the rest of the form', async () => {
    const fields = withEmail('kept@example.com');
    const answer = await postWithFiles([['invoice.png', HTML_PAGE, 'image/png']], fields);
    expect(answer.status).toBe(422);
    const html = await answer.text();
    expect(html).toContain('“invoice.png” is not a file we accept');
    expect(html).toContain('kept@example.com');
    expect(html).toContain('The password reset email never arrives in my inbox.');
  });

  it('refuses text whose name says otherwise, a file over ATTACHMENT_MAX_BYTES, and one file too many, naming each', async () => {
    const tooBig = new Uint8Array(MAX_BYTES + 1).fill(0x61);
    const cases: [File[], string][] = [
      [[['notes.png', 'plain words, no picture']], '“notes.png” holds text but its name does not end in .txt or .log'],
      [[['huge.log', tooBig]], '“huge.log” is larger than 98 KB'],
      [
        [
          ['a.png', PNG],
          ['b.png', PNG],
          ['c.png', PNG],
        ],
        'Attach at most 2 files.',
      ],
    ];
    for (const [files, message] of cases) {
      const answer = await postWithFiles(files);
      expect(answer.status).toBe(422);
      expect(await answer.text()).toContain(message);
    }
  });

  it('answers 413 to a body over ATTACHMENT_MAX_FILES × ATTACHMENT_MAX_BYTES + 64 KB', async () => {
    const answer = await postWithFiles([['big.log', new Uint8Array(2 * MAX_BYTES + 70 * 1024).fill(0x61)]]);
    expect(answer.status).toBe(413);
  });

  it('counts the files in the idempotency key’s request: a retry with other files is another request', async () => {
    const fields = validFormFields();
    const first = await postWithFiles([['error.log', 'Error 502 at 10:04\n']], fields);
    expect(first.status).toBe(303);
    const retry = await postWithFiles([['error.log', 'Error 502 at 10:04\n']], fields);
    expect([retry.status, referenceOf(retry)]).toEqual([303, referenceOf(first)]);
    const other = await postWithFiles([['error.log', 'Error 503 at 10:05\n']], fields);
    expect(other.status).toBe(422);
    expect(await other.text()).toContain(`already sent, with other details, as ${referenceOf(first)}`);
  });

  it('goes into the personal-data export, and is gone once the ticket is erased', async () => {
    const email = `export-${crypto.randomUUID()}@example.com`;
    const reference = referenceOf(
      await postWithFiles(
        [
          ['screen.png', PNG, 'image/png'],
          ['steps.txt', 'Clicked Pay, got 502.\n'],
        ],
        withEmail(email),
      ),
    );
    const exported = await postForm(mail.server.url, '/api/staff/admin/personal-data/export', adminCookie, { email });
    expect(exported.status).toBe(200);
    const data = (await exported.json()) as {
      tickets: { reference: string }[];
      attachments: { reference: string; name: string; contentType: string; contentBase64: string }[];
    };
    expect(data.tickets.map((t) => t.reference)).toEqual([reference]);
    expect(
      data.attachments.map(({ reference, name, contentType, contentBase64 }) => [
        reference,
        name,
        contentType,
        Buffer.from(contentBase64, 'base64'),
      ]),
    ).toEqual([
      [reference, 'screen.png', 'image/png', Buffer.from(PNG)],
      [reference, 'steps.txt', 'text/plain; charset=utf-8', Buffer.from('Clicked Pay, got 502.\n')],
    ]);

    const ticket = await (await getAs(mail.server.url, `/staff/tickets/${reference}`, staffCookie)).text();
    const paths = [...ticket.matchAll(/href="(\/staff\/tickets\/[^"]+\/attachments\/[^"]+)"/g)].map((m) => m[1]);
    expect(paths).toHaveLength(2);
    // Erasure and retention both anonymise the ticket.
    const db = openServerDatabase(mail.server.dataDir);
    try {
      await anonymise(db, [reference], { staffId: null, reason: 'retention' });
    } finally {
      await db.destroy();
    }
    for (const path of paths) expect((await getAs(mail.server.url, path, staffCookie)).status).toBe(404);
  });

  it('comes with a message from the request page; a refused one keeps the message typed', async () => {
    const email = `page-${crypto.randomUUID()}@example.com`;
    const reference = referenceOf(await postWithFiles([], withEmail(email)));
    await expect.poll(() => mail.smtp.received.some((e) => e.to.includes(email)), { timeout: 15_000 }).toBe(true);
    const link = requestLinkIn(mail.smtp.received.find((e) => e.to.includes(email))!);
    const postMessage = (message: string, files: File[]) => {
      const form = new FormData();
      for (const [name, value] of Object.entries({ action: 'message', idempotencyKey: crypto.randomUUID(), message }))
        form.append(name, value);
      for (const [name, content] of files) form.append('attachments', new Blob([content]), name);
      return fetch(new URL(link, mail.server.url), {
        method: 'POST',
        headers: { Origin: mail.server.url },
        body: form,
        redirect: 'manual',
      });
    };

    const refused = await postMessage('The receipt is attached.', [['receipt.png', HTML_PAGE]]);
    expect(refused.status).toBe(422);
    const again = await refused.text();
    expect(again).toContain('“receipt.png” is not a file we accept');
    expect(again).toMatch(/<textarea[^>]*name="message"[^>]*>The receipt is attached\.<\/textarea>/);

    expect((await postMessage('The receipt is attached.', [['receipt.pdf', '%PDF-1.4\n1 0 obj\n<<>>\nendobj\n']])).status).toBe(303);
    const page = await (await fetch(new URL(link, mail.server.url))).text();
    expect(page).toContain('receipt.pdf');
    const ticket = await (await getAs(mail.server.url, `/staff/tickets/${reference}`, staffCookie)).text();
    expect(ticket).toContain('receipt.pdf');
  });
});
