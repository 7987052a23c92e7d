import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const META_POLICY = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/i;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&lt;': '<', '&gt;': '>' };

/** An attribute value as written in a built page (Astro escapes `&` and `"`), back to its text. */
export function decodeAttribute(value: string): string {
  return value.replace(/&(?:amp|quot|#39|#x27|lt|gt);/g, (entity) => ENTITIES[entity]);
}

/** The policy Astro wrote into a prerendered page's `<meta>`, or undefined. */
function policyOfPage(html: string): string | undefined {
  const policy = META_POLICY.exec(html)?.[1];
  return policy === undefined ? undefined : decodeAttribute(policy);
}

/**
 * Each built page's Content-Security-Policy, by path under `clientDir`. Astro puts it in a `<meta>` at the end of
 * `<head>`, where anything earlier in the page comes before it; the server sends it as a header instead
 * (src/server/http/built-files.ts).
 */
export function pagePolicies(clientDir: string): Record<string, string> {
  const policies: Record<string, string> = {};
  for (const file of readdirSync(clientDir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.html')) continue;
    const policy = policyOfPage(readFileSync(join(clientDir, file), 'utf8'));
    if (policy) policies[file.split('\\').join('/')] = policy;
  }
  return policies;
}
