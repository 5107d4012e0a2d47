import { foldWord, words, type Word } from "./words.js";
import { primaryLanguage } from "./language.js";

/**
 * Finding a glossary phrase in prose. The two sides are matched differently on purpose:
 *
 * - In the source, a term is found strictly: its words in order, any case, the last word in its
 *   plural or possessive (`pull requests`, `commit's`). A looser match there would demand a
 *   translation for words the glossary does not name (`tracing` is not `trace`).
 * - In the translation, an allowed form is found leniently: every word may take its language's
 *   plural or case endings (`solicitudes de incorporación`, `coletores`, `Spans`), or drop them
 *   when the glossary wrote a plural; it may sit in a compound (`autoinstrumentação`) or be
 *   derived from the same stem (`rastrear` for `rastro`). Leniency here can only hide a finding,
 *   never make one.
 *
 * Phrases written in Chinese, Japanese or Korean are found as substrings: those scripts put no
 * spaces between words (and Korean attaches particles to them).
 */

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** What may stand between two words of one phrase: spaces, a line break, a hyphen. */
const WORD_GAP = /^[\s\-‐‑]+$/u;

/** Endings a word may add to its dictionary form, by language: plurals, and German cases. */
const ADDED_ENDINGS: Record<string, string[]> = {
  en: ["s", "es"],
  pt: ["s", "es"],
  es: ["s", "es"],
  fr: ["s", "x"],
  it: [],
  de: ["s", "e", "n", "en", "er", "es", "ern", "ns"],
  nl: ["s", "en"],
};
const DEFAULT_ENDINGS = ["s", "es"];

/** Endings a plural replaces (`ação` → `ações`, `funcional` → `funcionais`, `oggetto` → `oggetti`), folded. */
const REPLACED_ENDINGS: Record<string, Array<[string, string[]]>> = {
  en: [["y", ["ies"]]],
  pt: [["ao", ["oes", "aes", "aos"]], ["al", ["ais"]], ["el", ["eis"]], ["ol", ["ois"]], ["ul", ["uis"]], ["il", ["is", "eis"]], ["m", ["ns"]]],
  es: [["z", ["ces"]]],
  fr: [["al", ["aux"]], ["ail", ["aux"]], ["eau", ["eaux"]]],
  it: [["o", ["i"]], ["a", ["e", "i"]], ["e", ["i"]], ["co", ["chi", "ci"]], ["ca", ["che"]], ["go", ["ghi"]], ["ga", ["ghe"]]],
};

/** Elided articles and pronouns written onto the next word: French `l'état`, Italian `dell'oggetto`. */
const ELISION = /^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|dell|dall|nell|sull|all|un|quell)['’]/iu;

/** The word's spellings to compare: as written, without an elided article, without a possessive. */
function spellings(word: string): string[] {
  const folded = foldWord(word);
  const out = [folded];
  const elided = folded.replace(ELISION, "");
  if (elided !== folded) out.push(elided);
  const possessive = folded.match(/^(.+?)['’]s?$/u);
  if (possessive) out.push(possessive[1]);
  return out;
}

function inflects(written: string, base: string, language: string, lastWordOnly: boolean, isLast: boolean): boolean {
  if (written === base) return true;
  if (lastWordOnly && !isLast) return false;
  const added = ADDED_ENDINGS[language] ?? DEFAULT_ENDINGS;
  if (written.startsWith(base) && added.includes(written.slice(base.length))) return true;
  for (const [ending, plurals] of REPLACED_ENDINGS[language] ?? []) {
    if (!base.endsWith(ending)) continue;
    const stem = base.slice(0, base.length - ending.length);
    if (plurals.some((plural) => written === stem + plural)) return true;
  }
  return false;
}

/**
 * A compound that holds the word: a prefix before it (`autoinstrumentação`, `subtrecho`), or in
 * German a word on either side (`Spankontext`, `Datenspan`).
 */
function inCompound(written: string, base: string, language: string): boolean {
  if (base.length < 4) return false;
  if (language === "de" && written.startsWith(base)) return true;
  for (let cut = 1; written.length - cut >= base.length; cut++) {
    if (inflects(written.slice(cut), base, language, false, true)) return true;
  }
  return false;
}

/**
 * The same stem, as a derived word has it: a verb beside its noun (`amostrando` / `amostragem`,
 * `rastrear` / `rastro`, `instrumentar` / `instrumentación`), or the whole word with a suffix
 * (`trazado` / `traza`). Only long enough words share one.
 */
function sameStem(written: string, base: string): boolean {
  if (base.length >= 5 && written.startsWith(base)) return true;
  if (base.length < 6) return false;
  let common = 0;
  while (common < written.length && written[common] === base[common]) common++;
  return common >= Math.max(5, base.length - 4);
}

/** A word and an allowed form's word are one: either may be the other inflected (the glossary may write a plural). */
function inflectedEitherWay(written: string, base: string, language: string): boolean {
  return inflects(written, base, language, false, true) || inflects(base, written, language, false, true);
}

/** A translation's word renders an allowed form's word: inflected either way, in a compound, or derived. */
function rendersWord(written: string, base: string, language: string): boolean {
  return inflectedEitherWay(written, base, language) || inCompound(written, base, language) || sameStem(written, base);
}

/** How a phrase is looked for: which side's rules apply, and in which language. */
export interface MatchMode {
  /** Primary language tag of the text searched (`pt`, `de`, `ja`). */
  language: string;
  /** True for the source: only the last word inflects, and only as the language's plural. */
  strict: boolean;
  /**
   * For the translation: its words may inflect but sit in no compound and share no mere stem, so
   * that two allowed forms one derives from the other (`branch`, `branche`) are told apart.
   */
  inflectedOnly?: boolean;
}

function wordMatches(written: Word, base: string, mode: MatchMode, isLast: boolean): boolean {
  return spellings(written.text).some((spelling) =>
    mode.strict ? inflects(spelling, base, mode.language, true, isLast) : mode.inflectedOnly ? inflectedEitherWay(spelling, base, mode.language) : rendersWord(spelling, base, mode.language),
  );
}

/** Joins that make words part of a name or an identifier: `otel-semantic-conventions`, `#trace`, `span_id`, `sdk/trace`. */
const IDENTIFIER_JOIN_BEFORE = /[\p{L}\p{N}][-_/.]$|[#@]$/u;
const IDENTIFIER_JOIN_AFTER = /^[-_/.][\p{L}\p{N}]/u;

/** A source occurrence inside a compound or an identifier is not the glossary's word on its own. */
function isJoined(text: string, start: number, end: number): boolean {
  return IDENTIFIER_JOIN_BEFORE.test(text.slice(Math.max(0, start - 2), start)) || IDENTIFIER_JOIN_AFTER.test(text.slice(end, end + 2));
}

/**
 * English words after which a glossary noun is a verb of the same spelling: `to trace a call`,
 * `must not span locales`. Glossaries name things; the verb is another word.
 */
const ENGLISH_VERB_MARKERS = new Set(["to", "not", "can", "cannot", "could", "may", "might", "must", "shall", "should", "will", "would", "do", "does", "did"]);

function isEnglishVerb(text: string, found: Word[], at: number): boolean {
  const previous = found[at - 1];
  if (!previous || !/^\s+$/.test(text.slice(previous.index + previous.text.length, found[at].index))) return false;
  const word = previous.text.toLowerCase().replace(/’/g, "'");
  return ENGLISH_VERB_MARKERS.has(word) || word.endsWith("n't");
}

/** Where a phrase occurs in a text. */
export interface Hit {
  start: number;
  end: number;
}

/** The occurrences of a phrase in a text, not overlapping. */
export function findPhrase(text: string, phrase: string, mode: MatchMode): Hit[] {
  if (CJK.test(phrase)) return findSubstring(text.toLowerCase(), phrase.toLowerCase());
  const wanted = words(phrase, mode.language).map((w) => foldWord(w.text));
  if (wanted.length === 0) return [];
  const found = words(text, mode.language);
  const hits: Hit[] = [];
  for (let i = 0; i + wanted.length <= found.length; i++) {
    if (!matchesAt(text, found, i, wanted, mode)) continue;
    const last = found[i + wanted.length - 1];
    const hit = { start: found[i].index, end: last.index + last.text.length };
    if (mode.strict && isJoined(text, hit.start, hit.end)) continue;
    if (mode.strict && mode.language === "en" && isEnglishVerb(text, found, i)) continue;
    hits.push(hit);
    i += wanted.length - 1;
  }
  return hits;
}

function matchesAt(text: string, found: Word[], at: number, wanted: string[], mode: MatchMode): boolean {
  for (let k = 0; k < wanted.length; k++) {
    const written = found[at + k];
    if (!wordMatches(written, wanted[k], mode, k === wanted.length - 1)) return false;
    if (k > 0) {
      const previous = found[at + k - 1];
      if (!WORD_GAP.test(text.slice(previous.index + previous.text.length, written.index))) return false;
    }
  }
  return true;
}

function findSubstring(text: string, phrase: string): Hit[] {
  const hits: Hit[] = [];
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + phrase.length)) hits.push({ start: at, end: at + phrase.length });
  return hits;
}

/** The primary tag a matcher uses for a document language; English when it is not known. */
export function matchLanguage(tag: string | undefined): string {
  return tag ? primaryLanguage(tag) : "en";
}
