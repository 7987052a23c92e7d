/** Browsers that per-browser instructions are written for, in the order tabs show them. */
export const browsers = [
  { id: 'chrome', label: 'Chrome' },
  { id: 'firefox', label: 'Firefox' },
  { id: 'safari', label: 'Safari' },
  { id: 'edge', label: 'Edge' },
  { id: 'other', label: 'Other browsers' },
] as const;

export type BrowserId = (typeof browsers)[number]['id'];
export const browserIds = browsers.map((b) => b.id) as [BrowserId, ...BrowserId[]];

/** Reads a user-agent string; order matters because Edge and Chromium also say "Chrome" and Chrome says "Safari". */
export function detectBrowser(userAgent: string): BrowserId {
  const ua = userAgent.toLowerCase();
  if (/edg(e|a|ios)?\//.test(ua)) return 'edge';
  if (/firefox\/|fxios\//.test(ua)) return 'firefox';
  if (/opr\/|opera|samsungbrowser\//.test(ua)) return 'other';
  if (/chrome\/|chromium\/|crios\//.test(ua)) return 'chrome';
  if (/safari\//.test(ua) && /version\//.test(ua)) return 'safari';
  return 'other';
}
