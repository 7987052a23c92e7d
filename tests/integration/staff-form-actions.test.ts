// Every staff page that changes something does only what its own forms ask for: a post with a missing or unknown
// action, or a body that is not a readable form, answers 400 with a message and leaves the data as it was.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { setDisabled } from '../../src/server/staff/accounts.ts';
import { postJson, validSupportRequest } from '../support/support-requests.ts';
import { openServerDatabase } from '../../harness/server-database.ts';
import { createStaff, getAs, signIn } from '../../harness/staff.ts';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');

/** Over the 64 KB the server reads of a body. */
const OVERSIZED_PADDING = 'a'.repeat(70_000);

type Fields = Record<string, string>;
interface Body {
  name: string;
  /** What the page receives, built from fields one of its forms would send. */
  make(fields: Fields): { body: BodyInit; type?: string };
  /** What the answer tells the person was wrong. */
  explains: RegExp;
}

const urlencoded = (fields: Fields) => ({ body: new URLSearchParams(fields).toString(), type: 'application/x-www-form-urlencoded' });
const without = (fields: Fields, name: string) => Object.fromEntries(Object.entries(fields).filter(([key]) => key !== name));

/** Bodies that are not a readable form: refused by every staff page that takes a post. */
const UNREADABLE: Body[] = [
  {
    name: 'a JSON body',
    make: (fields) => ({ body: JSON.stringify(fields), type: 'application/json' }),
    explains: /takes its own form’s fields \(application\/x-www-form-urlencoded\), not JSON or a file upload/,
  },
  {
    name: 'a multipart body',
    make: (fields) => {
      const form = new FormData();
      for (const [key, value] of Object.entries(fields)) form.append(key, value);
      return { body: form }; // fetch sets multipart/form-data with its boundary
    },
    explains: /not JSON or a file upload/,
  },
  {
    name: 'an oversized form',
    make: (fields) => urlencoded({ ...fields, padding: OVERSIZED_PADDING }),
    explains: /The form was larger than 64 KB/,
  },
];

/** Forms whose action is missing or not one the page offers. */
const BAD_ACTIONS: Body[] = [
  { name: 'an empty form', make: () => urlencoded({}), explains: /The form did not say what to do/ },
  { name: 'no action', make: (fields) => urlencoded(without(fields, 'action')), explains: /The form did not say what to do/ },
  {
    name: 'action=bogus',
    make: (fields) => urlencoded({ ...fields, action: 'bogus' }),
    explains: /“bogus” is not something this page does/,
  },
  {
    name: 'the action in capitals',
    make: (fields) => urlencoded({ ...fields, action: fields.action.toUpperCase() }),
    explains: /“[A-Z]+” is not something this page does/,
  },
];

function post(path: string, cookie: string | undefined, { body, type }: { body: BodyInit; type?: string }): Promise<Response> {
  return fetch(new URL(path, baseUrl), {
    method: 'POST',
    headers: { Origin: baseUrl, ...(type ? { 'Content-Type': type } : {}), ...(cookie ? { Cookie: cookie } : {}) },
    body,
    redirect: 'manual',
  });
}

/** What a person reads in the answer: a page's text, a JSON message, or plain text. */
async function readable(response: Response): Promise<string> {
  const type = response.headers.get('content-type') ?? '';
  const text = await response.text();
  if (type.startsWith('application/json')) return (JSON.parse(text) as { message: string }).message;
  return type.startsWith('text/html')
    ? (/<main[^>]*>([\s\S]*)<\/main>/.exec(text)?.[1] ?? text).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
    : text;
}

/** Every row a staff post could change, in a stable order. */
async function everything(): Promise<Record<string, string[]>> {
  const db = openServerDatabase(dataDir);
  try {
    const tables = [
      'staff',
      'staff_sessions',
      'sign_in_attempts',
      'staff_devices',
      'audit_events',
      'tickets',
      'ticket_notes',
      'urgent_announcements',
      'announcement_changes',
      'queue_marks',
    ] as const;
    const rows: Record<string, string[]> = {};
    for (const table of tables) rows[table] = (await db.selectFrom(table).selectAll().execute()).map((row) => JSON.stringify(row)).sort();
    return rows;
  } finally {
    await db.destroy();
  }
}

let admin: string;
let disabledId: string;
let reference: string;

beforeAll(async () => {
  await createStaff(dataDir, { email: 'actions-admin@example.com', name: 'Actions Admin', role: 'admin' });
  await createStaff(dataDir, { email: 'actions-agent@example.com', name: 'Actions Agent', role: 'agent' });
  const disabled = await createStaff(dataDir, { email: 'stays-disabled@example.com', name: 'Stays Disabled', role: 'agent' });
  disabledId = disabled.id;
  const db = openServerDatabase(dataDir);
  try {
    const result = await setDisabled(db, disabledId, true, null);
    if (!result.ok) throw new Error(result.message);
  } finally {
    await db.destroy();
  }
  admin = await signIn(baseUrl, 'actions-admin@example.com');
  const response = await postJson(baseUrl, validSupportRequest({ email: 'erase-me@example.com' }));
  ({ reference } = (await response.json()) as { reference: string });
});

interface Page {
  path: () => string;
  /** The fields of a real change the page makes (the one a wrong body must not make). */
  fields: () => Fields;
  /** The session to post with; a fresh one where the post could end it. */
  session: () => Promise<string | undefined>;
}

const PAGES_WITH_ACTIONS: Record<string, Page> = {
  'an account page (enable a disabled account)': {
    path: () => `/staff/admin/accounts/${disabledId}`,
    fields: () => ({ action: 'enable' }),
    session: async () => admin,
  },
  'a ticket page (mark it spam)': {
    path: () => `/staff/tickets/${reference}`,
    fields: () => ({ action: 'status', status: 'spam' }),
    session: async () => admin,
  },
  'the announcements page (publish)': {
    path: () => '/staff/announcements',
    fields: () => ({ action: 'publish', message: 'Payouts are delayed.', icon: 'warning', startDate: '', endDate: '', countries: '' }),
    session: async () => admin,
  },
  'the work queue (mark an item done)': {
    path: () => '/staff/queue',
    fields: () => ({ action: 'done', key: 'search-no-results:anything' }),
    session: async () => admin,
  },
  'the personal data page (erase)': {
    path: () => '/staff/admin/personal-data',
    fields: () => ({ action: 'erase', email: 'erase-me@example.com', confirm: 'yes' }),
    session: async () => admin,
  },
  'sign-out (everywhere)': {
    path: () => '/staff/logout',
    fields: () => ({ action: 'everywhere' }),
    session: () => signIn(baseUrl, 'actions-agent@example.com'),
  },
};

describe.each(Object.entries(PAGES_WITH_ACTIONS))('%s', (_, page) => {
  it.each([...BAD_ACTIONS, ...UNREADABLE])('answers $name with 400, says so, and changes nothing', async (body) => {
    const cookie = await page.session();
    const before = await everything();
    const response = await post(page.path(), cookie, body.make(page.fields()));
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    const text = await readable(response);
    expect(text).toMatch(body.explains);
    expect(text).toMatch(/Nothing was changed\. Reload the page and use its form again\./);
    expect(await everything()).toEqual(before);
    expect((await getAs(baseUrl, '/staff/', cookie)).status, 'the session still works').toBe(200);
  });
});

describe('the disabled account', () => {
  it('stays disabled, with no "staff-enabled" in the audit', async () => {
    const db = openServerDatabase(dataDir);
    try {
      const row = await db.selectFrom('staff').select('disabled_at').where('id', '=', disabledId).executeTakeFirstOrThrow();
      expect(row.disabled_at).not.toBeNull();
      const enabled = await db.selectFrom('audit_events').select('detail').where('action', '=', 'staff-enabled').execute();
      expect(enabled.filter((e) => e.detail.includes(disabledId))).toEqual([]);
    } finally {
      await db.destroy();
    }
  });

  it('is enabled by its own form, and the page names the message for an unknown action', async () => {
    const bogus = await post(`/staff/admin/accounts/${disabledId}`, admin, urlencoded({ action: 'DISABLE' }));
    expect(await readable(bogus)).toContain('“DISABLE” is not something this page does. Nothing was changed.');
    const enabled = await post(`/staff/admin/accounts/${disabledId}`, admin, urlencoded({ action: 'enable' }));
    expect(enabled.status).toBe(303);
    expect(enabled.headers.get('location')).toBe(`/staff/admin/accounts/${disabledId}?done=enabled`);
  });
});

// Pages with one job and no action field: a body that is not their form is refused; an empty one names its fields.
const SINGLE_PURPOSE: Record<string, Page & { emptyForm: [number, RegExp] }> = {
  'sign-in': {
    path: () => '/staff/login',
    fields: () => ({ email: 'actions-agent@example.com', password: 'correct horse battery staple' }),
    session: async () => undefined,
    emptyForm: [422, /Enter your email address/],
  },
  'adding an account': {
    path: () => '/staff/admin/accounts',
    fields: () => ({ email: 'smuggled@example.com', name: 'Smuggled', role: 'admin', password: 'a long enough password here' }),
    session: async () => admin,
    emptyForm: [422, /Enter an email address/],
  },
  'the personal data export': {
    path: () => '/api/staff/admin/personal-data/export',
    fields: () => ({ email: 'erase-me@example.com' }),
    session: async () => admin,
    emptyForm: [422, /Send the requester’s email address/],
  },
};

describe.each(Object.entries(SINGLE_PURPOSE))('%s', (_, page) => {
  it.each(UNREADABLE)('answers $name with 400, says so, and changes nothing', async (body) => {
    const cookie = await page.session();
    const before = await everything();
    const response = await post(page.path(), cookie, body.make(page.fields()));
    expect(response.status).toBe(400);
    expect(response.headers.getSetCookie()).toEqual([]);
    const text = await readable(response);
    expect(text).toMatch(body.explains);
    expect(text).toMatch(/Nothing was changed\. Reload the page and use its form again\./);
    expect(await everything()).toEqual(before);
  });

  it('answers an empty form by naming what is missing', async () => {
    const before = await everything();
    const response = await post(page.path(), await page.session(), urlencoded({}));
    expect(response.status).toBe(page.emptyForm[0]);
    expect(await readable(response)).toMatch(page.emptyForm[1]);
    expect(await everything()).toEqual(before);
  });
});
