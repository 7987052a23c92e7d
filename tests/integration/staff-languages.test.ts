// Languages (#19) in what staff publish and read: announcements from the console in each language, article votes
// recorded with their page's language, and insights (page and CSV downloads) filtered by it. A server of its own, so
// the counts are this file's alone; on SQLite and, in the PostgreSQL projects, on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newServerData, openServerDatabase } from '../../harness/server-database.ts';
import { startServer, type ServerProcess } from '../../harness/server-process.ts';
import { createStaff, errorSummary, getAs, postForm as postStaffForm, signIn } from '../../harness/staff.ts';
import { migrateToLatest } from '../../src/server/db/connection.ts';
import { recordVote } from '../../src/server/db/feedback.ts';
import { postEvents, postFeedback, postFeedbackForm, randomWord, storedInsights } from '../support/insights.ts';
import { migrator as migratorOf } from '../support/ticket-migration.ts';

let server: ServerProcess;
let cookie: string;
beforeAll(async () => {
  server = await startServer();
  await createStaff(server.dataDir, { email: 'languages-agent@example.com', name: 'Lena Languages', role: 'agent' });
  cookie = await signIn(server.url, 'languages-agent@example.com');
});
afterAll(() => server?.stop());

const staffPage = async (path: string) => (await getAs(server.url, path, cookie)).text();
/** The staff-published notices a reader of `lang` gets, as their messages' HTML. */
const noticesIn = async (lang: string) =>
  ((await (await fetch(`${server.url}/api/announcements?lang=${lang}`)).json()) as { announcements: { html: string }[] }).announcements.map(
    (a) => a.html,
  );
/** Each reader votes as their own: the repeat check keys on network and browser. */
const reader = () => ({ 'User-Agent': `languages-test ${crypto.randomUUID()}` });

describe('an announcement published from the staff console', () => {
  it('carries a Spanish message that Spanish readers get; left empty, they get the default one', async () => {
    const english = `Payouts are delayed ${randomWord()}`;
    const spanish = `Los pagos llegan con retraso ${randomWord()}`;
    const page = await staffPage('/staff/announcements');
    expect(page).toMatch(/<label for="announcement-message-es">Message in Spanish \(optional\)<\/label>/);

    const published = await postStaffForm(server.url, '/staff/announcements', cookie, {
      action: 'publish',
      message: english,
      'message-es': spanish,
      icon: 'warning',
    });
    expect([published.status, published.headers.get('location')]).toEqual([303, '/staff/announcements?done=published']);
    expect(await noticesIn('es')).toContain(spanish);
    expect(await noticesIn('es')).not.toContain(english);
    expect(await noticesIn('en')).toContain(english);

    // The list shows it under the message; editing shows it again; emptied, Spanish readers get the English one.
    const list = await staffPage('/staff/announcements');
    expect(list).toMatch(new RegExp(`Spanish: <span lang="es"[^>]*>${spanish}</span>`));
    const id = /href="\/staff\/announcements\?edit=([^"]+)"/.exec(list)![1];
    expect(await staffPage(`/staff/announcements?edit=${id}`)).toContain(`>${spanish}</textarea>`);
    const edited = await postStaffForm(server.url, '/staff/announcements', cookie, {
      action: 'edit',
      id,
      message: english,
      'message-es': '',
      icon: 'warning',
    });
    expect(edited.status).toBe(303);
    expect(await noticesIn('es')).toContain(english);
    expect(await noticesIn('es')).not.toContain(spanish);
    await postStaffForm(server.url, '/staff/announcements', cookie, { action: 'end', id });
  });

  it('refuses a Spanish message that is too long with a 422 naming that box', async () => {
    const message = `Too long in Spanish ${randomWord()}`;
    const refused = await postStaffForm(server.url, '/staff/announcements', cookie, {
      action: 'publish',
      message,
      'message-es': 'x'.repeat(301),
      icon: 'info',
    });
    expect(refused.status).toBe(422);
    expect(await errorSummary(refused)).toContain('Message in Spanish must be 300 characters or fewer');
    expect(await noticesIn('en')).not.toContain(message);
  });
});

describe('article votes', () => {
  it('record the language of the page they were cast on, which the plain form also goes on in', async () => {
    const spanishPage = { Referer: `${server.url}/es/articles/forgot-password/` };
    const json = await postFeedback(server.url, { article: 'forgot-password', helpful: true }, { ...reader(), ...spanishPage });
    expect(json.status).toBe(201);
    const { vote } = (await json.json()) as { vote: string };
    const english = await postFeedback(server.url, { article: 'forgot-password', helpful: true }, reader());
    const { vote: englishVote } = (await english.json()) as { vote: string };

    const form = await postFeedbackForm(
      server.url,
      [
        ['article', 'forgot-password'],
        ['helpful', 'no'],
        ['language', 'es'],
      ],
      reader(),
    );
    expect(form.status).toBe(303);
    const location = form.headers.get('location')!;
    expect(location).toMatch(/^\/es\/feedback\/thanks\/\?article=forgot-password&vote=/);
    const formVote = new URL(location, server.url).searchParams.get('vote');

    const votes = new Map((await storedInsights(server.dataDir)).votes.map((v) => [v.id, v.language]));
    expect([votes.get(vote), votes.get(englishVote), votes.get(formVote!)]).toEqual(['es', 'en', 'es']);
  });

  it('refuse a language the help center does not have: 400 naming the field', async () => {
    const response = await postFeedback(server.url, { article: 'forgot-password', helpful: true, language: 'xx' }, reader());
    expect(response.status).toBe(400);
    expect(((await response.json()) as { fields: Record<string, string> }).fields).toHaveProperty('language');
  });
});

describe('insights filtered by language', () => {
  beforeAll(async () => {
    // Spanish readers find "change-account-email" helpful; English ones vote only on "account-locked".
    const db = openServerDatabase(server.dataDir);
    try {
      const vote = (article: string, language: string) =>
        recordVote(db, { article, answer: 'yes', language, claimKey: crypto.randomUUID(), createdAt: new Date() });
      await vote('change-account-email', 'es');
      await vote('account-locked', 'en');
    } finally {
      await db.destroy();
    }
  });

  it('show article feedback of that language only', async () => {
    const es = await staffPage('/staff/insights?language=es');
    expect(es).toContain('Change the email address on your account');
    expect(es).not.toContain('My account is locked');
    const all = await staffPage('/staff/insights');
    expect(all).toContain('My account is locked');
  });

  it('offer CSV downloads with the same filter, holding the same rows', async () => {
    const spanish = `es${randomWord()}`;
    const english = `en${randomWord()}`;
    const search = (query: string) => ({ events: [{ type: 'search', query, results: 0 }] });
    expect((await postEvents(server.url, search(spanish), { Referer: `${server.url}/es/search/` })).status).toBe(204);
    expect((await postEvents(server.url, search(english), { Referer: `${server.url}/search/` })).status).toBe(204);

    const page = await staffPage('/staff/insights?days=30&language=es');
    const link = /href="(\/staff\/insights\/no-results\.csv\?[^"]*)"/.exec(page)![1].replaceAll('&amp;', '&');
    expect(new URL(link, server.url).searchParams.get('language')).toBe('es');
    const csv = await getAs(server.url, link, cookie);
    expect(csv.headers.get('content-disposition')).toMatch(/filename="signpost-no-results-30d-es-\d{4}-\d{2}-\d{2}\.csv"/);
    const rows = await csv.text();
    expect(rows).toContain(spanish);
    expect(rows).not.toContain(english);

    const articles = await (await getAs(server.url, '/staff/insights/articles.csv?days=30&language=es', cookie)).text();
    expect(articles).toContain('Change the email address on your account');
    expect(articles).not.toContain('My account is locked');
    // Without the filter, every language's rows.
    expect(await (await getAs(server.url, '/staff/insights/no-results.csv?days=30', cookie)).text()).toContain(english);
  });
});

describe('migration 014', () => {
  let data: Awaited<ReturnType<typeof newServerData>>;
  beforeAll(async () => {
    data = await newServerData();
  });
  afterAll(async () => {
    await data?.remove();
  });

  it('keeps every vote, each in the default language, and can be undone', async () => {
    const db = openServerDatabase(data.dataDir);
    try {
      const migrator = migratorOf(db);
      expect((await migrator.migrateTo('013-ticket-language')).error).toBeUndefined();
      const at = new Date().toISOString();
      await db
        .insertInto('feedback_votes')
        .values(
          ['a', 'b'].map((n) => ({
            id: crypto.randomUUID(),
            article: `article-${n}`,
            answer: 'yes' as const,
            reasons: null,
            comment: null,
            created_at: at,
            detailed_at: null,
          })),
        )
        .execute();
      await migrateToLatest(db);
      const rows = await db.selectFrom('feedback_votes').select(['article', 'language']).orderBy('article').execute();
      expect(rows).toEqual([
        { article: 'article-a', language: 'en' },
        { article: 'article-b', language: 'en' },
      ]);
      expect((await migrator.migrateTo('013-ticket-language')).error).toBeUndefined();
      expect(await db.selectFrom('feedback_votes').select('article').execute()).toHaveLength(2);
    } finally {
      await db.destroy();
    }
  });
});
