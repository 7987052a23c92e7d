/**
 * Spanish: Snowball stemming (from @orama/stemmers) of the word without its accents and tildes, so "sesión" and
 * "sesion", "contraseña" and "contrasena" meet, and Spanish filler words, each also written without accents, as
 * readers often type them.
 */
import { stemmer } from '@orama/stemmers/spanish';
import { verbForms } from './es-verbs.ts';
import { withoutAccents, wordSet, type QueryLanguage } from './types.ts';

/**
 * Words that say how the reader asks, not what about: articles, prepositions, pronouns, auxiliary and modal verbs
 * ("no puedo iniciar sesión" is about signing in), question words, politeness. Negations are filler too: "no" also
 * marks the query as a problem (PROBLEM).
 */
const FILLER = wordSet(
  'a al ante bajo con contra de del desde durante en entre hacia hasta mediante para por según sin sobre tras ' +
    'el la lo los las un una unos unas y e o u ni pero sino que si como cómo cuando cuándo donde dónde porque pues ' +
    'yo me mi mí mis mío mía tu tú tus te ti usted ustedes su sus se nos nosotros nosotras nuestro nuestra os él ella ellos ellas le les ' +
    'este esta esto estos estas ese esa eso esos esas aquel aquella aquí ahí allí ' +
    'es son era eran fue ser soy estar estoy está están estaba he ha han has hay haber hace hacer hago ' +
    'puedo puede puedes pueden podemos poder podría quiero quiere quisiera querer necesito necesita necesitar debo debe deber deja dejan tengo tiene tener ' +
    'no nunca tampoco nada nadie ' +
    'qué cuál cuáles quién quiénes cuánto cuánta cuántos ' +
    'hola ayuda ayúdenme ayudar gracias favor porfa alguien ' +
    'algo alguno alguna algún todo toda todos todas más menos mucho mucha muchos muchas muy ya también solo sólo aún todavía ' +
    'otra otro otros otras mismo ahora hoy cosa vez veces',
);

/** Words that say the reader is stuck: negations, words for failing, and for something wrong ("contraseña incorrecta"). */
const PROBLEM = wordSet(
  'no nunca nada nadie sin sigo sigue falla fallo fallan falló error errores problema problemas atascado atascada bloqueado bloqueada roto rota mal ' +
    'incorrecto incorrecta incorrectos incorrectas equivocado equivocada equivocados equivocadas erróneo errónea',
);
const NEGATION = wordSet('no nunca nada');
/** "no funciona": the negation says something is broken; the verb says nothing about what. */
const WORKING = wordSet('funciona funcionan funcionando funcionó anda');

/*
 * Snowball's stem, whose suffixes carry their accents ("-ación"), so a word ending "-cion" or "-sion", which
 * Spanish always writes "-ción", "-sión", gets its accent back first; then the stem without accents or tildes.
 */
const snowball = (word: string) => withoutAccents(stemmer(word.replace(/([cs])ion$/, '$1ión')));

/**
 * Verb forms Snowball does not join to their infinitive ("pude", "puse", "entro", "restablezco"; es-verbs.ts). A
 * filler word is never one ("entre" is a preposition before it is "entrar"; "se" is not "sé").
 */
let verbs: Map<string, string> | undefined;
// Conjugated on first use: a page that never searches in Spanish never pays for it.
const baseForm = (word: string) => (FILLER.has(word) ? undefined : (verbs ??= verbForms(snowball, withoutAccents)).get(word));

/** The stem: of the infinitive for a verb form Snowball does not join to it, else Snowball's. */
export const spanish: QueryLanguage = {
  code: 'es',
  stem: (word) => snowball(baseForm(word) ?? word),
  baseForm,
  contractions: new Map(),
  filler: FILLER,
  problem: PROBLEM,
  negation: NEGATION,
  working: WORKING,
};
