import { Lucia, TimeSpan } from 'lucia';
import type { Db } from '../db/connection.ts';
import type { StaffRole } from '../db/schema.ts';
import { sessionAdapter } from './session-adapter.ts';

/**
 * A session lasts this long after it was last extended. lucia extends it (and we send the cookie again) once
 * less than half is left, so a staff member who stops for 12 hours is signed out, and one who works every
 * day is not.
 */
export const SESSION_LIFETIME = new TimeSpan(12, 'h');

export function createAuth(db: () => Promise<Db>, { cookieSecure }: { cookieSecure: boolean }) {
  return new Lucia(sessionAdapter(db), {
    sessionExpiresIn: SESSION_LIFETIME,
    sessionCookie: {
      // __Host- makes browsers refuse the cookie unless it is Secure, host-only and for Path=/.
      name: cookieSecure ? '__Host-signpost_staff' : 'signpost_staff',
      attributes: { secure: cookieSecure, sameSite: 'lax', path: '/' },
    },
    getUserAttributes: (attributes) => ({ email: attributes.email, name: attributes.name, role: attributes.role }),
  });
}

export type Auth = ReturnType<typeof createAuth>;

declare module 'lucia' {
  interface Register {
    Lucia: Auth;
    DatabaseUserAttributes: { email: string; name: string; role: StaffRole };
  }
}

/** Who is signed in, as pages and endpoints see it (Astro.locals.staff). */
export interface SignedInStaff {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  sessionId: string;
}
