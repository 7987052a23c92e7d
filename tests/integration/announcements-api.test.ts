import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { publishTestAnnouncement } from '../support/announcements.ts';
import { startServer, type ServerProcess } from '../../harness/server-process.ts';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');

interface Notice {
  key: string;
  html: string;
  icon: string;
  start?: string;
  end?: string;
  for?: string;
}
const notices = async (response: Response) => ((await response.json()) as { announcements: Notice[] }).announcements;
const messages = async (response: Response) => (await notices(response)).map((n) => n.html);

describe('GET /api/announcements', () => {
  it('serves the file notices on demand, cacheable for at most a minute, with no cookie', async () => {
    const response = await fetch(`${baseUrl}/api/announcements`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect((await notices(response)).find((n) => n.key.startsWith('demo-help-center:'))).toMatchObject({ icon: 'info' });
  });

  it('adds a staff-published notice at once (no rebuild), with its schedule for the browser to judge, and drops it once ended', async () => {
    const message = `Sign-in is slow ${crypto.randomUUID()}`;
    const start = new Date(Date.now() + 60_000).toISOString();
    const end = await publishTestAnnouncement(dataDir, { message, icon: 'warning', start, userTypes: ['freelancer'] });
    const shown = (await notices(await fetch(`${baseUrl}/api/announcements?userType=freelancer`))).find((n) => n.html === message);
    expect(shown).toMatchObject({ icon: 'warning', start, for: 'Freelancers' });
    expect(await messages(await fetch(`${baseUrl}/api/announcements?userType=client`))).not.toContain(message);
    await end();
    expect(await messages(await fetch(`${baseUrl}/api/announcements?userType=freelancer`))).not.toContain(message);
  });

  it('answers other methods with 405', async () => {
    const response = await fetch(`${baseUrl}/api/announcements`, { method: 'POST', headers: { Origin: baseUrl } });
    expect([response.status, response.headers.get('allow')]).toEqual([405, 'GET']);
  });
});

describe('GET /api/announcements with COUNTRY_HEADER=CF-IPCountry', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({ env: { COUNTRY_HEADER: 'CF-IPCountry' } });
  });
  afterAll(() => server.stop());

  it('shows country notices only to readers from those countries, and varies on the header', async () => {
    const message = `Bank holiday in Ireland ${crypto.randomUUID()}`;
    await publishTestAnnouncement(server.dataDir, { message, countries: ['IE'] });
    const fromIreland = await fetch(`${server.url}/api/announcements`, { headers: { 'CF-IPCountry': 'IE' } });
    expect(fromIreland.headers.get('vary')?.split(/, */)).toContain('cf-ipcountry');
    expect(await messages(fromIreland)).toContain(message);
    expect(await messages(await fetch(`${server.url}/api/announcements`, { headers: { 'CF-IPCountry': 'DE' } }))).not.toContain(message);
    // Unknown: no header, or the CDN's own code for unknown.
    expect(await messages(await fetch(`${server.url}/api/announcements`))).not.toContain(message);
    expect(await messages(await fetch(`${server.url}/api/announcements`, { headers: { 'CF-IPCountry': 'XX' } }))).not.toContain(message);
  });
});

describe('staff pages without a signed-in staff member', () => {
  it('send the reader to sign in, downloads included, and refuse posts', async () => {
    for (const path of ['/staff/insights', '/staff/announcements']) {
      const response = await fetch(`${baseUrl}${path}`, { redirect: 'manual' });
      expect([302, 303], path).toContain(response.status);
      expect(new URL(response.headers.get('location')!, baseUrl).pathname, path).toBe('/staff/login');
    }
    const csv = await fetch(`${baseUrl}/staff/insights/no-results.csv`, { redirect: 'manual' });
    expect(csv.status).toBe(303);
    expect(new URL(csv.headers.get('location')!, baseUrl).pathname).toBe('/staff/login');
    expect(await csv.text()).toBe('');
    const post = await fetch(`${baseUrl}/staff/announcements`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: baseUrl },
      body: 'action=publish&message=Hacked&icon=warning',
      redirect: 'manual',
    });
    expect([401, 302, 303]).toContain(post.status);
    expect(await messages(await fetch(`${baseUrl}/api/announcements`))).not.toContain('Hacked');
  });
});
