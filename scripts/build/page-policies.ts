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
  // One copy of each policy: pages of a kind share theirs. A copy, as a string cut out of another keeps all of that
  // one alive in V8: the policies held every page's HTML (1.5 GB at 5,000 articles, bench:build).
  const copies = new Map<string, string>();
  for (const file of readdirSync(clientDir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.html')) continue;
    const policy = policyOfPage(readFileSync(join(clientDir, file), 'utf8'));
    if (!policy) continue;
    let copy = copies.get(policy);
    if (copy === undefined) {
      copy = Buffer.from(policy, 'utf8').toString('utf8');
      copies.set(copy, copy);
    }
    policies[file.split('\\').join('/')] = copy;
  }
  return policies;
}
