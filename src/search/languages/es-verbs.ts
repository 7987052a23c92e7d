/**
 * Spanish verb forms that Snowball's stemmer does not join to their infinitive, and the infinitive each stands for:
 * irregular verbs ("pude" is "poder", "puse" is "poner", "tuve" is "tener"), verbs whose stem changes ("vuelvo",
 * "pido", "restablezco"), spelling changes ("actualicé", "elijo") and short verbs whose endings Snowball leaves on
 * ("entro", "entré" beside "entrar"). Conjugated here by the rules of the language, for the verbs readers of a help
 * center use; only the forms whose stem differs from the infinitive's are kept, so the regular ones stay as they are.
 * Participles used as adjectives ("roto", "abierto") are left alone: they name a state, not the action.
 */

type Person = [yo: string, tu: string, el: string, nosotros: string, ellos: string];

interface Verb {
  infinitive: string;
  /** Present indicative; by rule unless said. */
  present?: Person;
  /** Preterite; by rule unless said. */
  preterite?: Person;
  /** The stem of the future and the conditional ("podr", "tendr"); the infinitive unless said. */
  future?: string;
  /** The present subjunctive's stem ("pued", "teng"); the present's first person without its "-o" unless said. */
  subjunctive?: string;
  /** Stem vowel change in the stressed present ("ie", "ue", "i"): "pierdo", "vuelvo", "pido". */
  change?: 'ie' | 'ue' | 'i';
  /** Imperative (tú), when irregular: "pon", "ten", "haz". */
  imperative?: string;
}

const ER = {
  present: ['o', 'es', 'e', 'emos', 'en'],
  preterite: ['í', 'iste', 'ió', 'imos', 'ieron'],
  imperfect: ['ía', 'ías', 'íamos', 'ían'],
  subjunctive: ['a', 'as', 'amos', 'an'],
  gerund: 'iendo',
};

/** The endings of each conjugation; "-ir" differs from "-er" only in "nosotros" ("vivimos", "comemos"). */
const ENDINGS = {
  ar: {
    present: ['o', 'as', 'a', 'amos', 'an'],
    preterite: ['é', 'aste', 'ó', 'amos', 'aron'],
    imperfect: ['aba', 'abas', 'ábamos', 'aban'],
    subjunctive: ['e', 'es', 'emos', 'en'],
    gerund: 'ando',
  },
  er: ER,
  ir: { ...ER, present: ['o', 'es', 'e', 'imos', 'en'] },
};

const FUTURE = ['é', 'ás', 'á', 'emos', 'án', 'ía', 'ías', 'íamos', 'ían'];

/** A preterite on a stem of its own, stressed on the stem: "pude", "tuve", "quise". */
const strong = (stem: string) => ['e', 'iste', 'o', 'imos', 'ieron'].map((ending) => `${stem}${ending}`) as Person;

/** An irregular verb and the verbs made from it with a prefix ("poner": "proponer", "suponer"), conjugated alike. */
function family(verb: Verb, prefixes: string[]): Verb[] {
  const prefixed = (prefix: string) => (form: string) => `${prefix}${form}`;
  return [
    verb,
    ...prefixes.map((prefix) => ({
      infinitive: prefixed(prefix)(verb.infinitive),
      present: verb.present?.map(prefixed(prefix)) as Person | undefined,
      preterite: verb.preterite?.map(prefixed(prefix)) as Person | undefined,
      future: verb.future && prefixed(prefix)(verb.future),
      imperative: verb.imperative && prefixed(prefix)(verb.imperative),
    })),
  ];
}

/** The last stem vowel changed as in the stressed present: "perd" → "pierd", "volv" → "vuelv", "ped" → "pid". */
function changed(stem: string, change: 'ie' | 'ue' | 'i'): string {
  // "gu" before the ending is a consonant here: "consegu" → "consigu".
  const from = change === 'ue' ? /[ou](?=(?:gu|[^aeiou])*$)/ : /e(?=(?:gu|[^aeiou])*$)/;
  return stem.replace(from, change);
}

/** Spelling that keeps a consonant's sound before "e" or "o": "busqué", "llegué", "actualicé", "elijo", "sigo". */
function spelled(form: string): string {
  return form
    .replace(/c([eé])/g, 'qu$1')
    .replace(/g([eé])/g, 'gu$1')
    .replace(/z([eé])/g, 'c$1');
}

function conjugate(verb: Verb): string[] {
  const { infinitive } = verb;
  const kind = infinitive.slice(-2) as keyof typeof ENDINGS;
  const stem = infinitive.slice(0, -2);
  const endings = ENDINGS[kind];
  const stressed = verb.change ? changed(stem, verb.change) : stem;
  // "-ecer", "-ocer", "-ucir": "restablezco", "conozco".
  const yo = /[aeiou]c$/.test(stem) && kind !== 'ar' ? `${stem.slice(0, -1)}zc` : stressed;
  // "-ger", "-gir": "elijo"; "-guir": "sigo".
  const yoStem = kind !== 'ar' ? yo.replace(/g$/, 'j').replace(/gu$/, 'g') : yo;
  const present: string[] = verb.present ?? [
    `${yoStem}o`,
    `${stressed}${endings.present[1]}`,
    `${stressed}${endings.present[2]}`,
    `${stem}${endings.present[3]}`,
    `${stressed}${endings.present[4]}`,
  ];
  // "-ir" verbs changing "e" close it to "i" in the preterite's third persons and the gerund: "pidió", "sintió".
  const weak = verb.change && kind === 'ir' && verb.change !== 'ue' ? changed(stem, 'i') : stem;
  const preterite: string[] = verb.preterite ?? [
    kind === 'ar' ? spelled(`${stem}é`) : `${stem}í`,
    `${stem}${endings.preterite[1]}`,
    `${weak}${endings.preterite[2]}`,
    `${stem}${endings.preterite[3]}`,
    `${weak}${endings.preterite[4]}`,
  ];
  const subjunctive = verb.subjunctive ?? present[0].replace(/o$/, '');
  const subjunctiveForms = endings.subjunctive.map((ending, i) =>
    // "-ir" stem changers close the vowel in "nosotros": "pidamos", "sigamos"; the others keep the infinitive's.
    kind === 'ar'
      ? spelled(`${subjunctive}${ending}`)
      : i === 2 && verb.change && !verb.subjunctive
        ? `${weak}${ending}`
        : `${subjunctive}${ending}`,
  );
  const future = verb.future ?? infinitive;
  return [
    ...present,
    ...preterite,
    ...endings.imperfect.map((ending) => `${stem}${ending}`),
    ...FUTURE.map((ending) => `${future}${ending}`),
    ...subjunctiveForms,
    verb.imperative ?? present[2],
    `${weak}${endings.gerund}`,
  ];
}

/** Verbs conjugated by rule, with their stem change where they have one. */
const RULED: Verb[] = [
  ...'entrar usar abrir acceder olvidar ingresar añadir actualizar utilizar autorizar bloquear buscar verificar indicar modificar notificar explicar pagar llegar entregar cargar descargar alcanzar resetear'
    .split(' ')
    .map((infinitive) => ({ infinitive })),
  ...'recordar acordar demostrar mostrar encontrar probar aprobar volver devolver resolver mover'.split(' ').map((infinitive) => ({
    infinitive,
    change: 'ue' as const,
  })),
  ...'perder entender cerrar empezar pensar preferir requerir sentir advertir'.split(' ').map((infinitive) => ({
    infinitive,
    change: 'ie' as const,
  })),
  ...'pedir conseguir elegir repetir servir impedir medir despedir'.split(' ').map((infinitive) => ({
    infinitive,
    change: 'i' as const,
  })),
  ...'conocer reconocer aparecer desaparecer parecer ofrecer restablecer establecer pertenecer agradecer'
    .split(' ')
    .map((infinitive) => ({ infinitive })),
];

/** The irregular verbs: their own present and preterite, and future stem. */
const IRREGULAR: Verb[] = [
  {
    infinitive: 'poder',
    present: ['puedo', 'puedes', 'puede', 'podemos', 'pueden'],
    preterite: ['pude', 'pudiste', 'pudo', 'pudimos', 'pudieron'],
    future: 'podr',
    subjunctive: 'pued',
  },
  ...family(
    {
      infinitive: 'poner',
      present: ['pongo', 'pones', 'pone', 'ponemos', 'ponen'],
      preterite: strong('pus'),
      future: 'pondr',
      imperative: 'pon',
    },
    ['pro', 'su', 're', 'com'],
  ),
  ...family(
    {
      infinitive: 'tener',
      present: ['tengo', 'tienes', 'tiene', 'tenemos', 'tienen'],
      preterite: strong('tuv'),
      future: 'tendr',
      imperative: 'ten',
    },
    ['ob', 'man', 're', 'con', 'de'],
  ),
  ...family(
    {
      infinitive: 'hacer',
      present: ['hago', 'haces', 'hace', 'hacemos', 'hacen'],
      preterite: ['hice', 'hiciste', 'hizo', 'hicimos', 'hicieron'],
      future: 'har',
      imperative: 'haz',
    },
    ['des', 're'],
  ),
  ...family(
    {
      infinitive: 'venir',
      present: ['vengo', 'vienes', 'viene', 'venimos', 'vienen'],
      preterite: strong('vin'),
      future: 'vendr',
      imperative: 'ven',
    },
    ['pre'],
  ),
  {
    infinitive: 'decir',
    present: ['digo', 'dices', 'dice', 'decimos', 'dicen'],
    preterite: ['dije', 'dijiste', 'dijo', 'dijimos', 'dijeron'],
    future: 'dir',
    imperative: 'di',
  },
  {
    infinitive: 'querer',
    present: ['quiero', 'quieres', 'quiere', 'queremos', 'quieren'],
    preterite: strong('quis'),
    future: 'querr',
  },
  {
    infinitive: 'saber',
    present: ['sé', 'sabes', 'sabe', 'sabemos', 'saben'],
    preterite: strong('sup'),
    future: 'sabr',
    subjunctive: 'sep',
  },
  {
    infinitive: 'salir',
    present: ['salgo', 'sales', 'sale', 'salimos', 'salen'],
    future: 'saldr',
    imperative: 'sal',
  },
  {
    infinitive: 'traer',
    present: ['traigo', 'traes', 'trae', 'traemos', 'traen'],
    preterite: ['traje', 'trajiste', 'trajo', 'trajimos', 'trajeron'],
  },
  {
    infinitive: 'dar',
    present: ['doy', 'das', 'da', 'damos', 'dan'],
    preterite: ['di', 'diste', 'dio', 'dimos', 'dieron'],
  },
  {
    infinitive: 'ver',
    present: ['veo', 'ves', 've', 'vemos', 'ven'],
    preterite: ['vi', 'viste', 'vio', 'vimos', 'vieron'],
  },
  {
    infinitive: 'estar',
    present: ['estoy', 'estás', 'está', 'estamos', 'están'],
    preterite: strong('estuv'),
    subjunctive: 'est',
  },
];

/**
 * Each form, written as conjugated and also without its accents (readers often leave them out), and the infinitive
 * it stands for; a form two verbs share ("fue": "ser" and "ir") is left out, and so are forms whose stem is already
 * the infinitive's (`stem`: Snowball's).
 */
export function verbForms(stem: (word: string) => string, withoutAccents: (word: string) => string): Map<string, string> {
  const found = new Map<string, string | null>();
  const add = (form: string, infinitive: string) => {
    const seen = found.get(form);
    found.set(form, seen === undefined || seen === infinitive ? infinitive : null);
  };
  for (const verb of [...RULED, ...IRREGULAR]) {
    const base = stem(verb.infinitive);
    for (const form of conjugate(verb)) {
      if (form === verb.infinitive || stem(form) === base) continue;
      add(form, verb.infinitive);
    }
  }
  const forms = new Map<string, string>();
  for (const [form, infinitive] of found) if (infinitive) forms.set(form, infinitive);
  // The same without accents ("olvide" for "olvidé"), unless that is another form or stands for two verbs.
  const plain = new Map<string, string | null>();
  for (const [form, infinitive] of forms) {
    const bare = withoutAccents(form);
    if (bare === form || found.has(bare)) continue;
    const seen = plain.get(bare);
    plain.set(bare, seen === undefined || seen === infinitive ? infinitive : null);
  }
  for (const [bare, infinitive] of plain) if (infinitive) forms.set(bare, infinitive);
  return forms;
}
