import { editDistance } from "./borrowing.js";
import type { Word } from "./words.js";

/** A run of katakana as written: one loanword, or a compound of them (`トレースデータ`). */
export interface KatakanaRun {
  text: string;
  start: number;
  end: number;
}

const KATAKANA = /^[\p{Script=Katakana}ー]+$/u;

/**
 * Runs of katakana among a segment's words. Word rules cut katakana by dictionary
 * (`ライフ|タイム`) and would cut a misspelt one anywhere; joined back, a run is the word as the
 * writer wrote it, and a slip in it leaves a run seen nowhere else.
 */
export function katakanaRuns(words: Word[]): KatakanaRun[] {
  const runs: KatakanaRun[] = [];
  for (const word of words) {
    if (!KATAKANA.test(word.text)) continue;
    const last = runs[runs.length - 1];
    if (last && last.end === word.start) Object.assign(last, { text: last.text + word.text, end: word.end });
    else runs.push({ text: word.text, start: word.start, end: word.end });
  }
  return runs;
}

/** Shorter runs are one edit from too many other words to tell a slip. */
const MIN_LENGTH = 4;
/** How often a spelling must recur in the page to be the one the writer meant. */
const MIN_USES = 3;

/** The long-vowel mark is a house-style choice (`サーバ`, `サーバー`, `インターフェース`, `インターフェイス`), not a slip. */
const styleOnly = (a: string, b: string) => a.replace(/[ーイウ]/g, "") === b.replace(/[ーイウ]/g, "");

/** A kana without its voicing marks: `ブ` and `プ` are `フ` written with a slip of the pen. */
const unvoiced = (kana: string) => kana.normalize("NFD").replace(/[\u3099\u309a]/g, "");

/**
 * Whether `rare` is the kind of slip a writer makes in `frequent`, one edit away. A changed first
 * or last kana, or an added one, usually makes another loanword (`サポート`, `レポート`;
 * `コンパイル`, `コンパイラ`; `レビュー`, `レビュアー`), as does any change to a short one
 * (`リリース`, `リソース`); a slip is a voicing mark (`ブログラム`), a kana dropped inside the
 * word (`リクスト`) or one changed or swapped inside a long word (`プロットフォーム`).
 */
function isSlip(rare: string, frequent: string): boolean {
  if (styleOnly(rare, frequent)) return false;
  const inside = (i: number) => i > 0 && i < frequent.length - 1;
  if (rare.length === frequent.length - 1) {
    for (let i = 0; i < frequent.length; i++) if (frequent.slice(0, i) + frequent.slice(i + 1) === rare) return inside(i);
    return false;
  }
  if (rare.length !== frequent.length) return false;
  const differ = [...rare].map((kana, i) => (kana === frequent[i] ? -1 : i)).filter((i) => i >= 0);
  if (differ.length === 1 && unvoiced(rare[differ[0]]) === unvoiced(frequent[differ[0]])) return true;
  return rare.length >= LONG && differ.every(inside);
}

/** Katakana words shorter than this are one kana from too many others for a changed kana to tell. */
const LONG = 6;

/**
 * Katakana runs written once that are one slip (see `isSlip`) from a run the same page writes at
 * least three times: a loanword misspelt, told by the page's own usage since no dictionary is at hand.
 */
export function katakanaSlips(runs: KatakanaRun[]): Array<{ run: KatakanaRun; intended: string; uses: number }> {
  const uses = new Map<string, number>();
  for (const run of runs) uses.set(run.text, (uses.get(run.text) ?? 0) + 1);
  const frequent = [...uses].filter(([text, n]) => n >= MIN_USES && text.length >= MIN_LENGTH);
  const slips: Array<{ run: KatakanaRun; intended: string; uses: number }> = [];
  for (const run of runs) {
    if (uses.get(run.text) !== 1 || run.text.length < MIN_LENGTH) continue;
    const near = frequent.filter(([text]) => editDistance(run.text, text, 1) === 1 && isSlip(run.text, text));
    // Two frequent words equally near: no telling which was meant.
    if (near.length === 1) slips.push({ run, intended: near[0][0], uses: near[0][1] });
  }
  return slips;
}
