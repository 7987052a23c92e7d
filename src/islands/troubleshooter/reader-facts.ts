import { preferredBrowser } from '../../lib/browsers.ts';
import type { ReaderFact } from '../../troubleshooter/flow-schema.ts';
import type { PreparedStep } from '../../troubleshooter/prepare.ts';

/**
 * What this browser knows about its reader without asking: the browser (the one they picked in a browser tab, else
 * the user agent's), phone or computer, and the user type they chose under "Show notices for", kept under
 * `userTypeKey` (the page passes the key, so the island shares no module with the notices script), and the page's
 * language.
 */
export function readerFacts(userTypeKey: string): Partial<Record<ReaderFact, string>> {
  const agent = navigator as Navigator & { userAgentData?: { mobile: boolean } };
  let userType: string | undefined;
  try {
    userType = localStorage.getItem(userTypeKey) || undefined;
  } catch {
    // storage blocked: nothing known
  }
  return {
    browser: preferredBrowser(),
    device: (agent.userAgentData?.mobile ?? /Mobi|Android|iPhone|iPad|iPod/i.test(agent.userAgent)) ? 'mobile' : 'desktop',
    'user-type': userType,
    language: document.documentElement.lang,
  };
}

/** The choice an automatic step takes for these facts: the one whose values hold the fact, else its fallback. */
export function automaticChoice(auto: NonNullable<PreparedStep['auto']>, facts: Partial<Record<ReaderFact, string>>): string {
  const fact = facts[auto.by];
  return Object.entries(auto.when).find(([, values]) => fact !== undefined && values.includes(fact))?.[0] ?? auto.fallback;
}
