import { franc, francAll } from "franc-min";
import { primaryLanguage } from "./language.js";

/**
 * Deciding between two known languages, on text as short as a sentence. General-purpose
 * identifiers guess among dozens of languages and are unreliable below a paragraph; here the
 * question is only "is this still the source language or already the target one?", which
 * function words (for languages written in Latin script) and the script itself (for the others)
 * answer well even on a dozen words.
 */

/** Function words: frequent, short, and rarely borrowed, unlike nouns or technical terms. */
const FUNCTION_WORDS: Record<string, string> = {
  en: "the of and to in is that for it with as was on are by this be from at or an have has had which were not but they their its we our you your can will would should could been into than then there these those what when where who whom how also about only such more most other some any each both after before while because through between under over very just being does did do done here them he she his her these its itself",
  pt: "o a os as e é de do da dos das em no na nos nas um uma uns umas para com não por pelo pela pelos pelas que se mais como mas foi ser são está estão também seu sua seus suas ao aos à às ou quando muito já há isso isto esse essa este esta nós eles elas ele ela sobre entre até depois antes onde qual quais porque pois cada outro outra outros outras mesmo ainda tem têm foram será seria pode podem",
  es: "a o de del la las el los en un una unos unas para con no por que se más como pero fue ser son está están también su sus al lo le les o cuando muy ya hay eso esto ese esa este esta nosotros ellos ellas él ella sobre entre hasta después antes donde cual cuales porque cada otro otra otros otras mismo todavía tiene tienen fueron será sería puede pueden y",
  fr: "à et de du des la le les un une pour avec ne pas par que qui se plus comme mais été être sont est aussi son sa ses au aux ou quand très déjà il elle ils elles nous vous sur entre jusqu après avant où dont quel quelle parce chaque autre autres même encore a ont était sera peut peuvent et dans ce cette ces leur leurs",
  de: "der die das den dem des ein eine einen einem einer und zu mit nicht von für auf ist sind war waren wird werden wurde auch sich als wie aber oder wenn sehr schon es sie wir ihr ihre sein seine über zwischen bis nach vor wo welche weil jede jeder andere noch hat haben kann können dass im am zum zur",
  it: "a e i o di del della dei delle il lo la gli le un una per con non da che si più come ma è sono era anche suo sua suoi al alla ai o quando molto già ci noi loro lui lei su tra fino dopo prima dove quale perché ogni altro altra altri ancora ha hanno può possono nel nella e",
  tr: "ve bir bu da de ile için olarak olan gibi daha çok en ama ya veya ki ne her değil var yok kadar sonra önce olan olduğu olarak ise hem şu bunu bunun onun onlar biz siz mi mı mu mü",
  ro: "de la în și cu pe un o pentru că nu se mai ca dar a fost este sunt sau când foarte deja noi ei ele el ea despre între până după înainte unde care fiecare alt alte încă are au poate pot din",
  nl: "de het een en van in is dat voor met op niet zijn was werd ook als maar of wanneer zeer al wij zij hij ze over tussen tot na voor waar welke omdat elke andere nog heeft hebben kan kunnen door bij",
  pl: "i w na z się nie do że to jest jak ale o po od przez dla są był była było tak już także lub gdy bardzo my oni one on ona jego jej ich między przed gdzie który która które każdy inny jeszcze ma mają może mogą",
};

/** ISO 639-3 codes for franc, for languages the profiles above do not cover. */
const FRANC_CODES: Record<string, string> = {
  en: "eng", pt: "por", es: "spa", fr: "fra", de: "deu", it: "ita", tr: "tur", ro: "ron", nl: "nld", pl: "pol",
  cs: "ces", sv: "swe", da: "dan", nb: "nob", no: "nob", fi: "fin", hu: "hun", id: "ind", vi: "vie", ca: "cat",
};

/** Letters of scripts other than Latin; a target written in one of them is told apart by script. */
const SCRIPTS: Record<string, RegExp> = {
  zh: /\p{Script=Han}/gu,
  ja: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu,
  ko: /[\p{Script=Hangul}\p{Script=Han}]/gu,
  ar: /\p{Script=Arabic}/gu,
  fa: /\p{Script=Arabic}/gu,
  he: /\p{Script=Hebrew}/gu,
  ru: /\p{Script=Cyrillic}/gu,
  uk: /\p{Script=Cyrillic}/gu,
  bg: /\p{Script=Cyrillic}/gu,
  el: /\p{Script=Greek}/gu,
  bn: /\p{Script=Bengali}/gu,
  hi: /\p{Script=Devanagari}/gu,
  th: /\p{Script=Thai}/gu,
};


const profileCache = new Map<string, Set<string>>();

function profile(language: string): Set<string> | undefined {
  const words = FUNCTION_WORDS[language];
  if (!words) return undefined;
  let set = profileCache.get(language);
  if (!set) {
    set = new Set(words.split(/\s+/));
    profileCache.set(language, set);
  }
  return set;
}

export type LanguageVerdict = "source" | "target" | undefined;

export interface LanguageEvidence {
  verdict: LanguageVerdict;
  /** Words counted, for callers that want a minimum amount of text. */
  words: number;
  /** Function words of each language found (only for Latin-script pairs with profiles). */
  sourceHits: number;
  targetHits: number;
}

export function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}[\p{L}\p{M}'’]*/gu) ?? []).map((w) => w.replace(/['’].*$/, ""));
}

/** Counts the function words of one language among `words`, leaving out those the other shares. */
function hits(words: string[], own: Set<string> | undefined, other: Set<string> | undefined): number {
  if (!own) return 0;
  return words.filter((w) => own.has(w) && !other?.has(w)).length;
}

function byScript(text: string, target: RegExp, words: string[], sourceWords: Set<string> | undefined): LanguageEvidence {
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  const inTarget = (text.match(target) ?? []).length;
  const latin = (text.match(/\p{Script=Latin}/gu) ?? []).length;
  const sourceHits = hits(words, sourceWords, undefined);
  let verdict: LanguageVerdict;
  if (letters > 0 && inTarget / letters >= 0.2) verdict = "target";
  // Latin letters alone could be a list of names or titles; sentences also have function words.
  else if (letters > 0 && inTarget === 0 && latin / letters >= 0.95 && (!sourceWords || sourceHits >= 2)) verdict = "source";
  return { verdict, words: words.length, sourceHits, targetHits: inTarget > 0 ? 1 : 0 };
}

/**
 * Which of two languages `text` is written in, or undefined when the text does not say clearly.
 * Decisions lean towards "undefined": a wrong "source" verdict would accuse a good translation.
 */
export function identifyLanguage(text: string, languages: { source: string; target: string }): LanguageEvidence {
  const source = primaryLanguage(languages.source);
  const target = primaryLanguage(languages.target);
  const words = wordsOf(text);
  const sourceWords = profile(source);
  const script = SCRIPTS[target];
  if (script && !SCRIPTS[source]) return byScript(text, script, words, sourceWords);

  const targetWords = profile(target);
  if (sourceWords && targetWords) {
    // A word both languages use ("a", "no", "as", "de") says nothing.
    const sourceHits = hits(words, sourceWords, targetWords);
    const targetHits = hits(words, targetWords, sourceWords);
    let verdict: LanguageVerdict;
    if (sourceHits >= 3 && sourceHits >= 5 * targetHits && sourceHits >= words.length * 0.15) verdict = "source";
    else if (targetHits >= 2 && targetHits >= 2 * sourceHits) verdict = "target";
    return { verdict, words: words.length, sourceHits, targetHits };
  }

  const codes = [FRANC_CODES[source], FRANC_CODES[target]];
  if (!codes[0] || !codes[1] || words.length < 8) return { verdict: undefined, words: words.length, sourceHits: 0, targetHits: 0 };
  const ranked = francAll(text, { only: codes as string[], minLength: 20 });
  let verdict: LanguageVerdict;
  // franc scores the best language 1 and others relatively; only a clear gap is trusted.
  if (ranked.length === 2 && ranked[1][1] < 0.8) verdict = ranked[0][0] === codes[0] ? "source" : "target";
  return { verdict, words: words.length, sourceHits: 0, targetHits: 0 };
}

/** Whether function words of this language are known (so their absence means something). */
export function hasFunctionWords(language: string): boolean {
  return primaryLanguage(language) in FUNCTION_WORDS;
}

/** Whether the language is written in a script other than Latin (told apart by script). */
export function usesOwnScript(language: string): boolean {
  return primaryLanguage(language) in SCRIPTS;
}

/** Two-letter tags of the ISO 639-3 codes franc returns, for the languages documentation is translated into. */
const TWO_LETTER: Record<string, string> = {
  por: "pt", eng: "en", spa: "es", fra: "fr", deu: "de", tur: "tr", ita: "it", nld: "nl", pol: "pl", ron: "ro",
  ukr: "uk", rus: "ru", bul: "bg", swe: "sv", ces: "cs", hun: "hu", cat: "ca", ben: "bn", hin: "hi", arb: "ar",
  pes: "fa", vie: "vi", ind: "id", tha: "th", ell: "el", heb: "he", fin: "fi", dan: "da", nob: "nb", slk: "sk",
};

/** Letters of a script in a text. */
const count = (text: string, script: RegExp) => (text.match(script) ?? []).length;

/**
 * The language a text is written in, for a translation whose path, front matter and
 * configuration do not say: Japanese by its kana (Chinese has none), Korean by Hangul, Chinese by
 * Han characters alone; other languages by franc's trigram models, on a paragraph or more (200
 * letters) and only when it names a language documentation is translated into.
 */
export function languageOfText(text: string): string | undefined {
  const letters = count(text, /\p{L}/gu);
  if (letters === 0) return undefined;
  const kana = count(text, /[\p{Script=Hiragana}\p{Script=Katakana}]/gu);
  const hangul = count(text, /\p{Script=Hangul}/gu);
  const han = count(text, /\p{Script=Han}/gu);
  // A few CJK characters in Latin prose are quoted names; a translation has them throughout.
  if ((kana + hangul + han) / letters >= 0.3) {
    if (hangul > kana && hangul > han) return "ko";
    return kana >= 0.05 * (kana + han) ? "ja" : "zh";
  }
  if (letters < 200) return undefined;
  return TWO_LETTER[franc(text, { minLength: 200 })];
}
