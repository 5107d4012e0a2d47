import { mergedFeatures, type SegmentFeatures } from "./features.js";
import type { Pair, Segment } from "../core/types.js";

/**
 * How likely it is that source group `s` and translation group `t` are each other's text,
 * from position alone: 1 for neighbours, falling towards 0 with distance.
 */
export type Proximity = (sources: Segment[], translations: Segment[]) => number;

export interface AlignOptions {
  proximity: Proximity;
  /** Expected translation length / source length; estimated from the text when absent. */
  lengthRatio?: number;
  /**
   * For source `i`, the first and last translation index it may be matched with. Both ends must
   * not decrease with `i`. Without it every pairing is considered (quadratic: use within a section).
   */
  band?: (sourceIndex: number) => [number, number];
  /**
   * Both sides live in one text (an inline post): a group may then not enclose the segment it is
   * matched with, since a comment before a paragraph and another after it do not share it.
   */
  oneText?: boolean;
}

type ScoreOptions = Required<Omit<AlignOptions, "band" | "oneText">>;

/** Largest group of consecutive segments one segment of the other side may be matched with. */
const MAX_GROUP = 3;
/** Above this many cells the alignment runs on windows so that time stays linear in size. */
const MAX_CELLS = 1_500_000;
const WINDOW = 600;

/**
 * Evidence from what the two texts carry over unchanged, from -0.5 (all of it differs) to 0.5
 * (all of it is shared); 0 when neither carries anything.
 */
function sharedEvidence(a: SegmentFeatures, b: SegmentFeatures): number {
  let shared = 0;
  let total = 0;
  const weights = { urls: 4, code: 2, codeLines: 2, numbers: 1, names: 1 } as const;
  for (const key of ["urls", "code", "codeLines", "numbers", "names"] as const) {
    const w = weights[key];
    total += w * (a[key].size + b[key].size);
    for (const v of a[key]) if (b[key].has(v)) shared += 2 * w;
  }
  if (total === 0) return 0;
  // One capitalised word is weak evidence (a month, a translated name); a URL or several tokens are strong.
  const confidence = Math.min(1, total / 4);
  return (shared / total - 0.5) * confidence;
}

/** Cognates only ever help: languages without them (CJK) must not be penalised. */
function stemOverlap(a: SegmentFeatures, b: SegmentFeatures): number {
  if (a.stems.size === 0 || b.stems.size === 0) return 0;
  let shared = 0;
  for (const v of a.stems) if (b.stems.has(v)) shared++;
  return (2 * shared) / (a.stems.size + b.stems.size);
}

function lengthScore(source: number, translation: number, ratio: number): number {
  if (source === 0 && translation === 0) return 1;
  const r = (translation + 1) / ((source + 1) * ratio);
  const deviation = Math.log(r);
  return Math.exp(-(deviation * deviation) / (2 * 0.35 * 0.35));
}

function headingDepth(segment: Segment): number | undefined {
  const node = segment.nodes[0];
  return node?.type === "heading" ? node.depth : undefined;
}

function kindScore(sources: Segment[], translations: Segment[]): number {
  const a = sources[0].kind;
  const b = translations[0].kind;
  // A heading is translated by a heading of its own level: structure says so when words cannot.
  if (a === "heading" && b === "heading" && headingDepth(sources[0]) === headingDepth(translations[0])) return 0.3;
  if (a === b) return 0.15;
  const prose = new Set(["paragraph", "listItem"]);
  if (prose.has(a) && prose.has(b)) return 0;
  if ((a === "heading" && b === "paragraph") || (a === "paragraph" && b === "heading")) return -0.1;
  return -0.6;
}

/** The score of matching two groups; a match is only worth making when it is above zero. */
export function matchScore(sources: Segment[], translations: Segment[], options: ScoreOptions): number {
  const fs = mergedFeatures(sources);
  const ft = mergedFeatures(translations);
  const evidence = sharedEvidence(fs, ft);
  const length = lengthScore(fs.length, ft.length, options.lengthRatio);
  const near = options.proximity(sources, translations);
  const groupPenalty = 0.2 * (sources.length + translations.length - 2);
  return 1.6 * evidence + 0.6 * stemOverlap(fs, ft) + 0.8 * length + 1.0 * near + kindScore(sources, translations) - groupPenalty - 1.1;
}

const GROUPABLE = new Set(["paragraph", "listItem", "blockquote"]);

/** Whether a group of two or more spans, in the one text, a segment of the other side. */
function encloses(group: Segment[], others: Segment[]): boolean {
  if (group.length < 2) return false;
  const from = group[0].start;
  const to = group[group.length - 1].end;
  return others.some((o) => o.start > from && o.start < to);
}

/** Only running prose merges or splits: a heading, code block or image is always its own unit. */
function canGroup(segments: Segment[]): boolean {
  return segments.length === 1 || segments.every((s) => GROUPABLE.has(s.kind));
}

const RATIO_KINDS = new Set(["paragraph", "listItem", "heading", "blockquote"]);

/**
 * The ratio of all translated text to all source text, trusted in proportion to how many
 * segments it rests on: in a short post one untranslated comment would skew it, so a short
 * post leans on a ratio of 1.
 */
export function estimateRatio(sources: Segment[], translations: Segment[]): number {
  // Code is often written once, on one side only (a book whose code blocks are not repeated in
  // comments): only text that is translated says how long a translation runs.
  const prose = (x: Segment) => RATIO_KINDS.has(x.kind);
  sources = sources.filter(prose);
  translations = translations.filter(prose);
  const s = sources.reduce((n, x) => n + mergedFeatures([x]).length, 0);
  const t = translations.reduce((n, x) => n + mergedFeatures([x]).length, 0);
  if (s === 0 || t === 0) return 1;
  const trust = Math.min(1, Math.min(sources.length, translations.length) / 10);
  return Math.min(4, Math.max(0.2, Math.exp(Math.log(t / s) * trust)));
}

/**
 * Monotone alignment of source and translation segments (in the spirit of Gale–Church):
 * dynamic programming over 1:1, 1:n and n:1 matches and skips, maximising the summed scores.
 * Every segment ends up in exactly one pair; skipped ones in a pair whose other side is empty.
 */
export function align(sources: Segment[], translations: Segment[], options: AlignOptions): Pair[] {
  const full = {
    proximity: options.proximity,
    lengthRatio: options.lengthRatio ?? estimateRatio(sources, translations),
  };
  if (options.band) {
    const pairs = alignBanded(sources, translations, full, options.band, options.oneText ?? false);
    return options.oneText ? pairFacingLeftovers(pairs, full.lengthRatio) : pairs;
  }
  if ((sources.length + 1) * (translations.length + 1) <= MAX_CELLS) {
    return alignBanded(sources, translations, full, () => [0, translations.length - 1], options.oneText ?? false);
  }
  return alignInWindows(sources, translations, full);
}

/**
 * In one text, a source and a translation block of one kind that alignment both left unpaired, and
 * that are each alone of their kind between the same matched neighbours, are each other's text: a
 * free translation (code or a number only one side writes, a name rendered in the target script)
 * can score below a skip though nothing else could be its counterpart. Only in the direction the
 * post's matched pairs take (comment before translation, or after) and with lengths not wildly apart.
 */
function pairFacingLeftovers(pairs: Pair[], lengthRatio: number): Pair[] {
  const at = (s: Segment) => s.comment?.start ?? s.start;
  const matched = (p: Pair) => p.sources.length > 0 && p.translations.length > 0;
  const both = pairs.filter(matched);
  const commentsFirst = both.filter((p) => at(p.sources[0]) < p.translations[0].start).length * 2 >= both.length;
  const result: Pair[] = [];
  let gap: Pair[] = [];
  const flush = () => {
    result.push(...pairedGap(gap));
    gap = [];
  };
  const pairedGap = (lone: Pair[]): Pair[] => {
    const sources = lone.flatMap((p) => p.sources);
    if (sources.length !== 1) return lone;
    const [source] = sources;
    const alike = lone.flatMap((p) => p.translations).filter((t) => t.kind === source.kind);
    if (alike.length !== 1) return lone;
    const [translation] = alike;
    if (at(source) < translation.start !== commentsFirst || !plausibleLengths(source, translation, lengthRatio)) return lone;
    const together = { sources: [source], translations: [translation] };
    // The pair takes the place of whichever of the two comes first, so that pairs stay in order.
    return lone.flatMap((p) => (p.sources[0] === source ? [together] : p.translations[0] === translation ? [] : [p]));
  };
  for (const pair of pairs) {
    if (matched(pair)) {
      flush();
      result.push(pair);
    } else gap.push(pair);
  }
  flush();
  return result;
}

/** A translation this many times longer or shorter than expected is no counterpart, however close. */
const LEFTOVER_LENGTH_FACTOR = 4;

function plausibleLengths(source: Segment, translation: Segment, lengthRatio: number): boolean {
  const r = (mergedFeatures([translation]).length + 1) / ((mergedFeatures([source]).length + 1) * lengthRatio);
  return r <= LEFTOVER_LENGTH_FACTOR && r >= 1 / LEFTOVER_LENGTH_FACTOR;
}

function alignInWindows(sources: Segment[], translations: Segment[], options: ScoreOptions): Pair[] {
  const pairs: Pair[] = [];
  let i = 0;
  let j = 0;
  while (i < sources.length || j < translations.length) {
    // Cut both sides at the same relative place so that the windows correspond.
    const si = Math.min(sources.length, i + WINDOW);
    const tj = si === sources.length ? translations.length : Math.min(translations.length, Math.max(j + 1, Math.round((si / sources.length) * translations.length)));
    const s = sources.slice(i, si);
    const t = translations.slice(j, tj);
    pairs.push(...alignBanded(s, t, options, () => [0, t.length - 1], false));
    i = si;
    j = tj;
  }
  return pairs;
}

/**
 * The alignment DP restricted to a band of cells. Outside the band only skips are possible, so
 * a row's values left of its band are those its column had when the band last covered it, and
 * right of the band they equal the band's last value: neither needs storing.
 */
function alignBanded(
  sources: Segment[],
  translations: Segment[],
  options: ScoreOptions,
  band: (sourceIndex: number) => [number, number],
  oneText: boolean,
): Pair[] {
  const n = sources.length;
  const m = translations.length;
  // Row i (i sources consumed) stores columns lo[i]..hi[i] (translations consumed).
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  const rows: Float64Array[] = [];
  const stepS: Uint8Array[] = [];
  const stepT: Uint8Array[] = [];
  /** Columns the band has moved past: their value is final for every later row. */
  const frozen = new Float64Array(m + 1);
  let frozenUpTo = -1;

  const value = (i: number, j: number): number => {
    if (j < lo[i]) return frozen[j];
    if (j > hi[i]) return rows[i][hi[i] - lo[i]];
    return rows[i][j - lo[i]];
  };

  lo[0] = 0;
  hi[0] = m;
  rows.push(new Float64Array(m + 1));
  stepS.push(new Uint8Array(m + 1));
  stepT.push(new Uint8Array(m + 1).fill(1));
  for (let i = 1; i <= n; i++) {
    const [first, last] = band(i - 1);
    // Column j means j translations consumed: a match ending at translation t lands on column t + 1.
    lo[i] = Math.max(i > 1 ? lo[i - 1] : 0, Math.min(m, Math.max(0, first)));
    hi[i] = Math.max(lo[i], i > 1 ? hi[i - 1] : 0, Math.min(m, last + 1));
    for (let j = frozenUpTo + 1; j < lo[i]; j++) frozen[j] = value(i - 1, j);
    frozenUpTo = Math.max(frozenUpTo, lo[i] - 1);
    const width = hi[i] - lo[i] + 1;
    const row = new Float64Array(width);
    const ds = new Uint8Array(width);
    const dt = new Uint8Array(width);
    rows.push(row);
    stepS.push(ds);
    stepT.push(dt);
    for (let j = lo[i]; j <= hi[i]; j++) {
      let best = value(i - 1, j);
      let bs = 1;
      let bt = 0;
      // Left of the band a row holds what the row above held, which skipping a source already covers.
      if (j > lo[i] && row[j - 1 - lo[i]] > best) {
        best = row[j - 1 - lo[i]];
        bs = 0;
        bt = 1;
      }
      for (let a = 1; a <= Math.min(MAX_GROUP, i); a++) {
        for (let b = 1; b <= Math.min(MAX_GROUP, j); b++) {
          if (a > 1 && b > 1) continue;
          const previous = value(i - a, j - b);
          if (previous + 3 <= best) continue; // no match scores above 3: cannot win
          const groupS = sources.slice(i - a, i);
          const groupT = translations.slice(j - b, j);
          if (!canGroup(groupS) || !canGroup(groupT)) continue;
          if (oneText && (encloses(groupS, groupT) || encloses(groupT, groupS))) continue;
          const score = matchScore(groupS, groupT, options);
          if (score > 0 && previous + score > best) {
            best = previous + score;
            bs = a;
            bt = b;
          }
        }
      }
      row[j - lo[i]] = best;
      ds[j - lo[i]] = bs;
      dt[j - lo[i]] = bt;
    }
  }

  const pairs: Pair[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    if (i === 0 || j > hi[i]) {
      pairs.push({ sources: [], translations: [translations[j - 1]] });
      j--;
      continue;
    }
    if (j < lo[i]) {
      pairs.push({ sources: [sources[i - 1]], translations: [] });
      i--;
      continue;
    }
    const a = stepS[i][j - lo[i]];
    const b = stepT[i][j - lo[i]];
    pairs.push({ sources: sources.slice(i - a, i), translations: translations.slice(j - b, j) });
    i -= a;
    j -= b;
  }
  return pairs.reverse();
}

/**
 * Band for an inline post: a source is only matched with translations a few segments away, or
 * with their counterparts in a facing run: the tenth of a list of comments, one a list item, is
 * as far from the tenth translated item below as the list is long.
 */
export function inlineBand(sources: Segment[], translations: Segment[], all: Segment[], reach = 8): (i: number) => [number, number] {
  const order = new Map(all.map((s, index) => [s, index]));
  const { run } = sideRuns(all);
  const runLength: number[] = [];
  for (const r of run) runLength[r] = (runLength[r] ?? 0) + 1;
  const tPos = translations.map((t) => order.get(t)!);
  const firstAtOrAfter = (pos: number) => {
    let l = 0;
    let h = tPos.length;
    while (l < h) {
      const mid = (l + h) >> 1;
      if (tPos[mid] < pos) l = mid + 1;
      else h = mid;
    }
    return l;
  };
  return (i) => {
    const p = order.get(sources[i])!;
    // The counterpart in the run before lies that run's length back; in this run's own length ahead.
    const before = runLength[run[p] - 1] ?? 0;
    return [firstAtOrAfter(p - reach - before), firstAtOrAfter(p + reach + runLength[run[p]] + 1) - 1];
  };
}

/**
 * Proximity for an inline post: both texts live in one file, a source next to its translation.
 * A comment holding a whole list sits above the translated list, so its third item is as near
 * the third translated item as a comment is to the paragraph below it: between two neighbouring
 * runs of segments (one of each side), distance is how far apart the groups sit in their runs.
 */
export function inlineProximity(all: Segment[], text?: string): Proximity {
  const order = new Map(all.map((s, index) => [s, index]));
  const { run, rank } = sideRuns(all);
  const runLength: number[] = [];
  for (const r of run) runLength[r] = (runLength[r] ?? 0) + 1;
  const mirrors = mirroringRuns(all, run);
  return (sources, translations) => {
    const sIdx = sources.map((s) => order.get(s)!);
    const tIdx = translations.map((t) => order.get(t)!);
    const mirror = facingRuns(sIdx, tIdx, run, runLength, mirrors);
    // Runs that agree only from their ends (a label comment before a list's comments) are ranked from the end.
    const place = (i: number) => (mirror === "end" ? runLength[run[i]] - 1 - rank[i] : rank[i]);
    const gap = mirror ? intervalGap(sIdx.map(place), tIdx.map(place)) : segmentGap(sIdx, tIdx);
    if (gap > 0) return 1 / (1 + gap);
    return text !== undefined && touching(text, sources, translations) ? 1 + TOUCHING_BONUS : 1;
  };
}

/** Segments of the group itself are not a gap; anything else between them is. */
function segmentGap(sIdx: number[], tIdx: number[]): number {
  const lo = Math.min(...sIdx, ...tIdx);
  const hi = Math.max(...sIdx, ...tIdx);
  return hi - lo + 1 - sIdx.length - tIdx.length;
}

/** How two neighbouring runs mirror each other: their kinds agree from the start, or else from the end. */
type Mirror = "start" | "end" | undefined;

/**
 * For each run, whether the next run has its shape: the same kinds in the same order, as far as
 * the shorter goes, counted from the start or from the end. A translated list mirrors the list in
 * its comments (a label comment above them aside); a paragraph and the heading after it, followed
 * by that heading's comment and the next paragraph's, do not.
 */
function mirroringRuns(all: Segment[], run: number[]): Mirror[] {
  const kinds: Segment["kind"][][] = [];
  all.forEach((s, i) => (kinds[run[i]] ??= []).push(s.kind));
  const agree = (a: Segment["kind"][], b: Segment["kind"][]) => a.every((kind, i) => i >= b.length || b[i] === kind);
  return kinds.map((these, r) => {
    const next = kinds[r + 1] ?? [];
    if (agree(these, next)) return "start";
    return agree([...these].reverse(), [...next].reverse()) ? "end" : undefined;
  });
}

/** How each group's run mirrors the other's, when each group lies in one run and the two runs are neighbours. */
function facingRuns(sIdx: number[], tIdx: number[], run: number[], runLength: number[], mirrors: Mirror[]): Mirror {
  const sRun = run[sIdx[0]];
  const tRun = run[tIdx[0]];
  // One segment beside several is nearest the one it touches: only run against run is ranked.
  if (runLength[sRun] < 2 || runLength[tRun] < 2 || Math.abs(sRun - tRun) !== 1) return undefined;
  return sIdx.every((i) => run[i] === sRun) && tIdx.every((i) => run[i] === tRun) ? mirrors[Math.min(sRun, tRun)] : undefined;
}

/** How many places lie between two ranges of ranks (0 when they overlap). */
function intervalGap(a: number[], b: number[]): number {
  return Math.max(0, Math.max(Math.min(...a), Math.min(...b)) - Math.min(Math.max(...a), Math.max(...b)));
}

/** For each segment (in document order), its run of consecutive segments of one side, and its place in that run. */
function sideRuns(all: Segment[]): { run: number[]; rank: number[] } {
  const run: number[] = [];
  const rank: number[] = [];
  all.forEach((s, i) => {
    const continues = i > 0 && s.side === all[i - 1].side;
    run.push(i === 0 ? 0 : run[i - 1] + (continues ? 0 : 1));
    rank.push(continues ? rank[i - 1] + 1 : 0);
  });
  return { run, rank };
}

/**
 * Neighbours with no blank line between them are closer still: a writer who puts the comment
 * directly above (or below) its paragraph uses the blank line to part one pair from the next.
 */
const TOUCHING_BONUS = 0.25;

function touching(text: string, sources: Segment[], translations: Segment[]): boolean {
  const from = (s: Segment) => s.comment?.start ?? s.start;
  const to = (s: Segment) => s.comment?.end ?? s.end;
  const [first, second] = from(sources[0]) < from(translations[0]) ? [sources, translations] : [translations, sources];
  const between = text.slice(Math.max(...first.map(to)), Math.min(...second.map(from)));
  return !/\n[ \t>]*\r?\n/.test(between);
}
