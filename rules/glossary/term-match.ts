import { foldWord, words, type Word } from "../../src/text/words.js";
import { primaryLanguage } from "../../src/text/language.js";

/**
 * Finding a glossary phrase in prose. The two sides are matched differently on purpose:
 *
 * - In the source, a term is found strictly: its words in order, any case, the last word in its
 *   plural or possessive (`pull requests`, `commit's`). A looser match there would demand a
 *   translation for words the glossary does not name (`tracing` is not `trace`).
 * - In the translation, an allowed form is found leniently: every word may take its language's
 *   plural or case endings (`solicitudes de incorporación`, `coletores`, `Spans`). Leniency here
 *   can only hide a finding, never make one.
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

/** German writes compounds as one word: `Spankontext` and `Datenspan` both hold `span`. */
function inCompound(written: string, base: string, language: string): boolean {
  return language === "de" && base.length >= 4 && (written.startsWith(base) || written.endsWith(base));
}

/** How a phrase is looked for: which side's rules apply, and in which language. */
export interface MatchMode {
  /** Primary language tag of the text searched (`pt`, `de`, `ja`). */
  language: string;
  /** True for the source: only the last word inflects, and only as the language's plural. */
  strict: boolean;
}

function wordMatches(written: Word, base: string, mode: MatchMode, isLast: boolean): boolean {
  return spellings(written.text).some(
    (spelling) => inflects(spelling, base, mode.language, mode.strict, isLast) || (!mode.strict && inCompound(spelling, base, mode.language)),
  );
}

/** Offsets at which the phrase occurs in the text (one per occurrence, not overlapping). */
export function findPhrase(text: string, phrase: string, mode: MatchMode): number[] {
  if (CJK.test(phrase)) return findSubstring(text.toLowerCase(), phrase.toLowerCase());
  const wanted = words(phrase, mode.language).map((w) => foldWord(w.text));
  if (wanted.length === 0) return [];
  const found = words(text, mode.language);
  const hits: number[] = [];
  for (let i = 0; i + wanted.length <= found.length; i++) {
    if (matchesAt(text, found, i, wanted, mode)) {
      hits.push(found[i].index);
      i += wanted.length - 1;
    }
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

function findSubstring(text: string, phrase: string): number[] {
  const hits: number[] = [];
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + phrase.length)) hits.push(at);
  return hits;
}

/** The primary tag a matcher uses for a document language; English when it is not known. */
export function matchLanguage(tag: string | undefined): string {
  return tag ? primaryLanguage(tag) : "en";
}
