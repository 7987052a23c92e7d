// /staff/queue: what editors should do next, from what readers did, and marks that take an item off it.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createStaff, getAs, postForm, signIn } from '../../harness/staff.ts';
import { noMatchQuery, postEvents } from '../support/insights.ts';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
let cookie: string;

/** The queue page's text. */
async function queueText(): Promise<string> {
  const response = await getAs(baseUrl, '/staff/queue', cookie);
  expect(response.status).toBe(200);
  return (await response.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

/** Readers searching `query` `times` times and finding nothing. */
async function searchedInVain(query: string, times: number): Promise<void> {
  const events = Array.from({ length: times }, () => ({ type: 'search', query, results: 0 }));
  expect((await postEvents(baseUrl, { events })).status).toBe(204);
}

beforeAll(async () => {
  await createStaff(dataDir, { email: 'queue-editor@example.com', name: 'Quinn Queue', role: 'agent' });
  cookie = await signIn(baseUrl, 'queue-editor@example.com');
});

describe('the editors’ work queue', () => {
  it('lists a search that keeps finding nothing, ranked by how often, with the place to write', async () => {
    const [often, twice] = [noMatchQuery(), noMatchQuery()];
    await searchedInVain(often, 4);
    await searchedInVain(twice, 2);
    const text = await queueText();
    expect(text).toContain(`“${often}” 4 searches found nothing: write an article, or add a synonym File: content/articles/`);
    expect(text.indexOf(`“${often}”`)).toBeLessThan(text.indexOf(`“${twice}”`));
  });

  it('takes an item off when marked done, and another when snoozed, saying so', async () => {
    const [done, snoozed] = [noMatchQuery(), noMatchQuery()];
    await searchedInVain(done, 3);
    await searchedInVain(snoozed, 3);
    expect(await queueText()).toContain(`“${done}”`);

    const marked = await postForm(baseUrl, '/staff/queue', cookie, { action: 'done', key: `search-no-results:${done}` });
    expect([marked.status, marked.headers.get('location')]).toEqual([303, '/staff/queue?done=done']);
    const snooze = await postForm(baseUrl, '/staff/queue', cookie, { action: 'snooze', key: `search-no-results:${snoozed}` });
    expect([snooze.status, snooze.headers.get('location')]).toEqual([303, '/staff/queue?done=snoozed']);

    const text = await queueText();
    expect(text).not.toContain(`“${done}”`);
    expect(text).not.toContain(`“${snoozed}”`);
    expect(text).toMatch(/\d+ marked done or snoozed are not shown/);
    const after = await getAs(baseUrl, '/staff/queue?done=done', cookie);
    expect(await after.text()).toContain('Marked done. It comes back only if the figures still call for it in 30 days.');
  });

  it('answers a mark without an item with 422 naming the field', async () => {
    const response = await postForm(baseUrl, '/staff/queue', cookie, { action: 'done', key: '' });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Choose an item.');
  });

  it('is for signed-in staff only', async () => {
    const response = await getAs(baseUrl, '/staff/queue');
    expect(response.status).toBe(303);
  });
});
