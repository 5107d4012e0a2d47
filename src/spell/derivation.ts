/**
 * How a language builds new words from those its dictionary knows. Documentation coins words
 * the way speakers do (`desduplicação`, `reacessa`, `arrastável`, `mutando` beside `mutação`),
 * and no dictionary lists them all: such a word is the writer's choice, not a slip.
 */
interface Morphology {
  /** Prefixes that attach to almost any word (`des-`, `re-`, `sub-`). */
  prefixes: string[];
  /**
   * Letters a prefix ending in a vowel doubles (`co` + `rotina` → `corrotina` in Portuguese,
   * `pre` + `requisito` → `prerrequisito` in Spanish), so that they keep their sound.
   */
  doubledAfterVowel: string;
  /** Ending of the coined word → endings of the dictionary word it is built on, on the same stem. */
  suffixes: Array<[ending: string, from: string[]]>;
  /** Whether a derivation may move the stress, so that the base word's written accent goes (`anónimo` → `anonimizar`). */
  stressMoves?: boolean;
  /**
   * Verbs made of a prefix, a noun's stem and a verb ending at once (`en` + `ruta` + `ar` →
   * `enrutar`, `em` + `paquete` + `ar` → `empaquetar`): no half of them is a word on its own.
   */
  parasynthetic?: { prefixes: string[]; verbEndings: string[]; nounEndings: string[] };
}

const PT_VERB_FORMS = ["ar", "a", "as", "am", "ando", "ado", "ada", "ados", "adas", "ou", "aram", "ava", "avam", "amos", "ará", "arão", "aria"];
const ES_VERB_FORMS = ["ar", "a", "as", "an", "ando", "ado", "ada", "ados", "adas", "ó", "aron", "aba", "aban", "amos", "ará", "arán", "aría"];
const FR_VERB_FORMS = ["er", "e", "es", "ent", "é", "ée", "és", "ées", "ons", "ez", "ait", "aient", "era", "eront", "ant"];

/**
 * Spanish forms a verb in `-ear` and its action noun in `-eo` take. Spanish coins such verbs from
 * nouns (`monitor` → `monitorear`, `monitoreo`; `muestra` → `muestrear`, `muestreo`).
 */
const ES_EAR_FORMS = ["ear", "eando", "eado", "eada", "eados", "eadas", "eó", "earon", "eaba", "eaban", "eamos", "eará", "earán", "earía", "ean", "een", "eo", "eos"];

/** Endings of an agent noun (`-dor`) and of an adjective of action (`-ante`), on a verb's stem. */
const agentAndActionEndings = (agent: string[], action: Array<[ending: string, verbs: string[]]>): Array<[string, string[]]> => [
  ...["a", "e", "i"].flatMap((vowel): Array<[string, string[]]> => agent.map((ending) => [vowel + ending, [`${vowel}r`]])),
  ...action.flatMap(([ending, verbs]): Array<[string, string[]]> => [[ending, verbs], [`${ending}s`, verbs]]),
];

const MORPHOLOGY: Record<string, Morphology> = {
  pt: {
    prefixes: ["des", "re", "pré", "pre", "sub", "super", "sobre", "co", "auto", "anti", "contra", "inter", "intra", "multi", "micro", "macro", "mini", "meta", "pós", "semi", "hiper", "ultra", "pseudo", "retro", "trans", "neo", "mono", "poli", "bi", "tri", "uni", "infra", "extra"],
    doubledAfterVowel: "rs",
    suffixes: [
      ["ável", ["ar"]], ["áveis", ["ar"]], ["ível", ["er", "ir"]], ["íveis", ["er", "ir"]],
      ["ação", ["ar"]], ["ações", ["ar"]],
      // An agent noun's activity: `consultor` → `consultoria`, `mentor` → `mentoria`.
      ["oria", ["or"]], ["orias", ["or"]],
      ...PT_VERB_FORMS.map((form): [string, string[]] => [form, ["ação", "ações"]]),
      ...PT_VERB_FORMS.map((form): [string, string[]] => [form, ["ar"]]),
      ...agentAndActionEndings(["dor", "dora", "dores", "doras"], [["ante", ["ar"]], ["ente", ["er", "ir"]]]),
      ["idade", [""]], ["idades", [""]],
    ],
  },
  es: {
    prefixes: ["des", "re", "pre", "sub", "super", "sobre", "co", "auto", "anti", "contra", "inter", "intra", "multi", "micro", "macro", "mini", "meta", "pos", "post", "semi", "hiper", "ultra", "pseudo", "retro", "trans", "neo", "mono", "poli", "bi", "tri", "uni", "infra", "extra"],
    doubledAfterVowel: "r",
    suffixes: [
      ["able", ["ar"]], ["ables", ["ar"]], ["ible", ["er", "ir"]], ["ibles", ["er", "ir"]],
      ["ación", ["ar"]], ["aciones", ["ar"]],
      ["oría", ["or"]], ["orías", ["or"]],
      ...ES_VERB_FORMS.map((form): [string, string[]] => [form, ["ación", "aciones"]]),
      // `orquestar` → `orquestador`, `bloquear` → `bloqueante`, `cardinal` → `cardinalidad`.
      ...agentAndActionEndings(["dor", "dora", "dores", "doras"], [["ante", ["ar"]], ["iente", ["er", "ir"]]]),
      ["idad", [""]], ["idades", [""]],
      ...ES_EAR_FORMS.map((form): [string, string[]] => [form, ["", "a", "o", "eo"]]),
      // A verb in -izar from an adjective or noun, whose stress accent it loses: `anónimo` → `anonimizar`.
      ...["izar", "izado", "izada", "izados", "izadas", "izando", "ización"].map((form): [string, string[]] => [form, ["o", "a", "", "e"]]),
      // A regular form of a verb whose infinitive the dictionary has: `empoderar` → `empodera`.
      ...ES_VERB_FORMS.map((form): [string, string[]] => [form, ["ar"]]),
      // The plural of a word stressed on its last vowel: `caché` → `cachés`.
      ...["á", "é", "í", "ó", "ú"].map((vowel): [string, string[]] => [`${vowel}s`, [vowel]]),
    ],
    parasynthetic: { prefixes: ["en", "em"], verbEndings: ES_VERB_FORMS, nounEndings: ["a", "o", "e", ""] },
    stressMoves: true,
  },
  fr: {
    prefixes: ["dé", "dés", "re", "ré", "pré", "sous", "sur", "co", "auto", "anti", "contre", "inter", "intra", "multi", "micro", "macro", "mini", "méta", "post", "semi", "hyper", "ultra", "pseudo", "rétro", "trans", "néo", "mono", "poly", "bi", "tri", "uni", "infra", "extra"],
    doubledAfterVowel: "",
    suffixes: [
      ["able", ["er"]], ["ables", ["er"]], ["ible", ["ir", "re"]], ["ibles", ["ir", "re"]],
      ["ation", ["er"]], ["ations", ["er"]],
      ...FR_VERB_FORMS.map((form): [string, string[]] => [form, ["ation", "ations"]]),
    ],
  },
};

/** The shortest part a prefix or an ending may leave: shorter parts are known words by chance. */
const MIN_BASE = 4;
const MIN_STEM = 3;

function withPrefix(word: string, morphology: Morphology, correct: (w: string) => boolean): boolean {
  for (const prefix of morphology.prefixes) {
    if (!word.startsWith(prefix)) continue;
    const rest = word.slice(prefix.length);
    if (rest.length >= MIN_BASE && correct(rest)) return true;
    const doubled = /[aeiouéó]$/.test(prefix) && rest[0] === rest[1] && morphology.doubledAfterVowel.includes(rest[0]);
    if (doubled && rest.length - 1 >= MIN_BASE && correct(rest.slice(1))) return true;
  }
  return false;
}

export const ACUTE: Record<string, string> = { a: "á", e: "é", i: "í", o: "ó", u: "ú" };

/** `stem` with an acute accent on one of its vowels, each in turn: the base word's stressed syllable. */
function withOneAcute(stem: string): string[] {
  return [...stem].flatMap((letter, at) => (ACUTE[letter] ? [stem.slice(0, at) + ACUTE[letter] + stem.slice(at + 1)] : []));
}

function withSuffix(word: string, morphology: Morphology, correct: (w: string) => boolean): boolean {
  for (const [ending, from] of morphology.suffixes) {
    if (!word.endsWith(ending)) continue;
    const stem = word.slice(0, word.length - ending.length);
    // An i or u before a vowel may need an accent that breaks the diphthong (`envía`, `continúa`): such a form is the dictionary's to know.
    if (/[iu]$/.test(stem) && /^[aeiou]/.test(ending)) continue;
    if (stem.length < MIN_STEM) continue;
    const stems = morphology.stressMoves ? [stem, ...withOneAcute(stem)] : [stem];
    if (stems.some((s) => from.some((base) => correct(s + base)))) return true;
  }
  return false;
}

function parasynthetic(word: string, morphology: Morphology, correct: (w: string) => boolean): boolean {
  const { prefixes, verbEndings, nounEndings } = morphology.parasynthetic ?? { prefixes: [], verbEndings: [], nounEndings: [] };
  for (const prefix of prefixes.filter((p) => word.startsWith(p))) {
    for (const ending of verbEndings.filter((e) => word.endsWith(e))) {
      const stem = word.slice(prefix.length, word.length - ending.length);
      if (stem.length >= MIN_STEM && nounEndings.some((n) => correct(stem + n))) return true;
    }
  }
  return false;
}

/**
 * True when `word` (lower case) is a regular derivation of a word the dictionary knows: a
 * productive prefix before a known word, or a known word's stem with another regular ending
 * (an adjective in `-ável` from a verb in `-ar`, a verb from a noun in `-ação`), or a verb made
 * of a prefix and a noun at once (`enrutar`). Languages
 * without a table here get no such allowance.
 */
export function isRegularDerivation(word: string, language: string | undefined, correct: (w: string) => boolean): boolean {
  const morphology = language ? MORPHOLOGY[language.toLowerCase().split("-")[0]] : undefined;
  if (!morphology) return false;
  const lower = word.toLowerCase();
  return withPrefix(lower, morphology, correct) || withSuffix(lower, morphology, correct) || parasynthetic(lower, morphology, correct);
}

/** The word, lower case, with one of its letters doubled in turn: the forms `lacksDoubledLetter` accepts as its suggestion. */
export function withOneLetterDoubled(word: string): string[] {
  const lower = word.toLowerCase();
  const forms: string[] = [];
  for (let i = 1; i <= lower.length; i++) forms.push(lower.slice(0, i) + lower[i - 1] + lower.slice(i));
  return forms;
}

/**
 * `suggestion` is `word` with one of its letters doubled (`resincronizar` → `ressincronizar`):
 * the dictionary knows the derivation, and the writer dropped a letter of it.
 */
export function lacksDoubledLetter(word: string, suggestion: string): boolean {
  const short = word.toLowerCase();
  const long = suggestion.toLowerCase();
  if (long.length !== short.length + 1) return false;
  for (let i = 1; i < long.length; i++) {
    if (long[i] === long[i - 1] && long.slice(0, i) + long.slice(i + 1) === short) return true;
  }
  return false;
}
