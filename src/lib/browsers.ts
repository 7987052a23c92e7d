/** Browsers that per-browser instructions are written for, in the order tabs show them (names: browserLabel). */
export const browserIds = ['chrome', 'firefox', 'safari', 'edge', 'other'] as const;

export type BrowserId = (typeof browserIds)[number];

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

/** Where a reader's manual browser choice is remembered, shared by article tabs and troubleshooter steps. */
export const BROWSER_STORAGE_KEY = 'signpost:browser';

export function preferredBrowser(): BrowserId {
  try {
    const saved = localStorage.getItem(BROWSER_STORAGE_KEY);
    if (saved && browserIds.includes(saved as BrowserId)) return saved as BrowserId;
  } catch {
    // storage blocked: fall back to detection
  }
  return detectBrowser(navigator.userAgent);
}

export function rememberBrowser(browser: BrowserId): void {
  try {
    localStorage.setItem(BROWSER_STORAGE_KEY, browser);
  } catch {
    // not remembered; the choice still applies to this page
  }
}
