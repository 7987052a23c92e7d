// Every form, public and staff, shows its errors the same GOV.UK way: each link in the error summary lands on a
// control of the page, and each error message is announced with its control (aria-describedby).
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { postForm as postContactForm, postJson, validSupportRequest } from '../support/support-requests.ts';
import { postFeedbackForm } from '../support/insights.ts';
import { KNOWN_ARTICLE } from '../support/site.ts';
import { createStaff, postForm, signIn } from '../../harness/staff.ts';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');

let admin: string;
let reference: string;

beforeAll(async () => {
  await createStaff(dataDir, { email: 'form-errors-admin@example.com', name: 'Form Errors Admin', role: 'admin' });
  admin = await signIn(baseUrl, 'form-errors-admin@example.com');
  const response = await postJson(baseUrl, validSupportRequest({ email: 'form-errors@example.com' }));
  ({ reference } = (await response.json()) as { reference: string });
});

/** A page shown again with errors, as its form's post answered it. */
const FORMS: Record<string, () => Promise<Response>> = {
  'the contact form': () => postContactForm(baseUrl, [['topic', 'nonsense']]),
  'the feedback reasons': async () => {
    const vote = await postFeedbackForm(
      baseUrl,
      [
        ['article', KNOWN_ARTICLE.slug],
        ['helpful', 'no'],
      ],
      { 'User-Agent': `form-errors ${crypto.randomUUID()}` },
    );
    const voteId = new URL(vote.headers.get('location')!, baseUrl).searchParams.get('vote')!;
    return postFeedbackForm(baseUrl, [
      ['article', KNOWN_ARTICLE.slug],
      ['vote', voteId],
      ['reasons', 'bogus'],
      ['comment', 'x'.repeat(600)],
    ]);
  },
  'sign-in': () => postForm(baseUrl, '/staff/login', undefined, { email: '', password: '' }),
  'a ticket’s status': () => postForm(baseUrl, `/staff/tickets/${reference}`, admin, { action: 'status', status: 'closed' }),
  'a ticket’s note': () => postForm(baseUrl, `/staff/tickets/${reference}`, admin, { action: 'note', note: ' ' }),
  'adding an account': () => postForm(baseUrl, '/staff/admin/accounts', admin, { email: 'x', name: '', role: 'boss', password: '' }),
  'an announcement': () =>
    postForm(baseUrl, '/staff/announcements', admin, {
      action: 'publish',
      message: '',
      icon: 'party',
      startDate: 'soon',
      endTime: '25:00',
      countries: 'Germany',
      userTypes: 'astronaut',
    }),
  'erasing personal data': () =>
    postForm(baseUrl, '/staff/admin/personal-data', admin, { action: 'erase', email: 'form-errors@example.com' }),
};

describe.each(Object.entries(FORMS))('%s with problems', (_, send) => {
  it('links each problem in the summary to a control on the page, and announces each error with its control', async () => {
    const response = await send();
    expect(response.status).toBe(422);
    const html = await response.text();
    const summary = /<div class="error-summary"[^>]*>([\s\S]*?)<\/div>\s*<\/div>/.exec(html)?.[1] ?? '';
    const links = [...summary.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(0);
    for (const id of links) expect(html, `#${id}`).toMatch(new RegExp(`<(input|textarea|select)[^>]* id="${id}"`));
    const messages = [...html.matchAll(/<p class="error-message" id="([^"]+)"/g)].map((m) => m[1]);
    expect(messages).toHaveLength(links.length);
    for (const id of messages) expect(html, id).toMatch(new RegExp(`aria-describedby="([^"]* )?${id}( [^"]*)?"`));
  });
});
