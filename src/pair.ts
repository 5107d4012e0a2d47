import { mergedFeatures, type SegmentFeatures } from "./features.js";
import type { Pair, Segment } from "./types.js";

/**
 * How likely it is that source group `s` and translation group `t` are each other's text,
 * from position alone: 1 for neighbours, falling towards 0 with distance.
 */
export type Proximity = (sources: Segment[], translations: Segment[]) => number;

export interface AlignOptions {
  proximity: Proximity;
  /** Expected translation length / source length; estimated from the text when absent. */
  lengthRatio?: number;
}

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
  const weights = { urls: 4, code: 2, numbers: 1, names: 1 } as const;
  for (const key of ["urls", "code", "numbers", "names"] as const) {
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

function kindScore(sources: Segment[], translations: Segment[]): number {
  const a = sources[0].kind;
  const b = translations[0].kind;
  if (a === b) return 0.15;
  const prose = new Set(["paragraph", "listItem"]);
  if (prose.has(a) && prose.has(b)) return 0;
  if ((a === "heading" && b === "paragraph") || (a === "paragraph" && b === "heading")) return -0.1;
  return -0.6;
}

/** The score of matching two groups; a match is only worth making when it is above zero. */
export function matchScore(sources: Segment[], translations: Segment[], options: Required<AlignOptions>): number {
  const fs = mergedFeatures(sources);
  const ft = mergedFeatures(translations);
  const evidence = sharedEvidence(fs, ft);
  const length = lengthScore(fs.length, ft.length, options.lengthRatio);
  const near = options.proximity(sources, translations);
  const groupPenalty = 0.2 * (sources.length + translations.length - 2);
  return 1.6 * evidence + 0.6 * stemOverlap(fs, ft) + 0.8 * length + 1.0 * near + kindScore(sources, translations) - groupPenalty - 1.1;
}

const GROUPABLE = new Set(["paragraph", "listItem", "blockquote"]);

/** Only running prose merges or splits: a heading, code block or image is always its own unit. */
function canGroup(segments: Segment[]): boolean {
  return segments.length === 1 || segments.every((s) => GROUPABLE.has(s.kind));
}

function estimateRatio(sources: Segment[], translations: Segment[]): number {
  const s = sources.reduce((n, x) => n + mergedFeatures([x]).length, 0);
  const t = translations.reduce((n, x) => n + mergedFeatures([x]).length, 0);
  if (s === 0 || t === 0) return 1;
  return Math.min(4, Math.max(0.2, t / s));
}

/**
 * Monotone alignment of source and translation segments (in the spirit of Gale–Church):
 * dynamic programming over 1:1, 1:n and n:1 matches and skips, maximising the summed scores.
 * Every segment ends up in exactly one pair; skipped ones in a pair whose other side is empty.
 */
export function align(sources: Segment[], translations: Segment[], options: AlignOptions): Pair[] {
  const full: Required<AlignOptions> = {
    proximity: options.proximity,
    lengthRatio: options.lengthRatio ?? estimateRatio(sources, translations),
  };
  if ((sources.length + 1) * (translations.length + 1) <= MAX_CELLS) return alignWindow(sources, translations, full);
  return alignInWindows(sources, translations, full);
}

function alignInWindows(sources: Segment[], translations: Segment[], options: Required<AlignOptions>): Pair[] {
  const pairs: Pair[] = [];
  let i = 0;
  let j = 0;
  while (i < sources.length || j < translations.length) {
    // Cut both sides at the same point of the document so the windows correspond.
    const si = Math.min(sources.length, i + WINDOW);
    const cut = si < sources.length ? sources[si].start : Infinity;
    let tj = j;
    while (tj < translations.length && translations[tj].start < cut && tj - j < WINDOW * 2) tj++;
    if (si === i && tj === j) tj = Math.min(translations.length, j + WINDOW);
    pairs.push(...alignWindow(sources.slice(i, si), translations.slice(j, tj), options));
    i = si;
    j = tj;
  }
  return pairs;
}

function alignWindow(sources: Segment[], translations: Segment[], options: Required<AlignOptions>): Pair[] {
  const n = sources.length;
  const m = translations.length;
  const width = m + 1;
  const best = new Float64Array((n + 1) * width);
  // Back-pointers: how many sources and translations the last step consumed.
  const stepS = new Uint8Array((n + 1) * width);
  const stepT = new Uint8Array((n + 1) * width);
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      const at = i * width + j;
      let value = -Infinity;
      let ds = 0;
      let dt = 0;
      if (i > 0 && best[at - width] > value) {
        value = best[at - width];
        ds = 1;
        dt = 0;
      }
      if (j > 0 && best[at - 1] > value) {
        value = best[at - 1];
        ds = 0;
        dt = 1;
      }
      for (let a = 1; a <= Math.min(MAX_GROUP, i); a++) {
        for (let b = 1; b <= Math.min(MAX_GROUP, j); b++) {
          if (a > 1 && b > 1) continue;
          const previous = best[(i - a) * width + (j - b)];
          if (previous + 3 <= value) continue; // no match scores above 3: cannot win
          const groupS = sources.slice(i - a, i);
          const groupT = translations.slice(j - b, j);
          if (!canGroup(groupS) || !canGroup(groupT)) continue;
          const score = matchScore(groupS, groupT, options);
          if (score > 0 && previous + score > value) {
            value = previous + score;
            ds = a;
            dt = b;
          }
        }
      }
      best[at] = value;
      stepS[at] = ds;
      stepT[at] = dt;
    }
  }
  const pairs: Pair[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const at = i * width + j;
    const ds = stepS[at];
    const dt = stepT[at];
    pairs.push({ sources: sources.slice(i - ds, i), translations: translations.slice(j - dt, j) });
    i -= ds;
    j -= dt;
  }
  return pairs.reverse();
}

/** Proximity for an inline post: both texts live in one file, a source next to its translation. */
export function inlineProximity(all: Segment[]): Proximity {
  const order = new Map(all.map((s, index) => [s, index]));
  return (sources, translations) => {
    const sIdx = sources.map((s) => order.get(s)!);
    const tIdx = translations.map((t) => order.get(t)!);
    const lo = Math.min(...sIdx, ...tIdx);
    const hi = Math.max(...sIdx, ...tIdx);
    // Segments of the group itself are not a gap; anything else between them is.
    const gap = hi - lo + 1 - sIdx.length - tIdx.length;
    return gap <= 0 ? 1 : 1 / (1 + gap);
  };
}
