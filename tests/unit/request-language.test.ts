import { describe, expect, it } from 'vitest';
import { fieldLanguage, languageFromHeader } from '../../src/server/http/request-language.ts';

describe('the language a request speaks', () => {
  it('follows Accept-Language among the configured languages, else the default', () => {
    expect(languageFromHeader('es-MX,es;q=0.9,en;q=0.5')).toBe('es');
    expect(languageFromHeader('fr, en;q=0.2')).toBe('en');
    expect(languageFromHeader('de')).toBe('en');
    expect(languageFromHeader(undefined)).toBe('en');
  });

  it('settles on the `language` field, or keeps the language so far when there is none', () => {
    expect(fieldLanguage({ language: 'es' }, 'en')).toEqual({ language: 'es' });
    expect(fieldLanguage({}, 'es')).toEqual({ language: 'es' });
    expect(fieldLanguage({ language: '' }, 'es')).toEqual({ language: 'es' });
  });

  it('answers a language the help center does not have with a message in the language so far, listing its own', () => {
    expect(fieldLanguage({ language: 'fr' }, 'en')).toEqual({
      unknown: "The language must be one of the help center's languages: en, es.",
    });
    const spanish = fieldLanguage({ language: 42 }, 'es');
    expect('unknown' in spanish && spanish.unknown).toMatch(/en, es/);
    expect(spanish).not.toEqual(fieldLanguage({ language: 42 }, 'en'));
  });
});
