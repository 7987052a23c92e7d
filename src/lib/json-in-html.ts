/**
 * JSON to put inside an HTML `<script>` element (JSON-LD, inline data). `JSON.stringify` leaves `<` as it is, so a
 * string holding `</script>` would end the element and let the rest run as markup; `<`, `>` and `&` become \u
 * escapes, which parse back to the same characters, as do U+2028 and U+2029 (line ends to older JavaScript parsers).
 */
export function jsonInHtml(value: object): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
