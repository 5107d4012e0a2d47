import type { Speller } from "../core/rule.js";
import { ACUTE, isRegularDerivation } from "./derivation.js";
import { isTurkishApostropheForm, isTurkishSuffixChain } from "./turkish.js";

/**
 * Correct spellings a language's Hunspell dictionary does not list, though they follow from the
 * words it does by a rule of the language, with no doubt:
 *
 * - Spanish enclitic pronouns: `configurarlo`, `mantenlas`, `configúralo`, `dándoselo`.
 * - French capitals without their accent (`Etapes`): French typography allows them.
 * - French reformed spelling of 1990, which drops the circumflex on i and u (`chaine`,
 *   `entrainer`); the packaged dictionary is the classic one. (Its è for é before a silent
 *   syllable, `évènement`, is not taken: an è for é elsewhere, `rèseau`, is a slip.)
 * - Turkish suffix chains on a known word (`derlemleri`), see `turkish.ts`. (Compounds written as
 *   one word, `altyazı`, are not taken: a slip can leave two short words, `kul` + `anarak`.)
 */
export function withLanguageForms(speller: Speller, language: string): Speller {
  const primary = language.toLowerCase().split("-")[0];
  const form = FORMS[primary];
  if (!form) return speller;
  const known = new Map<string, boolean>();
  const correct = (word: string) => {
    if (speller.correct(word)) return true;
    let answer = known.get(word);
    if (answer === undefined) known.set(word, (answer = form(word, speller.correct, language)));
    return answer;
  };
  return { ...speller, correct };
}

type FormRule = (word: string, correct: (w: string) => boolean, language: string) => boolean;

const FORMS: Record<string, FormRule> = {
  es: (word, correct, language) => withEnclitics(word, (base) => correct(base) || isRegularDerivation(base, language, correct)),
  fr: (word, correct) => withUnaccentedCapital(word, correct) || reformedSpelling(word, correct),
  tr: (word, correct) => {
    const lower = word.toLocaleLowerCase("tr");
    return isTurkishSuffixChain(lower, correct) || isTurkishApostropheForm(word, correct);
  },
};

/** Spanish pronouns written after an infinitive, a gerund or an imperative, one or two of them. */
const ENCLITICS = ["nos", "los", "las", "les", "lo", "la", "le", "se", "me", "te", "os"];

/** The one-syllable imperatives: a short word before a pronoun is otherwise no verb (`to` + `los`). */
const SHORT_IMPERATIVES = new Set(["di", "haz", "pon", "sal", "ten", "ven", "ve", "da"]);

const PLAIN: Record<string, string> = { á: "a", é: "e", í: "i", ó: "o", ú: "u" };
const withoutAcute = (text: string) => text.replace(/[áéíóú]/g, (c) => PLAIN[c]);
const vowelCount = (text: string) => (text.match(/[aeiouáéíóú]/g) ?? []).length;

/** `text` with an acute accent on its last vowel: `manten` → `mantén`. */
function acuteOnLastVowel(text: string): string {
  const at = text.search(/[aeiou][^aeiou]*$/);
  return at < 0 ? text : text.slice(0, at) + ACUTE[text[at]] + text.slice(at + 1);
}

/**
 * Whether `word` (lower case is enough) is a verb form with enclitic pronouns. The accent follows
 * the stress: an infinitive with one pronoun has none (`configurarlo`), with two it has one
 * (`configurárselo`); a gerund or a longer imperative gains one (`configurándolo`, `configúralo`);
 * a stressed last syllable loses it (`mantén` → `mantenlas`). A form that breaks the rule
 * (`configurandolo`) is no such form.
 */
function withEnclitics(word: string, isVerbForm: (base: string) => boolean): boolean {
  const lower = word.toLowerCase();
  for (const first of ENCLITICS) {
    if (!lower.endsWith(first)) continue;
    const rest = lower.slice(0, -first.length);
    if (baseTakes(rest, 1, isVerbForm)) return true;
    for (const second of ["se", "me", "te", "nos", "os"]) {
      if (rest.endsWith(second) && baseTakes(rest.slice(0, -second.length), 2, isVerbForm)) return true;
    }
  }
  return false;
}

function baseTakes(base: string, pronouns: number, isVerbForm: (base: string) => boolean): boolean {
  if (base.length < 2) return false;
  const accents = (base.match(/[áéíóú]/g) ?? []).length;
  const plain = withoutAcute(base);
  if (/[aeií]r$/.test(base)) {
    // An infinitive: plain with one pronoun, stressed on its ending with two (`oír` keeps its own).
    return pronouns === 1 ? accents === 0 && isVerbForm(base) : /[áéí]r$/.test(base) && isVerbForm(plain);
  }
  if (accents === 1) return /[aeiou]/.test(plain) && isVerbForm(plain) && vowelCount(base) >= 2;
  // Unaccented: a one-syllable imperative (`ponlo`, `dime`) or one that lost the accent on its last syllable (`mantenlas`).
  return accents === 0 && (SHORT_IMPERATIVES.has(base) || (vowelCount(base) >= 2 && /[aeiou][ns]?$/.test(base) && isVerbForm(acuteOnLastVowel(base))));
}

/** Capitals that French may write without their accent. */
const ACCENTED_CAPITALS: Record<string, string[]> = { E: ["É", "È", "Ê"], A: ["À", "Â"], I: ["Î"], O: ["Ô"], U: ["Ù", "Û"], C: ["Ç"] };

/** `Etapes` for `Étapes`: only the capital lacks its accent; the rest of the word is as the dictionary has it. */
function withUnaccentedCapital(word: string, correct: (w: string) => boolean): boolean {
  return (ACCENTED_CAPITALS[word[0]] ?? []).some((capital) => correct(capital + word.slice(1)));
}

/**
 * The 1990 reform's spelling of a word the dictionary has in the classic one: a circumflex on i
 * or u dropped at one place (`chaine`, `entrainer`, `connaitre`). Where the reform keeps it
 * (`mûr`, `jeûne`), the word without it is another word anyway.
 */
function reformedSpelling(word: string, correct: (w: string) => boolean): boolean {
  const letters = [...word];
  return letters.some((letter, at) => {
    const classic = ({ i: "î", u: "û" } as Record<string, string>)[letter];
    return classic !== undefined && correct([...letters.slice(0, at), classic, ...letters.slice(at + 1)].join(""));
  });
}
