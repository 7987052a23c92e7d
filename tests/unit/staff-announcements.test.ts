import { describe, expect, it } from 'vitest';
import {
  currentUrgentAnnouncements,
  findUrgentAnnouncement,
  listUrgentAnnouncements,
  recentAnnouncementChanges,
} from '../../src/server/db/announcements.ts';
import type { Editor } from '../../src/server/db/announcements.ts';
import type { AnnouncementFields } from '../../src/lib/announcements.ts';
import { announcementsForm } from '../../src/server/announcements/staff-actions.ts';
import { createAnnouncementEndpoint } from '../../src/server/announcements/announcement-endpoint.ts';
import {
  announcementFormSchema,
  announcementOf,
  emptyAnnouncementForm,
  formValuesOf,
  type AnnouncementFormValues,
} from '../../src/server/announcements/staff-form.ts';
import { handleFormPost, validate } from '../../src/server/staff/form-post.ts';
import { useTestDatabase } from '../support/test-database.ts';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const ada = { id: 'staff-1', email: 'ada@loomwork.example' };
const grace = { id: 'staff-2', email: 'grace@loomwork.example' };
const form = (fields: [string, string][]) => new URLSearchParams(fields);
/** A form post to the page, carried out as the page does; the answer's status and address (or the problem shown). */
async function post(fields: URLSearchParams, editor: Editor, now: Date) {
  const url = new URL('http://help.example/staff/announcements');
  const request = new Request(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: fields });
  const answer = await handleFormPost({ request, url }, announcementsForm(db(), editor, now));
  return answer instanceof Response ? { status: answer.status, location: answer.headers.get('location') } : answer?.problem;
}
const parseForm = (values: AnnouncementFormValues) => {
  const checked = validate(announcementFormSchema(NOW), { ...values });
  return checked.ok ? { ok: true as const, fields: announcementOf(checked.fields) } : checked;
};
const publish = (extra: [string, string][] = []) =>
  form([
    ['action', 'publish'],
    ['message', 'Payouts are **delayed** today.'],
    ['icon', 'warning'],
    ['startDate', ''],
    ['startTime', ''],
    ['endDate', '2026-03-01'],
    ['endTime', '18:00'],
    ['countries', 'gb, IE'],
    ['userTypes', 'freelancer'],
    ...extra,
  ]);

const db = useTestDatabase();

describe('staff announcements', () => {
  let id: string;

  it('publishes: 303 back to the list, stored with its audience, and the change recorded with who and when', async () => {
    const result = await post(publish(), ada, NOW);
    expect(result).toEqual({ status: 303, location: '/staff/announcements?done=published' });
    const [stored] = await listUrgentAnnouncements(db());
    id = stored.id;
    expect(stored).toEqual({
      id,
      message: 'Payouts are **delayed** today.',
      icon: 'warning',
      end: '2026-03-01T18:00:00.000Z',
      countries: ['GB', 'IE'],
      userTypes: ['freelancer'],
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
    expect(await recentAnnouncementChanges(db())).toEqual([
      {
        id: expect.any(String),
        announcementId: id,
        changedAt: NOW.toISOString(),
        staffId: 'staff-1',
        staffEmail: 'ada@loomwork.example',
        action: 'published',
        details: {
          message: 'Payouts are **delayed** today.',
          icon: 'warning',
          end: '2026-03-01T18:00:00.000Z',
          countries: ['GB', 'IE'],
          userTypes: ['freelancer'],
        },
      },
    ]);
  });

  it('edits: the new fields replace the old, and the change names the editor', async () => {
    const later = new Date(NOW.getTime() + 10 * 60_000);
    const edit = form([
      ['action', 'edit'],
      ['id', id],
      ['message', 'Payouts are back to normal.'],
      ['icon', 'success'],
      ['endDate', '2026-03-01'],
      ['endTime', '20:00'],
      ['countries', ''],
    ]);
    expect(await post(edit, grace, later)).toEqual({
      status: 303,
      location: '/staff/announcements?done=saved',
    });
    expect(await findUrgentAnnouncement(db(), id)).toMatchObject({
      message: 'Payouts are back to normal.',
      icon: 'success',
      countries: 'all',
      userTypes: 'all',
      updatedAt: later.toISOString(),
    });
    expect((await recentAnnouncementChanges(db()))[0]).toMatchObject({
      action: 'edited',
      staffEmail: 'grace@loomwork.example',
      changedAt: later.toISOString(),
    });
  });

  it('ends: the end moves to now, readers stop getting it, and a second end changes nothing', async () => {
    const later = new Date(NOW.getTime() + 20 * 60_000);
    const end = form([
      ['action', 'end'],
      ['id', id],
    ]);
    expect(await currentUrgentAnnouncements(db(), later, later)).toHaveLength(1);
    expect(await post(end, ada, later)).toEqual({
      status: 303,
      location: '/staff/announcements?done=ended',
    });
    expect((await findUrgentAnnouncement(db(), id))?.end).toBe(later.toISOString());
    expect(await currentUrgentAnnouncements(db(), later, later)).toEqual([]);
    expect(await post(end, ada, later)).toEqual({
      status: 303,
      location: '/staff/announcements?done=already-ended',
    });
    expect((await recentAnnouncementChanges(db())).map((c) => c.action)).toEqual(['ended', 'edited', 'published']);
  });

  it('answers 404 for an announcement that does not exist, and records nothing', async () => {
    const before = (await recentAnnouncementChanges(db())).length;
    const endMissing = form([
      ['action', 'end'],
      ['id', 'nope'],
    ]);
    const gone = { status: 404, errors: {}, formError: 'That announcement does not exist (any more).' };
    expect(await post(endMissing, ada, NOW)).toEqual(gone);
    const editMissing = publish();
    editMissing.set('action', 'edit');
    editMissing.set('id', 'nope');
    expect(await post(editMissing, ada, NOW)).toEqual(gone);
    expect(await recentAnnouncementChanges(db())).toHaveLength(before);
  });

  it('shows a scheduled one to readers only once it is near its start', async () => {
    const scheduled = publish();
    scheduled.set('startDate', '2026-03-02');
    scheduled.set('startTime', '09:00');
    scheduled.set('endDate', '2026-03-02');
    scheduled.set('endTime', '18:00');
    expect(await post(scheduled, ada, NOW)).toMatchObject({ status: 303 });
    const startsAt = async (now: string) =>
      (await currentUrgentAnnouncements(db(), new Date(now), new Date(Date.parse(now) + 60 * 60_000))).flatMap((a) => a.start ?? []);
    expect(await startsAt('2026-03-01T12:00:00Z')).toEqual([]);
    expect(await startsAt('2026-03-02T08:30:00Z')).toEqual(['2026-03-02T09:00:00.000Z']);
  });
});

describe('an announcement in more than one language', () => {
  const readers = createAnnouncementEndpoint({
    settings: { countryHeader: undefined },
    files: async () => [],
    urgent: (now, until) => currentUrgentAnnouncements(db(), now, until),
    now: () => NOW.getTime(),
  });
  /** The messages readers get at `?lang=`, as HTML. */
  const read = async (lang: string) =>
    (
      (await (await readers(new Request(`http://help.example/api/announcements?lang=${lang}`))).json()) as {
        announcements: { html: string }[];
      }
    ).announcements.map((a) => a.html);

  it('stores the Spanish message beside the default one, serves each to its readers, and records it in the change', async () => {
    // For every country: readers here have none.
    const spanish = publish([['message-es', 'Los cobros llegan **con retraso** hoy.']]);
    spanish.set('countries', '');
    const result = await post(spanish, ada, NOW);
    expect(result).toMatchObject({ status: 303 });
    const stored = (await listUrgentAnnouncements(db())).find((a) => a.messages?.es);
    expect(stored?.messages).toEqual({ es: 'Los cobros llegan **con retraso** hoy.' });
    expect(await read('es')).toContain('Los cobros llegan <strong>con retraso</strong> hoy.');
    expect(await read('es')).not.toContain('Payouts are <strong>delayed</strong> today.');
    expect(await read('en')).toContain('Payouts are <strong>delayed</strong> today.');
    expect((await recentAnnouncementChanges(db())).find((c) => c.announcementId === stored!.id)?.details.messages).toEqual({
      es: 'Los cobros llegan **con retraso** hoy.',
    });
    expect(formValuesOf(stored!).messages).toEqual({ es: 'Los cobros llegan **con retraso** hoy.' });

    // Emptied, Spanish readers get the default message.
    const edit = publish([['message-es', '  ']]);
    edit.set('countries', '');
    edit.set('action', 'edit');
    edit.set('id', stored!.id);
    expect(await post(edit, ada, NOW)).toMatchObject({ status: 303 });
    expect((await findUrgentAnnouncement(db(), stored!.id))?.messages).toBeUndefined();
    expect(await read('es')).toContain('Payouts are <strong>delayed</strong> today.');
  });

  it('names the Spanish box in its errors (422), in English like the rest of the console', async () => {
    expect(await post(publish([['message-es', 'x'.repeat(301)]]), ada, NOW)).toEqual({
      status: 422,
      errors: { 'message-es': 'Message in Spanish must be 300 characters or fewer' },
    });
    expect(await post(publish([['message-es', 'Hola\u0007']]), ada, NOW)).toMatchObject({
      status: 422,
      errors: { 'message-es': expect.stringMatching(/^Message in Spanish /) },
    });
  });
});

describe('the announcement form', () => {
  it('names each problem next to its field (GOV.UK style)', () => {
    const result = parseForm({
      id: '',
      message: '  ',
      messages: {},
      icon: 'party',
      startDate: 'tomorrow',
      startTime: '9am',
      endDate: '2026-02-01',
      endTime: '00:00',
      countries: 'GB, Germany',
      userTypes: ['astronaut'],
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        message: 'Enter the message',
        icon: 'Select the kind of announcement',
        startDate: 'Enter the start date as year-month-day (UTC), like 2026-12-24',
        startTime: 'Enter the start time as hours and minutes, 24-hour (UTC), like 18:00',
        endDate: 'The end must be in the future. To stop an announcement now, end it from the list',
        countries: 'Enter countries as two-letter codes separated by commas, like GB, IE',
        userTypes: 'Select user types from the list',
      },
    });
    const times = (fields: Partial<AnnouncementFormValues>) => parseForm({ ...emptyAnnouncementForm, message: 'x', ...fields });
    expect(times({ startDate: '2026-03-05', startTime: '10:00', endDate: '2026-03-05', endTime: '09:00' })).toEqual({
      ok: false,
      errors: { endDate: 'The end must be after the start' },
    });
    expect(parseForm({ ...emptyAnnouncementForm, message: 'x'.repeat(301) })).toEqual({
      ok: false,
      errors: { message: 'Message must be 300 characters or fewer' },
    });
  });

  it('refuses dates and times that do not exist, and a date or a time alone, naming the field', () => {
    const times = (fields: Partial<AnnouncementFormValues>) => parseForm({ ...emptyAnnouncementForm, message: 'x', ...fields });
    expect(times({ startDate: '2026-02-30', startTime: '10:00' })).toEqual({
      ok: false,
      errors: { startDate: 'Enter the start date as year-month-day (UTC), like 2026-12-24' },
    });
    expect(times({ startDate: '05/03/2026', startTime: '10:00' })).toMatchObject({ ok: false, errors: { startDate: expect.any(String) } });
    expect(times({ endDate: '2026-03-05', endTime: '24:00' })).toEqual({
      ok: false,
      errors: { endTime: 'Enter the end time as hours and minutes, 24-hour (UTC), like 18:00' },
    });
    expect(times({ endDate: '2026-03-05', endTime: '6:60' })).toMatchObject({ ok: false, errors: { endTime: expect.any(String) } });
    expect(times({ endDate: '2026-03-05T10:00', endTime: '' })).toMatchObject({ ok: false, errors: { endDate: expect.any(String) } });
    expect(times({ startDate: '2026-03-05' })).toEqual({
      ok: false,
      errors: { startTime: 'Enter the start time as well as its date, like 18:00' },
    });
    expect(times({ endTime: '18:00' })).toEqual({
      ok: false,
      errors: { endDate: 'Enter the end date as well as its time, like 2026-12-24' },
    });
  });

  it('reads the boxes as UTC and shows stored times back the same way', () => {
    const parsed = parseForm({
      ...emptyAnnouncementForm,
      message: 'Hello',
      startDate: ' 2026-12-24 ',
      startTime: '9:05',
      endDate: '2026-12-25',
      endTime: '23:59',
    });
    expect(parsed).toEqual({
      ok: true,
      fields: {
        message: 'Hello',
        icon: 'info',
        start: '2026-12-24T09:05:00.000Z',
        end: '2026-12-25T23:59:00.000Z',
        countries: 'all',
        userTypes: 'all',
      },
    });
    const { fields } = parsed as { fields: AnnouncementFields };
    expect(formValuesOf({ ...fields, id: 'a1' })).toEqual({
      id: 'a1',
      message: 'Hello',
      messages: {},
      icon: 'info',
      startDate: '2026-12-24',
      startTime: '09:05',
      endDate: '2026-12-25',
      endTime: '23:59',
      countries: '',
      userTypes: [],
    });
  });
});
