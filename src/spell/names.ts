import type { Word } from "./words.js";

/**
 * Acronyms, and brands with inner capitals or dots (`PyTorch`, `dair.ai`), are spelt by their
 * owners; a capitalised word may be a name or a common word opening a sentence or a title.
 */
export function shapeOf(word: string): "acronym" | "brand" | "capitalised" | "plain" {
  const letters = word.replace(/[^\p{L}]/gu, "");
  if (letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return "acronym";
  if (/\p{Lu}/u.test(word.slice(1)) || word.includes(".")) return "brand";
  return /^\p{Lu}/u.test(word) ? "capitalised" : "plain";
}

/**
 * True when the word opens a sentence: nothing but markup (`*`, `_`, `[`, `#`, quotes) stands
 * between it and its block's start (`from`, an offset into `text`) or the end of a sentence. A capital there says
 * nothing about the word; elsewhere it marks a name.
 */
function opensSentence(word: Word, text: string, from: number): boolean {
  // Walks back over the markup from the word, rather than slicing the text before it and trimming
  // its end with a regular expression: that cost grew with the square of a block's length.
  let at = word.start;
  while (at > from && MARKUP_BEFORE_WORD.test(text[at - 1])) at--;
  return at === from || SENTENCE_END.test(text[at - 1]);
}

const MARKUP_BEFORE_WORD = /[\s*_[\]#>"'“‘(-]/u;
const SENTENCE_END = /[.!?:;。！？：]/u;

/**
 * Whether a word of a source text is a name, a product or an identifier rather than a word of the
 * source language: shaped like one (`PyTorch`, `dair.ai`, `GPU`), or capitalised and either
 * unknown to the source language's dictionary in lower case (`Madsen`) or where no sentence
 * begins (`Android` in "runs on Android"). Such a word is copied, not translated, so a
 * translation's near miss of it can only be a slip.
 */
export function isSourceName(word: Word, block: { text: string; start: number }, isSourceWord: ((word: string) => boolean) | undefined): boolean {
  const shape = shapeOf(word.text);
  if (shape === "acronym" || shape === "brand") return true;
  if (shape !== "capitalised") return false;
  // A lower-case word no dictionary knows is jargon (`submodule`), which translations inflect.
  return (isSourceWord !== undefined && !isSourceWord(word.text.toLowerCase())) || !opensSentence(word, block.text, block.start);
}
