// The tags of a built page that make it load something (scripts, styles, links, Astro islands), found with regular
// expressions over the HTML the build wrote.

export interface ScriptTag {
  attrs: Record<string, string>;
  content: string;
}

/** Attributes of one start tag's attribute text, e.g. ` type="module" src=/a.js defer`. */
export function parseAttributes(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (const m of text.matchAll(re)) attrs[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  return attrs;
}

function decodeEntities(s: string): string {
  return s.replace(/&(amp|quot|#39|lt|gt);/g, (_, e: string) => ({ amp: '&', quot: '"', '#39': "'", lt: '<', gt: '>' })[e]!);
}

/** Drops comments so commented-out tags are not counted. */
const stripComments = (html: string) => html.replace(/<!--[\s\S]*?-->/g, '');

export function findScripts(html: string): ScriptTag[] {
  const out: ScriptTag[] = [];
  for (const m of stripComments(html).matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    out.push({ attrs: parseAttributes(m[1]), content: m[2] });
  }
  return out;
}

/** Whether a `<script type>` is executed as JavaScript (so not JSON-LD, import maps, templates…). */
export function isJavaScriptType(type: string | undefined): boolean {
  const t = (type ?? '').trim().toLowerCase();
  return t === '' || t === 'module' || t === 'text/javascript' || t === 'application/javascript';
}

export function findInlineStyles(html: string): string[] {
  return [...stripComments(html).matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)].map((m) => m[1]);
}

/** `href`s of `<link>` tags whose `rel` contains one of `rels`. */
export function findLinks(html: string, rels: string[]): string[] {
  const out: string[] = [];
  for (const m of stripComments(html).matchAll(/<link\b([^>]*)>/gi)) {
    const attrs = parseAttributes(m[1]);
    const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/);
    if (attrs.href && rels.some((r) => rel.includes(r))) out.push(attrs.href);
  }
  return out;
}

/** Module URLs that Astro islands load when they hydrate. */
export function findIslandModules(html: string): string[] {
  const out: string[] = [];
  for (const m of stripComments(html).matchAll(/<astro-island\b([^>]*)>/gi)) {
    const attrs = parseAttributes(m[1]);
    for (const name of ['component-url', 'renderer-url', 'before-hydration-url']) if (attrs[name]) out.push(attrs[name]);
  }
  return out;
}
