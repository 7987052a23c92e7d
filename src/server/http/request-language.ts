import { defaultLanguage, isLanguage, languageOfPath, languages } from '../../i18n/languages.ts';
import { messagesFor, type Messages } from '../../i18n/messages.ts';

/**
 * The language a server answer speaks (#19). A form says it in its `language` field (the page sets it from its own
 * language); a JSON client may send the same field, or Accept-Language. Accept-Language only ever chooses among the
 * configured languages (src/site.config.ts), else the default; a `language` field that names no configured language
 * is the client's mistake, answered with a 400 naming the field.
 */

/** The configured language an Accept-Language header prefers most (by q, then order), or the default. */
export function languageFromHeader(header: string | null | undefined): string {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [range, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { range: range.trim().toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter(({ range, q }) => range !== '' && range !== '*' && Number.isFinite(q) && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { range } of ranked) {
    // "es-MX" is Spanish; a configured "pt-BR" matches only itself or "pt".
    const match =
      languages.find((l) => l.code.toLowerCase() === range) ?? languages.find((l) => l.code.toLowerCase() === range.split('-')[0]);
    if (match) return match.code;
  }
  return defaultLanguage.code;
}

/** The language of a request before its body is read: the page's own when a page took the post, else Accept-Language. */
export function requestLanguage(request: Request, pageLanguage?: string): string {
  return pageLanguage ?? languageFromHeader(request.headers.get('accept-language'));
}

/**
 * The language a submission's `language` field settles on: `sofar` (the page's, or Accept-Language's) when it names
 * none; when it names one that is not configured (or is not text), the 400 message for the field, in `sofar`.
 */
export function fieldLanguage(fields: Record<string, unknown>, sofar: string): { language: string } | { unknown: string } {
  const value = fields.language;
  if (value === undefined || value === null || value === '') return { language: sofar };
  if (typeof value === 'string' && isLanguage(value)) return { language: value };
  return { unknown: messagesFor(sofar).t('api.language.unknown', { languages: languages.map((l) => l.code).join(', ') }) };
}

/** The words of a language; the default's for one that is not configured. */
export function wordsFor(code: string | undefined): Messages {
  return messagesFor(isLanguage(code) ? code : defaultLanguage.code);
}

/** The language of the page a same-site request came from (its Referer's path), or the default language's. */
export function languageOfPage(request: Request, publicOrigin: string | undefined): string {
  const referer = request.headers.get('referer');
  try {
    const page = new URL(referer ?? '/', request.url);
    const sameSite = page.origin === new URL(request.url).origin || page.origin === publicOrigin;
    return languageOfPath(sameSite ? page.pathname : '/').code;
  } catch {
    return languageOfPath('/').code;
  }
}
