import { describe, expect, it } from 'vitest';
import { noticeApplies } from '../../src/lib/announcement-window.ts';
import { announcementFileSchema, flattenAudience } from '../../src/lib/announcements.ts';
import { createAnnouncementEndpoint, LOOKAHEAD_MS } from '../../src/server/announcements/announcement-endpoint.ts';
import { renderInlineMarkdown } from '../../src/lib/markdown/html.ts';
import { countryFrom, selectAnnouncements, statusAt, type Candidate } from '../../src/server/announcements/select.ts';

const NOW = Date.parse('2026-03-01T12:00:00.000Z');
const MINUTE = 60_000;
const at = (offsetMinutes: number) => new Date(NOW + offsetMinutes * MINUTE).toISOString();
const notice = (id: string, fields: Partial<Candidate> = {}): Candidate => ({
  id,
  message: `Notice ${id}`,
  icon: 'info',
  countries: 'all',
  userTypes: 'all',
  ...fields,
});
const ids = (list: Candidate[]) => list.map((a) => a.id);
const anyone = { country: undefined, userType: undefined };

describe('announcement selection (clock fixed at 2026-03-01 12:00 UTC)', () => {
  it('keeps notices not yet ended, and those starting within the lookahead', () => {
    const list = [
      notice('open-ended'),
      notice('running', { start: at(-60), end: at(60) }),
      notice('ended', { start: at(-120), end: at(-1) }),
      notice('ends-now', { end: at(0) }),
      notice('starts-in-a-minute', { start: at(1) }),
      notice('starts-tomorrow', { start: at(24 * 60) }),
    ];
    expect(ids(selectAnnouncements(list, anyone, NOW, LOOKAHEAD_MS))).toEqual(['open-ended', 'running', 'starts-in-a-minute']);
  });

  it('shows a reader with an unknown country only the notices for all countries', () => {
    const list = [notice('everywhere'), notice('uk-ireland', { countries: ['GB', 'IE'] }), notice('germany', { countries: ['DE'] })];
    expect(ids(selectAnnouncements(list, anyone, NOW, 0))).toEqual(['everywhere']);
    expect(ids(selectAnnouncements(list, { country: 'IE', userType: undefined }, NOW, 0))).toEqual(['everywhere', 'uk-ireland']);
    expect(ids(selectAnnouncements(list, { country: 'DE', userType: undefined }, NOW, 0))).toEqual(['everywhere', 'germany']);
  });

  it('hides notices for other user types once the reader picked one; shows every one before that', () => {
    const list = [notice('everyone'), notice('freelancers', { userTypes: ['freelancer'] }), notice('clients', { userTypes: ['client'] })];
    expect(ids(selectAnnouncements(list, { country: undefined, userType: 'client' }, NOW, 0))).toEqual(['everyone', 'clients']);
    expect(ids(selectAnnouncements(list, { country: undefined, userType: 'freelancer' }, NOW, 0))).toEqual(['everyone', 'freelancers']);
    expect(ids(selectAnnouncements(list, anyone, NOW, 0))).toEqual(['everyone', 'freelancers', 'clients']);
  });

  it('reads the country from a CDN header, treating unknown and Tor codes as unknown', () => {
    expect(countryFrom(' gb ')).toBe('GB');
    expect(countryFrom('XX')).toBeUndefined();
    expect(countryFrom('T1')).toBeUndefined();
    expect(countryFrom('GBR')).toBeUndefined();
    expect(countryFrom(null)).toBeUndefined();
  });

  it('judges the window the way the browser will, and names it for staff', () => {
    const nobody = { userType: '', dismissed: [] };
    expect(noticeApplies({ key: 'a', start: at(1) }, NOW, nobody)).toBe(false);
    expect(noticeApplies({ key: 'a', start: at(1) }, NOW + MINUTE, nobody)).toBe(true);
    expect(noticeApplies({ key: 'a', end: at(1) }, NOW + MINUTE, nobody)).toBe(false);
    expect(noticeApplies({ key: 'a' }, NOW, nobody)).toBe(true);
    expect([statusAt({ start: at(5) }, NOW), statusAt({ start: at(-5) }, NOW), statusAt({ end: at(-5) }, NOW)]).toEqual([
      'Scheduled',
      'Active',
      'Ended',
    ]);
  });
});

describe('a notice in the browser (noticeApplies, also run before the page is drawn)', () => {
  const freelancers = { key: 'payouts:abc', userTypes: ['freelancer'] };
  it('hides a notice the reader dismissed, until its message changes (a new key)', () => {
    expect(noticeApplies({ key: 'payouts:abc' }, NOW, { userType: '', dismissed: ['payouts:abc'] })).toBe(false);
    expect(noticeApplies({ key: 'payouts:xyz' }, NOW, { userType: '', dismissed: ['payouts:abc'] })).toBe(true);
  });
  it('shows a notice for one user type to that type and to readers who picked none, not to others', () => {
    expect(noticeApplies(freelancers, NOW, { userType: 'freelancer', dismissed: [] })).toBe(true);
    expect(noticeApplies(freelancers, NOW, { userType: '', dismissed: [] })).toBe(true);
    expect(noticeApplies(freelancers, NOW, { userType: 'client', dismissed: [] })).toBe(false);
  });
});

describe('announcement files', () => {
  it('accept the reference’s shape: icon, start/end, audience by countries and user types', () => {
    const parsed = announcementFileSchema.parse({
      id: 'payments-maintenance',
      message: 'Payouts pause on **Sunday**.',
      icon: 'warning',
      start: new Date('2026-03-01T09:00:00Z'), // YAML reads unquoted date-times as dates
      end: '2026-03-01T11:00:00+01:00',
      audience: { countries: ['GB'], userTypes: ['freelancer'] },
    });
    expect(flattenAudience(parsed)).toEqual({
      message: 'Payouts pause on **Sunday**.',
      icon: 'warning',
      start: '2026-03-01T09:00:00.000Z',
      end: '2026-03-01T10:00:00.000Z',
      countries: ['GB'],
      userTypes: ['freelancer'],
    });
    expect(flattenAudience(announcementFileSchema.parse({ id: 'minimal', message: 'Hello' }))).toMatchObject({
      icon: 'info',
      countries: 'all',
      userTypes: 'all',
    });
  });

  it('reject what would never show as meant', () => {
    const problems = (data: object) =>
      announcementFileSchema
        .safeParse({ id: 'x', message: 'Hello', ...data })
        .error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(problems({ audience: { countries: ['gb'] } })).toEqual(expect.arrayContaining([expect.stringMatching(/^audience\.countries/)]));
    expect(problems({ audience: { userTypes: ['astronaut'] } })).toEqual(
      expect.arrayContaining([expect.stringMatching(/^audience\.userTypes/)]),
    );
    expect(problems({ start: '2026-03-02T00:00:00Z', end: '2026-03-01T00:00:00Z' })).toEqual(['end: end must be after start']);
    expect(problems({ start: 'next Tuesday' })).toEqual([expect.stringMatching(/^start: use an ISO 8601 date-time/)]);
    expect(problems({ icon: 'party' })).toEqual([expect.stringMatching(/^icon:/)]);
    expect(problems({ message: 'x'.repeat(301) })).toEqual(['message: keep the message to 300 characters or fewer']);
  });
});

describe('announcement messages', () => {
  it('render inline Markdown to HTML', () => {
    expect(renderInlineMarkdown('Payouts pause on **Sunday**, see [fees](/articles/loomwork-fees/) or `status`.')).toBe(
      'Payouts pause on <strong>Sunday</strong>, see <a href="/articles/loomwork-fees/">fees</a> or <code>status</code>.',
    );
  });

  it('never carry markup or script through', () => {
    expect(renderInlineMarkdown('<img src=x onerror=alert(1)> <b>hi</b>')).toBe('&lt;img src=x onerror=alert(1)&gt; &lt;b&gt;hi&lt;/b&gt;');
    expect(renderInlineMarkdown('[click](javascript:alert(1)) [data](data:text/html,x) [web](https://example.com/?a="b")')).toBe(
      'click data <a href="https://example.com/?a=%22b%22">web</a>',
    );
    expect(renderInlineMarkdown('![logo](/favicon.svg)')).toBe('logo');
  });
});

describe('GET /api/announcements', () => {
  const files = async () => [notice('from-file', { message: 'A **file** notice' }), notice('for-clients', { userTypes: ['client'] })];
  const urgent = async () => [notice('urgent', { icon: 'warning', countries: ['GB'], start: at(1) })];
  const request = (query = '', headers: Record<string, string> = {}) =>
    new Request(`http://help.test/api/announcements${query}`, { headers });
  const endpoint = (countryHeader?: string, urgentSource = urgent) =>
    createAnnouncementEndpoint({ settings: { countryHeader }, files, urgent: urgentSource, now: () => NOW });
  const body = async (response: Response) =>
    ((await response.json()) as { announcements: { key: string; icon: string; for?: string }[] }).announcements;

  it('answers the notices for this reader, staff ones first, cacheable for a minute and varying on the country header', async () => {
    const response = await endpoint('cf-ipcountry')(request('?userType=client', { 'CF-IPCountry': 'GB' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    expect(response.headers.get('vary')).toBe('cf-ipcountry');
    expect(await body(response)).toEqual([
      { key: expect.stringMatching(/^urgent:/), html: 'Notice urgent', icon: 'warning', start: at(1) },
      { key: expect.stringMatching(/^from-file:/), html: 'A <strong>file</strong> notice', icon: 'info' },
      { key: expect.stringMatching(/^for-clients:/), html: 'Notice for-clients', icon: 'info', userTypes: ['client'], for: 'Clients' },
    ]);
  });

  it('without a country header setting, sees every reader as from an unknown country', async () => {
    const response = await endpoint()(request('?userType=freelancer', { 'CF-IPCountry': 'GB' }));
    expect(response.headers.get('vary')).toBeNull();
    expect((await body(response)).map((a) => a.key.split(':')[0])).toEqual(['from-file']);
  });

  it('ignores a user type it does not know, and changes a notice’s key when its message changes', async () => {
    const unknownType = await body(await endpoint()(request('?userType=astronaut')));
    expect(unknownType.map((a) => a.key.split(':')[0])).toEqual(['from-file', 'for-clients']);
    const edited = createAnnouncementEndpoint({
      settings: { countryHeader: undefined },
      files: async () => [notice('from-file', { message: 'A **file** notice, corrected' })],
      urgent: async () => [],
      now: () => NOW,
    });
    expect((await body(await edited(request())))[0].key).not.toBe(unknownType[0].key);
  });

  it('still serves the file notices, for a shorter time, when the database is down', async () => {
    const response = await endpoint('cf-ipcountry', () => Promise.reject(new Error('database is locked')))(request());
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=10');
    expect((await body(response)).map((a) => a.key.split(':')[0])).toEqual(['from-file', 'for-clients']);
  });
});
