// Search in a language other than English: how queries are read (filler words, stemming, "no puedo …" as a problem),
// each language's synonyms file, and the no-results help of a page in another language offering the default one.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resultsMarkup } from '../../src/components/search/results-markup.ts';
import { searchWords } from '../../src/components/search/search-words.ts';
import { analyseQuery } from '../../src/search/query.ts';
import { queryLanguage } from '../../src/search/query-language.ts';
import type { SearchOutcome } from '../../src/search/search.ts';
import { readAllSynonymsFiles } from '../../src/search/synonyms-file.ts';
import { expandTerms } from '../../src/search/synonyms.ts';
import { indexTerms } from '../../src/search/index-terms.ts';
import { PHRASE_SEPARATOR } from '../../src/search/index-fields.ts';

const spanish = queryLanguage('es');

describe('Spanish queries', () => {
  it('keep the words that carry the meaning, with or without accents', () => {
    expect(analyseQuery('¿Cómo cambio mi contraseña?', { language: spanish }).words).toEqual(['cambio', 'contraseña']);
    expect(analyseQuery('como cambio la contraseña de mi cuenta', { language: spanish }).words).toEqual(['cambio', 'contraseña', 'cuenta']);
  });

  it('say the reader is stuck when they say it does not work', () => {
    expect(analyseQuery('no puedo iniciar sesión', { language: spanish })).toEqual({ words: ['iniciar', 'sesión'], problem: true });
    expect(analyseQuery('el código no funciona', { language: spanish })).toEqual({ words: ['código'], problem: true });
    expect(analyseQuery('cómo inicio sesión', { language: spanish }).problem).toBe(false);
    expect(analyseQuery('sigo sin poder entrar', { language: spanish }).problem).toBe(true);
    // As "wrong password" in English.
    expect(analyseQuery('me dice contraseña incorrecta', { language: spanish }).problem).toBe(true);
    expect(analyseQuery('correo equivocado', { language: spanish }).problem).toBe(true);
  });

  it('are stemmed as Spanish, so plural and singular meet, accents or not', () => {
    expect(spanish.stem('contraseñas')).toBe(spanish.stem('contraseña'));
    expect(spanish.stem('sesión')).toBe(spanish.stem('sesion'));
    expect(spanish.stem('contrasena')).toBe(spanish.stem('contraseña'));
    expect(spanish.stem('recuperacion')).toBe(spanish.stem('recuperar'));
    expect(queryLanguage('es-419')).toBe(spanish);
  });

  it('join verb forms Snowball leaves apart to their infinitive: irregular, stem-changing and short verbs', () => {
    for (const [form, infinitive] of [
      ['pude', 'poder'],
      ['puse', 'poner'],
      ['tuve', 'tener'],
      ['hice', 'hacer'],
      ['entro', 'entrar'],
      ['entré', 'entrar'],
      ['uso', 'usar'],
      ['restablezco', 'restablecer'],
      ['vuelvo', 'volver'],
      ['pidió', 'pedir'],
      ['elijo', 'elegir'],
      ['actualicé', 'actualizar'],
      ['prueba', 'probar'],
    ]) {
      expect(spanish.stem(form), form).toBe(spanish.stem(infinitive));
    }
    // Readers leave accents out: "entre" is still the preposition, "se" the pronoun, "cuenta" the account.
    expect(spanish.stem('entre')).not.toBe(spanish.stem('entrar'));
    expect(spanish.stem('se')).not.toBe(spanish.stem('saber'));
    expect(spanish.stem('cuenta')).not.toBe(spanish.stem('contar'));
  });

  it('search an irregular verb form as its infinitive, and drop it where the infinitive says nothing', () => {
    expect(analyseQuery('puse mal la contraseña', { language: spanish }).words).toEqual(['poner', 'mal', 'contraseña']);
    expect(analyseQuery('resetee la contraseña pero no entro', { language: spanish }).words).toEqual(['resetear', 'contraseña', 'entrar']);
    // "poder" says nothing, as "puedo" does not.
    expect(analyseQuery('no pude entrar', { language: spanish }).words).toEqual(['entrar']);
    expect(analyseQuery('tuve que cambiar de móvil', { language: spanish }).words).toEqual(['cambiar', 'móvil']);
  });

  it('give a page the other terms of a Spanish synonym group it says in another form', () => {
    const groups = [['iniciar sesión', 'entrar', 'acceder']];
    const page = { about: ['Problemas al iniciar sesiones'], text: '' };
    expect(expandTerms(page, groups, spanish).aboutSynonyms).toEqual(['entrar', 'acceder']);
  });
});

describe('pages in the index', () => {
  it('carry their words with accents or tildes also without them, so a query typed without accents finds them', () => {
    const page = { title: 'Olvidé mi contraseña', description: 'Pide un enlace nuevo.', keywords: ['móvil'], text: 'La sesión caduca.' };
    expect(indexTerms(page, [], 'es').unaccented?.split(PHRASE_SEPARATOR)).toEqual(['olvide', 'contrasena', 'movil', 'sesion']);
  });
});

describe("each language's synonyms file", () => {
  it('is read from content/<lang>/search/synonyms.yaml beside the default language’s content/search/synonyms.yaml', () => {
    const dir = mkdtempSync(join(tmpdir(), 'signpost-synonyms-'));
    try {
      mkdirSync(join(dir, 'search'));
      mkdirSync(join(dir, 'es', 'search'), { recursive: true });
      mkdirSync(join(dir, 'articles'));
      writeFileSync(join(dir, 'search', 'synonyms.yaml'), 'groups:\n  - [sign in, log in]\n');
      writeFileSync(join(dir, 'es', 'search', 'synonyms.yaml'), 'groups:\n  - [iniciar sesión, entrar]\n');
      expect(Object.fromEntries(readAllSynonymsFiles(dir, 'en'))).toEqual({
        en: [['sign in', 'log in']],
        es: [['iniciar sesión', 'entrar']],
      });
      writeFileSync(join(dir, 'es', 'search', 'synonyms.yaml'), 'groups:\n  - [entrar]\n');
      expect(() => readAllSynonymsFiles(dir, 'en')).toThrow(
        `${dir}/es/search/synonyms.yaml:2: groups[0]: a group needs at least two terms`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('no results on a page in another language', () => {
  const nothing: SearchOutcome = { query: 'factura fiscal', match: 'none', exactHits: 0, words: [], total: 0, hits: [], filterCounts: {} };

  it('offers the same query in the default language, linked to its search page', () => {
    const html = resultsMarkup(searchWords('es')).resultsHtml(nothing);
    expect(html).toContain('href="/search/?q=factura+fiscal"');
    expect(html).toContain('en inglés');
  });

  it('offers nothing more on a page in the default language', () => {
    expect(resultsMarkup(searchWords()).resultsHtml(nothing)).not.toContain('?q=factura');
  });
});
