const ENTITIES: Record<string, string> = { '&': '&amp;', '"': '&quot;', '<': '&lt;' };

/** Text made safe inside HTML we write as a string (an element's text or a quoted attribute), where Astro does not escape it. */
export function escapeHtml(text: string): string {
  return text.replace(/[&"<]/g, (c) => ENTITIES[c]);
}
