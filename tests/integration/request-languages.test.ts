// Requests in the reader's language (#19): the ticket records it, its emails and answers are in it, staff see and
// filter by it, and insights tell languages apart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newServerData, openServerDatabase } from '../../harness/server-database.ts';
import { startServer, type ServerProcess } from '../../harness/server-process.ts';
import { seedTickets } from '../../harness/seed-tickets.ts';
import { startSmtpCapture, type CapturedEmail, type SmtpCapture } from '../../harness/smtp-capture.ts';
import { createStaff, getAs, postForm as postStaffForm, signIn } from '../../harness/staff.ts';
import { migrateToLatest } from '../../src/server/db/connection.ts';
import { postEvents, randomWord } from '../support/insights.ts';
import { postForm, postJson, validFormFields, validSupportRequest } from '../support/support-requests.ts';
import { requestLinkIn } from '../support/request-links.ts';
import { migrator as migratorOf } from '../support/ticket-migration.ts';

let smtp: SmtpCapture;
let server: ServerProcess;
let cookie: string;
beforeAll(async () => {
  smtp = await startSmtpCapture();
  server = await startServer({ env: { SMTP_URL: smtp.url } });
  await createStaff(server.dataDir, { email: 'agent@example.com', name: 'Grace Agent', role: 'agent' });
  cookie = await signIn(server.url, 'agent@example.com');
});
afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
});

async function emailsTo(address: string, count = 1): Promise<CapturedEmail[]> {
  await expect.poll(() => smtp.received.filter((e) => e.to.includes(address)).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(count);
  return smtp.received.filter((e) => e.to.includes(address));
}

async function request(overrides: Record<string, unknown>, headers: Record<string, string> = {}) {
  const email = `requester-${crypto.randomUUID()}@example.com`;
  const response = await postJson(server.url, validSupportRequest({ email, ...overrides }), headers);
  expect(response.status).toBe(201);
  const { reference } = (await response.json()) as { reference: string };
  return { reference, email };
}

const staffPage = async (path: string) => (await getAs(server.url, path, cookie)).text();

describe('a request in Spanish', () => {
  it('makes a Spanish ticket, confirmed by email in Spanish with a link to the Spanish page', async () => {
    const { reference, email } = await request({
      name: 'Lucía',
      language: 'es',
      description: 'No puedo entrar en mi cuenta desde ayer.',
    });
    const [confirmation] = await emailsTo(email);
    // The help center's name and hours in Spanish too (src/site.config.ts `translations`).
    expect(confirmation.subject).toBe(`Tu solicitud ${reference} | Centro de ayuda de Loomwork`);
    expect(confirmation.text).toContain('De lunes a viernes, de 08:00 a 20:00 (UTC)');
    expect(confirmation.text).not.toContain('Monday to Friday');
    expect(confirmation.text).toContain('Hola, Lucía:');
    expect(confirmation.text).toContain(`Hemos recibido tu solicitud. Su referencia es ${reference}.`);
    expect(confirmation.html).toContain('<html lang="es">');
    const link = requestLinkIn(confirmation);
    expect(link).toMatch(new RegExp(`^/es/requests/${reference}/\\?key=`));
    // The requester's page speaks the ticket's language.
    const page = await (await fetch(new URL(link, server.url))).text();
    expect(page).toContain(`Solicitud ${reference}`);
    expect(page).toContain('<html lang="es"');
    // Opened at the default language's address, it moves to its own.
    const english = await fetch(new URL(link.replace(/^\/es/, ''), server.url), { redirect: 'manual' });
    expect([english.status, english.headers.get('location')]).toEqual([302, link]);
    // Staff see the language on the ticket.
    expect(await staffPage(`/staff/tickets/${reference}`)).toMatch(/<dt>Language<\/dt>\s*<dd lang="es">Español \(es\)<\/dd>/);
  });

  it('follows Accept-Language when the body names no language, and gets the staff reply in Spanish', async () => {
    const { reference, email } = await request({}, { 'Accept-Language': 'es-MX, en;q=0.5' });
    const [confirmation] = await emailsTo(email);
    // The help center's name and hours in Spanish too (src/site.config.ts `translations`).
    expect(confirmation.subject).toBe(`Tu solicitud ${reference} | Centro de ayuda de Loomwork`);
    expect(confirmation.text).toContain('De lunes a viernes, de 08:00 a 20:00 (UTC)');
    expect(confirmation.text).not.toContain('Monday to Friday');
    const reply = await postStaffForm(server.url, `/staff/tickets/${reference}`, cookie, {
      action: 'reply',
      reply: 'Hemos restablecido tu acceso.',
      replyStatus: 'waiting',
    });
    expect(reply.status).toBe(303);
    const [, answer] = await emailsTo(email, 2);
    expect(answer.subject).toBe(confirmation.subject);
    expect(answer.text).toContain(`Grace Agent respondió a tu solicitud ${reference}:`);
    expect(answer.text).toContain('Hemos restablecido tu acceso.');
    expect(answer.html).toContain('<html lang="es">');

    // A browser that prefers only languages the help center does not have gets the default one.
    const other = await request({}, { 'Accept-Language': 'fr-FR, de;q=0.8' });
    const [english] = await emailsTo(other.email);
    expect(english.subject).toBe(`Your request ${other.reference} | Loomwork Help Center`);
    expect(english.html).toContain('<html lang="en-GB">');
  });
});

describe('the inbox', () => {
  it('filters by language, keeping the filter in its links', async () => {
    const spanish = await request({ language: 'es' });
    const english = await request({ language: 'en' });
    const es = await staffPage('/staff/?language=es');
    expect(es).toContain(spanish.reference);
    expect(es).not.toContain(english.reference);
    expect(es).toMatch(/<option value="es" selected[ >]/);
    expect(es).toContain('href="/staff/?status=new&amp;language=es"');
    const en = await staffPage('/staff/?language=en');
    expect(en).toContain(english.reference);
    expect(en).not.toContain(spanish.reference);
    // "All languages" is the inbox's own address, without the parameter.
    const any = await getAs(server.url, '/staff/?language=&q=example.com', cookie);
    expect([any.status, any.headers.get('location')]).toEqual([303, '/staff/?q=example.com']);
    // Every language, as before, without the filter.
    const all = await staffPage('/staff/');
    expect(all).toContain(spanish.reference);
    expect(all).toContain(english.reference);
  });
});

describe('API errors', () => {
  const missingEmail = validSupportRequest({ email: '', description: '' });

  it('are in Spanish with Accept-Language: es', async () => {
    const response = await postJson(server.url, missingEmail, { 'Accept-Language': 'es' });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      error: 'invalid',
      message: 'Hay campos que corregir.',
      fields: { email: 'Escribe tu dirección de correo', description: 'Describe el problema' },
    });
  });

  it('are in Spanish with "language": "es", whatever Accept-Language says', async () => {
    const response = await postJson(server.url, { ...missingEmail, language: 'es' }, { 'Accept-Language': 'en' });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      message: 'Hay campos que corregir.',
      fields: { email: 'Escribe tu dirección de correo' },
    });
  });

  it('are in Spanish for a body that cannot be read, with Accept-Language: es', async () => {
    const response = await postJson(server.url, '{"name": ', { 'Accept-Language': 'es' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).not.toBe('The body is not valid JSON.');
  });

  it('refuse a language the help center does not have: 400 naming the field', async () => {
    for (const language of ['fr', 'ES', 42]) {
      const response = await postJson(server.url, validSupportRequest({ language }));
      expect(response.status, String(language)).toBe(400);
      const body = (await response.json()) as { error: string; fields: Record<string, string> };
      expect(body.error).toBe('invalid');
      expect(Object.keys(body.fields)).toEqual(['language']);
      expect(body.fields.language).toContain('en, es');
    }
  });
});

describe('the plain contact form', () => {
  it('answers in the language its hidden field names, and sends a Spanish request to the Spanish sent page', async () => {
    const fields = validFormFields().filter(([name]) => name !== 'email');
    const failed = await postForm(server.url, [...fields, ['email', ''], ['language', 'es']]);
    expect(failed.status).toBe(422);
    expect(await failed.text()).toContain('Escribe tu dirección de correo');

    const sent = await postForm(server.url, [...validFormFields(), ['language', 'es']]);
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toMatch(/^\/es\/contact\/sent\/\?ref=HC-/);
  });

  it('says which language it was filled in', async () => {
    const page = await (await fetch(`${server.url}/contact/`)).text();
    expect(page).toMatch(/<input type="hidden" name="language" value="en"\/?>/);
  });

  it('at a Spanish troubleshooter’s escalate step, says Spanish and posts to the Spanish contact page', async () => {
    const path = '/es/troubleshoot/login/escalate-find-email/?path=what-is-wrong:find-email,find-email:not-fixed';
    const response = await fetch(`${server.url}${path}`);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toMatch(/<input type="hidden" name="language" value="es"\/?>/);
    expect(page).toContain('action="/es/contact/"');
  });
});

describe('insights', () => {
  it('report searches per language: events are in their page’s language, and staff filter by it', async () => {
    const spanish = `es${randomWord()}`;
    const english = `en${randomWord()}`;
    const search = (query: string) => ({ type: 'search', query, results: 0 });
    const named = `es${randomWord()}`;
    // As the beacon sends them: no language in the body, the page's address in the Referer.
    expect((await postEvents(server.url, { events: [search(spanish)] }, { Referer: `${server.url}/es/search/?q=x` })).status).toBe(204);
    expect((await postEvents(server.url, { events: [search(english)] }, { Referer: `${server.url}/search/?q=x` })).status).toBe(204);
    // Other clients may name it ("es-MX" is Spanish here), and that wins.
    expect((await postEvents(server.url, { events: [search(named)], language: 'es-MX' }, { Referer: `${server.url}/` })).status).toBe(204);
    const es = await staffPage('/staff/insights?language=es');
    expect(es).toContain(spanish);
    expect(es).toContain(named);
    expect(es).not.toContain(english);
    expect(es).toMatch(/<option value="es" selected[ >]/);
    const all = await staffPage('/staff/insights');
    expect(all).toContain(spanish);
    expect(all).toContain(english);
  });
});

describe('migration 013', () => {
  let data: Awaited<ReturnType<typeof newServerData>>;
  beforeAll(async () => {
    data = await newServerData();
  });
  afterAll(async () => {
    await data?.remove();
  });

  it('keeps every ticket, each in the default language, and can be undone', async () => {
    const db = openServerDatabase(data.dataDir);
    try {
      const migrator = migratorOf(db);
      const before = await migrator.migrateTo('012-email-in');
      expect(before.error).toBeUndefined();
      const seeded = await seedTickets(db, { count: 3, series: 'L' });
      await migrateToLatest(db);
      const rows = await db.selectFrom('tickets').select(['reference', 'language']).orderBy('reference').execute();
      expect(rows).toEqual(
        seeded.map((t) => ({ reference: t.reference, language: 'en' })).sort((a, b) => (a.reference < b.reference ? -1 : 1)),
      );
      const down = await migrator.migrateTo('012-email-in');
      expect(down.error).toBeUndefined();
      expect(await db.selectFrom('tickets').select('reference').execute()).toHaveLength(3);
    } finally {
      await db.destroy();
    }
  });
});
