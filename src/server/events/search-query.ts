import { withoutControlCharacters } from '../../lib/control-characters.ts';

/** Longest query kept; longer ones are cut (readers paste whole error messages). */
export const QUERY_MAX = 200;

/**
 * A search query as insights group it: one spacing, lower case, cut to QUERY_MAX. Readers sometimes type
 * personal details into search; anything shaped like an email address or a long number (phone, card, code)
 * is replaced before it is stored.
 */
export function normalizeQuery(raw: string): string {
  return withoutControlCharacters(raw)
    .normalize('NFKC')
    .replace(/[^\s@]+@[^\s@]+\.[^\s@]+/g, '[email]')
    .replace(/\+?\d[\d\s().-]{4,}\d/g, (digits) => (digits.replace(/\D/g, '').length >= 6 ? '[number]' : digits))
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .slice(0, QUERY_MAX);
}
