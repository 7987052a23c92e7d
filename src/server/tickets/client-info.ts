import { detectBrowser, type BrowserId } from '../../lib/browsers.ts';

export type OsId = 'windows' | 'macos' | 'ios' | 'android' | 'chromeos' | 'linux' | 'other';

/** Browser and operating system family from the User-Agent header: enough for support, not a fingerprint. */
export function clientInfo(userAgent: string | null): { browser: BrowserId; os: OsId } {
  const ua = userAgent ?? '';
  return { browser: detectBrowser(ua), os: detectOs(ua) };
}

// Order matters: iPadOS and Android also mention other systems.
function detectOs(userAgent: string): OsId {
  const ua = userAgent.toLowerCase();
  if (/iphone|ipad|ipod/.test(ua)) return 'ios';
  if (/android/.test(ua)) return 'android';
  if (/cros/.test(ua)) return 'chromeos';
  if (/windows/.test(ua)) return 'windows';
  if (/mac os x|macintosh/.test(ua)) return 'macos';
  if (/linux|x11/.test(ua)) return 'linux';
  return 'other';
}
