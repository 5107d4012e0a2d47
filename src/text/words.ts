import { segmenterFor } from "./segmenter.js";

/** A word of a text, with its offset in the string it was taken from. */
export interface Word {
  text: string;
  index: number;
}

/** Bidirectional controls (LRM, RLM, embeddings, isolates) are invisible and never part of a word. */
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/g;

/**
 * The words of a text, by Unicode rules: Chinese and Japanese are split by dictionary (there are
 * no spaces to split on), Arabic and Hebrew keep their letters whatever their display direction,
 * and a word with diacritics stays one word even when they are written as combining marks.
 * Numbers count as words; punctuation and spaces do not.
 */
export function words(text: string, language?: string): Word[] {
  const cleaned = text.replace(BIDI_CONTROLS, " ");
  const out: Word[] = [];
  for (const part of segmenterFor(language, "word").segment(cleaned)) {
    if (part.isWordLike) out.push({ text: part.segment.normalize("NFC"), index: part.index });
  }
  return out;
}

/** Words that contain a letter: numbers and version strings left out. */
export function letterWords(text: string, language?: string): Word[] {
  return words(text, language).filter((w) => /\p{L}/u.test(w.text));
}

export type Script = "latin" | "cjk" | "arabic" | "hebrew" | "cyrillic" | "greek" | "indic" | "other";

const SCRIPTS: Array<[Script, RegExp]> = [
  ["latin", /\p{Script=Latin}/u],
  ["cjk", /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u],
  ["arabic", /\p{Script=Arabic}/u],
  ["hebrew", /\p{Script=Hebrew}/u],
  ["cyrillic", /\p{Script=Cyrillic}/u],
  ["greek", /\p{Script=Greek}/u],
  ["indic", /[\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Gujarati}\p{Script=Gurmukhi}]/u],
];

/** The script most of a text's letters are written in, or undefined when it has no letters. */
export function dominantScript(text: string): Script | undefined {
  const counts = new Map<Script, number>();
  for (const char of text) {
    if (!/\p{L}/u.test(char)) continue;
    const script = SCRIPTS.find(([, pattern]) => pattern.test(char))?.[0] ?? "other";
    counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  let best: Script | undefined;
  let bestCount = 0;
  for (const [script, count] of counts) {
    if (count > bestCount) {
      best = script;
      bestCount = count;
    }
  }
  return best;
}

const RTL_LANGUAGES = new Set(["ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb", "sd", "ug"]);

/** Whether a language (BCP 47 tag) is written right to left. */
export function isRightToLeft(language: string | undefined): boolean {
  return language !== undefined && RTL_LANGUAGES.has(language.toLowerCase().split(/[-_]/)[0]);
}

/** Folds case and strips diacritics, so that `Ação` and `acao` compare equal. */
export function foldWord(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}
