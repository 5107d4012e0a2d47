import type { Nodes } from "mdast";
import { visitNodes } from "../parse/tree.js";
import type { Segment } from "../core/types.js";
import { letterWords } from "../text/words.js";

/** A word of prose with its offsets in the text its segment lives in. */
export interface Word {
  text: string;
  start: number;
  end: number;
  /** Inside a short `*emphasis*` or `**strong**` span: how translators mark a foreign term. */
  emphasized: boolean;
}

const cache = new WeakMap<Segment, Word[]>();

/** Letters joined by `.`, `'`, `’` or `-`: keeps `dair.ai`, `fine-tuning` and `d'água` whole. */
const WORD = /[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:[.'’-][\p{L}\p{M}\p{N}]+)*/gu;

/**
 * Punctuation that may touch a word, with that of Chinese and Japanese (`。`, `、`, `「」`, full-width
 * forms), which is written without spaces; any other symbol touching a letter means the run is not plain prose.
 */
const ORDINARY = /[\s\p{L}\p{M}\p{N}!-/:-@\[-`{-~“”‘’«»„–—…¿¡·\u3000-\u303f\u30fb\uff00-\uffef]/u;

/** UTF-8 read as Latin-1 or Windows-1252: `Ã©`, `Ã³`, `Â `, `â€`. */
const LATIN1_DAMAGE = /[ÃÂ][\u0080-\u00BF]|â€/;

/**
 * True when a run of non-space characters shows encoding damage or is not prose: a symbol glued
 * to a letter, as in `edi√ß√£o` (Mac OS Roman) or `ediÃ§Ã£o` (Latin-1). Such a run is skipped
 * whole, so its pieces are not taken for words.
 */
export function isDamagedRun(run: string): boolean {
  if (LATIN1_DAMAGE.test(run)) return true;
  const chars = [...run];
  for (let i = 0; i < chars.length; i++) {
    if (ORDINARY.test(chars[i])) continue;
    const touchesLetter = /\p{L}/u.test(chars[i - 1] ?? "") || /\p{L}/u.test(chars[i + 1] ?? "");
    if (touchesLetter) return true;
  }
  return false;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * Chinese and Japanese put no space between words, nor before a Latin name (`のPrometheus`):
 * such a run is split by Unicode's word rules, so that the name is judged as the word it is.
 */
function splitCjk(word: string, start: number): Array<{ text: string; start: number; end: number }> {
  if (!CJK.test(word)) return [{ text: word, start, end: start + word.length }];
  return letterWords(word).map((w) => ({ text: w.text, start: start + w.index, end: start + w.index + w.text.length }));
}

/** A run that is an address rather than words: a URL, an e-mail address (even cut short), a path, an MDX or Hugo `{…}` id. */
function isAddress(run: string): boolean {
  if (/^\{.*\}\W*$/.test(run)) return true;
  return /:\/\/|^www\.|\S@\w|^[~.]?\/|\/[\w.-]+\//i.test(run) || /\.(?:md|html?|py|js|ts|json|ya?ml|png|jpe?g|gif|svg|pdf)\b/i.test(run);
}

/** Number of words in a span, to tell a marked term from a wholly emphasized line. */
function wordCount(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/**
 * The number of prose words (text only) in each node of a segment. A word never spans two text
 * nodes, so a node's count is the sum of its children's: one pass, however deep the nesting.
 */
function proseWordCounts(segment: Segment): Map<Nodes, number> {
  const order: Nodes[] = [];
  visitNodes(segment.nodes, (node) => void order.push(node));
  const counts = new Map<Nodes, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i];
    const own = node.type === "text" ? wordCount(node.value) : 0;
    const children = "children" in node ? (node.children as Nodes[]) : [];
    counts.set(node, children.reduce((sum, child) => sum + (counts.get(child) ?? 0), own));
  }
  return counts;
}

interface Run {
  start: number;
  end: number;
  emphasized: boolean;
}

/** A span of a few words, not the whole segment: how a translator marks a term. */
function isShortMark(count: number, segmentWords: number): boolean {
  return count > 0 && count <= 4 && count < segmentWords;
}

/** Offsets of the text nodes a reader sees as prose: not code, HTML, link targets or bare URLs. */
function proseRuns(segment: Segment, text: string): Run[] {
  const runs: Run[] = [];
  const counts = proseWordCounts(segment);
  const segmentWords = segment.nodes.reduce((sum, node) => sum + counts.get(node)!, 0);
  // Whether a node sits inside a short emphasized span, set by its parent as the walk goes down.
  const marked = new Map<Nodes, boolean>();
  visitNodes(segment.nodes, (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    const emphasized = marked.get(node) ?? false;
    if (node.type === "text") {
      if (start !== undefined && end !== undefined) runs.push({ start, end, emphasized });
      return false;
    }
    // A link's label is prose; an autolink's "label" is its address.
    if (node.type === "link" && text[start ?? 0] !== "[") return false;
    const markedBelow = emphasized || ((node.type === "emphasis" || node.type === "strong") && isShortMark(counts.get(node)!, segmentWords));
    if (markedBelow && "children" in node) for (const child of node.children as Nodes[]) marked.set(child, true);
  });
  return runs;
}

/**
 * Whether the word at `start`…`end` of a prose run is only part of a word that an inline HTML tag
 * cuts (`<ins>R</ins>adiance`): a tag touches it and a letter touches the tag's other side.
 */
function cutByTag(text: string, start: number, end: number): boolean {
  // Nearly every word touches no tag: the characters beside it say so without slicing the text.
  const before = text[start - 1] === ">" && /\p{L}<\/?[a-z][^<>]*>$/iu.test(text.slice(Math.max(0, start - 40), start));
  const after = text[end] === "<" && /^<\/?[a-z][^<>]*>\p{L}/iu.test(text.slice(end, end + 40));
  return before || after;
}

/**
 * The words of a segment's prose, in order. Code, HTML, link targets, URLs, e-mail addresses and
 * runs damaged by a wrong decoding are left out; words with digits are left out too, and so are
 * pieces of a word an inline HTML tag cuts.
 */
export function wordsOf(segment: Segment, text: string): Word[] {
  let words = cache.get(segment);
  if (words) return words;
  words = [];
  // MDX comments `{/*id*/}` hold heading ids, and their `*` may have been parsed as emphasis.
  const ids = [...segment.raw.matchAll(/\{\/\*[\s\S]*?\*\/\}/g)].map((m) => [segment.start + m.index, segment.start + m.index + m[0].length]);
  const inId = (offset: number) => ids.some(([from, to]) => offset >= from && offset < to);
  for (const run of proseRuns(segment, text)) {
    const slice = text.slice(run.start, run.end);
    for (const chunk of slice.matchAll(/\S+/g)) {
      const piece = chunk[0];
      const pieceStart = run.start + chunk.index;
      if (isDamagedRun(piece) || isAddress(piece)) continue;
      for (const match of piece.matchAll(WORD)) {
        const before = piece.slice(0, match.index);
        if (/\p{N}/u.test(match[0]) || /\p{N}$/u.test(before)) continue;
        for (const part of splitCjk(match[0], pieceStart + match.index)) {
          if (!inId(part.start) && !cutByTag(text, part.start, part.end)) words.push({ ...part, emphasized: run.emphasized });
        }
      }
    }
  }
  cache.set(segment, words);
  return words;
}

/** Lower case without accents, to compare a borrowing with its source word. */
export function fold(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}
