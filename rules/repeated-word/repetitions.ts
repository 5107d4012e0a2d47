import type { Nodes } from "mdast";
import { visitNodes } from "../../src/parse/tree.js";
import { words } from "../../src/text/words.js";

/** The same word written twice in a row, with the offsets of both copies. */
export interface Repetition {
  word: string;
  /** Start of the first copy and end of the second, in the document's text. */
  start: number;
  end: number;
  /** End of the first copy: removing `[firstEnd, end)` keeps one copy. */
  firstEnd: number;
}

/**
 * Scripts written without spaces between words (Chinese, Japanese, Thai…): a word segmenter's
 * guess at word boundaries there makes grammatical reduplication (`人人`, `時々`, `ゆっくりゆっくり`)
 * look like a slip, so their words are never compared.
 */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Only spaces between the copies: a line break inside a paragraph counts, with a block quote's `>` after it. */
const SPACE_BETWEEN = /^[ \t\u00a0]*(?:\r?\n[ \t>]*)?$/;
/** What may stand between the copies of a repetition made on purpose (`very, very`; `no… no`). */
const PAUSE_BETWEEN = /^[\s,;:!?…—–-]+$/;

/**
 * Runs of plain text a reader reads without a break of markup: each text node. Emphasis, a link,
 * inline code or HTML between two words ends a run, so `**o** o` (a term and its use) is not a
 * repetition; text inside a link's label is a run of its own.
 */
function textRuns(nodes: readonly Nodes[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  visitNodes(nodes, (node) => {
    if (node.type === "text" && node.position) runs.push([node.position.start.offset!, node.position.end.offset!]);
  });
  return runs;
}

/**
 * A capital letter inside a sentence followed by the same letter in lower case (`de A a Z`,
 * `from A a…`) is a name and a word; at the start of a sentence (`O o arquivo`) it is a slip.
 */
function letterAndName(a: string, b: string, before: string): boolean {
  return a.length === 1 && a !== b && /[\p{L}\p{N},;]\s*$/u.test(before);
}

const sameWord = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
/** One word twice, inflected or not (`unknown unknowns`): what a source repeats on purpose. */
const sameStem = (a: string, b: string) => {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x.length >= 3 && y.length >= 3 && (x.startsWith(y) || y.startsWith(x));
};

/** A copy that is part of a compound (`nome e e-mail`): the segmenter splits it, a reader does not. */
function inCompound(run: string, start: number, end: number): boolean {
  return /[-'’]$/.test(run.slice(0, start)) || /^[-'’]\p{L}/u.test(run.slice(end));
}

/**
 * Words written twice in a row in a segment's text runs, left to right. With `pauses`, copies
 * with a comma or a dash between them, or inflected (`unknown unknowns`), count too: a source that
 * repeats a word so does it on purpose.
 */
export function repetitionsIn(nodes: readonly Nodes[], text: string, language: string | undefined, pauses = false): Repetition[] {
  const found: Repetition[] = [];
  for (const [start, end] of textRuns(nodes)) {
    const run = text.slice(start, end);
    const list = words(run, language);
    for (let i = 1; i < list.length; i++) {
      const [a, b] = [list[i - 1], list[i]];
      if (!(pauses ? sameStem : sameWord)(a.text, b.text) || !/\p{L}/u.test(a.text) || UNSPACED_SCRIPT.test(a.text)) continue;
      if (letterAndName(a.text, b.text, run.slice(0, a.index))) continue;
      if (inCompound(run, a.index, b.index + b.text.length)) continue;
      const firstEnd = a.index + a.text.length;
      const between = run.slice(firstEnd, b.index);
      if (between.length === 0 || !(pauses ? PAUSE_BETWEEN : SPACE_BETWEEN).test(between)) continue;
      found.push({ word: b.text, start: start + a.index, end: start + b.index + b.text.length, firstEnd: start + firstEnd });
    }
  }
  return found;
}
