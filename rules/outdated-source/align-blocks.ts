import { diffSequences, type Hunk } from "../../src/drift/sequence-diff.js";
import type { Segment } from "../../src/core/types.js";
import { comparableText, wordOverlap, wordsOf } from "./compare.js";

/** A block as compared: its segment and its words. */
export interface Block {
  segment: Segment;
  text: string;
  words: string[];
}

export function blockOf(segment: Segment): Block {
  const text = comparableText(segment.raw);
  return { segment, text, words: wordsOf(text) };
}

/** What became of the English kept in comments, against the English file. */
export type BlockChange =
  /** The comment's block and the file's block are one passage, reworded. `certain`: nothing else could be its counterpart. */
  | { kind: "changed"; comment: Block; english: Block; certain: boolean }
  /** A block of the file that no comment keeps; `after` is the comment it follows, if any. */
  | { kind: "added"; english: Block; after?: Block }
  /** A comment's block that the file no longer has. */
  | { kind: "removed"; comment: Block };

/** Below this share of words in common, two blocks are different passages, not one reworded. */
const SAME_PASSAGE = 0.5;
/** From this share on, a reworded block is its old self beyond doubt, whatever surrounds it. */
const SURELY_SAME = 0.8;

/**
 * Pairs the blocks of one stretch where comments and file differ, in order, so that the words
 * they share add up to the most: each pair is a reworded block, the rest added or removed.
 */
function pairWithin(comments: Block[], english: Block[]): Array<[number, number, number]> {
  const m = comments.length;
  const n = english.length;
  const best: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0));
  const overlap = (i: number, j: number) => wordOverlap(comments[i].words, english[j].words);
  for (let i = m - 1; i >= 0; i--) {
    for (let j = n - 1; j >= 0; j--) {
      const shared = overlap(i, j);
      const paired = shared >= SAME_PASSAGE ? shared + best[i + 1][j + 1] : -1;
      best[i][j] = Math.max(paired, best[i + 1][j], best[i][j + 1]);
    }
  }
  const pairs: Array<[number, number, number]> = [];
  for (let i = 0, j = 0; i < m && j < n; ) {
    const shared = overlap(i, j);
    if (shared >= SAME_PASSAGE && best[i][j] === shared + best[i + 1][j + 1]) {
      pairs.push([i, j, shared]);
      i++;
      j++;
    } else if (best[i][j] === best[i + 1][j]) i++;
    else j++;
  }
  return pairs;
}

/** Blocks joined as one text: a comment may keep as one paragraph what the file splits in two. */
function joined(blocks: Block[]): string {
  return blocks.map((b) => b.text).join(" ");
}

/** A line set entirely in bold or italics: a title an exported post writes on the line above its paragraph. */
const TITLE_LINE = /^[ \t]*([*_]{1,3})\S.*\S\1[ \t]*$/;

/**
 * Whether the comment keeps its English block less the title lines on top of it: the translator
 * set the title as a block of its own, translated without a comment, and kept only the text.
 */
function keepsAllButTitle(comment: Block, english: Block): boolean {
  const lines = english.segment.raw.split(/\r?\n/);
  let title = 0;
  while (title < lines.length - 1 && TITLE_LINE.test(lines[title])) title++;
  return title > 0 && comparableText(lines.slice(title).join("\n")) === comment.text;
}

function changesIn(hunk: Hunk, comments: Block[], english: Block[]): BlockChange[] {
  const ours = comments.slice(hunk.aStart, hunk.aEnd);
  const theirs = english.slice(hunk.bStart, hunk.bEnd);
  // The same words split into blocks another way: nothing a translator must follow.
  if (ours.length > 0 && theirs.length > 0 && joined(ours) === joined(theirs)) return [];
  const pairs = pairWithin(ours, theirs);
  const changes: BlockChange[] = [];
  const pairedOurs = new Set(pairs.map(([i]) => i));
  const pairedTheirs = new Map(pairs.map(([i, j]) => [j, i]));
  const alone = ours.length === 1 && theirs.length === 1;
  for (const [i, j, shared] of pairs) {
    if (!keepsAllButTitle(ours[i], theirs[j])) changes.push({ kind: "changed", comment: ours[i], english: theirs[j], certain: alone || shared >= SURELY_SAME });
  }
  ours.forEach((block, i) => pairedOurs.has(i) || changes.push({ kind: "removed", comment: block }));
  // An added block follows the last comment before it: a paired one in the stretch, or the one before the stretch.
  let after: Block | undefined = hunk.aStart > 0 ? comments[hunk.aStart - 1] : undefined;
  theirs.forEach((block, j) => {
    const pairedWith = pairedTheirs.get(j);
    if (pairedWith !== undefined) after = ours[pairedWith];
    else changes.push({ kind: "added", english: block, ...(after ? { after } : {}) });
  });
  return changes;
}

/**
 * The differences between the English kept in comments and the English file, block by block:
 * the sequence diff finds the stretches where the two differ, and within each the blocks are
 * paired by the words they share.
 */
export function compareBlocks(comments: Block[], english: Block[]): Array<BlockChange & { hunk: Hunk }> {
  const hunks = diffSequences(comments.map((b) => b.text), english.map((b) => b.text));
  return hunks.flatMap((hunk) => changesIn(hunk, comments, english).map((change) => ({ ...change, hunk })));
}
