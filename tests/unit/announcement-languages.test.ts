import { describe, expect, it } from 'vitest';
import { announcementFileSchema, flattenAudience } from '../../src/lib/announcements.ts';
import { publicAnnouncement } from '../../src/server/announcements/public-announcement.ts';

describe('an announcement in several languages', () => {
  const parsed = announcementFileSchema.parse({
    id: 'maintenance',
    message: 'Payments pause **tonight**.',
    messages: { es: 'Los pagos se detienen **esta noche**.' },
    audience: { userTypes: ['freelancer'] },
  });
  const notice = { id: parsed.id, ...flattenAudience(parsed) };

  it('shows each language its own message, the default language the main one', () => {
    const es = publicAnnouncement(notice, 'es');
    expect(es.html).toBe('Los pagos se detienen <strong>esta noche</strong>.');
    expect(publicAnnouncement(notice).html).toBe('Payments pause <strong>tonight</strong>.');
    // A dismissal is kept per message: each language's is its own.
    expect(es.key).not.toBe(publicAnnouncement(notice).key);
  });

  it('refuses a message for a language the site does not have', () => {
    const result = announcementFileSchema.safeParse({ id: 'x', message: 'Hello', messages: { xx: 'Hola' } });
    expect(result.success).toBe(false);
  });
});
