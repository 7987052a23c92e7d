import { randomBytes } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** A browser stays trusted this long after its last sign-in; every sign-in renews it. */
export const DEVICE_LIFETIME_MS = 180 * 24 * 60 * 60_000;

/**
 * The device cookie a browser gets when it signs in, in the session cookie's manner: HttpOnly, SameSite=Lax, and
 * with Secure under the `__Host-` prefix (so only this host, over https, can set it), but lasting months.
 */
export function deviceCookie(cookieSecure: boolean) {
  return {
    name: cookieSecure ? '__Host-signpost_device' : 'signpost_device',
    attributes: { httpOnly: true, secure: cookieSecure, sameSite: 'lax', path: '/', maxAge: DEVICE_LIFETIME_MS / 1000 } as const,
  };
}

/** 160 random bits; the database keeps only its hash (see token-hash.ts). */
export function newDeviceToken(): string {
  return encodeBase32LowerCaseNoPadding(randomBytes(20));
}
