import { explicitHeadingId, githubSlug, headingPlainText } from "../text/anchors.js";
import { codeLinesOf, featuresOf, normalizeUrl } from "./features.js";
import type { Segment } from "../core/types.js";

/** The heading as a reader sees it: no `#`, no markup, no explicit id. */
export function headingText(segment: Segment): string {
  return headingPlainText(segment.nodes);
}

export interface HeadingAnchor {
  id: string;
  /** Written in the heading (`{#id}`), rather than derived from its text. */
  explicit: boolean;
}

/** The anchor a heading is reached by: its explicit id, or the one GitHub derives from its text. */
export function headingAnchor(segment: Segment): HeadingAnchor {
  const explicit = explicitHeadingId(segment.raw.split(/\r?\n/)[0]);
  if (explicit) return { id: explicit.id.toLowerCase(), explicit: true };
  return { id: githubSlug(headingText(segment)), explicit: false };
}

/** What a section's body carries over into any translation: link targets, code, numbers, code lines. */
function bodyTokens(blocks: Segment[]): Set<string> {
  const tokens = new Set<string>();
  for (const block of blocks) {
    if (block.kind === "code") {
      for (const line of codeLinesOf(block)) tokens.add(`l:${line}`);
      continue;
    }
    const f = featuresOf(block);
    for (const url of f.urls) tokens.add(`u:${url}`);
    for (const code of f.code) tokens.add(`c:${code}`);
    for (const n of f.numbers) if (n.length > 1) tokens.add(`n:${n}`);
    for (const match of block.raw.matchAll(/\]\(\s*<?([^)\s>]+)/g)) tokens.add(`u:${normalizeUrl(match[1])}`);
  }
  return tokens;
}

function headTokens(heading: Segment): Set<string> {
  const f = featuresOf(heading);
  const tokens = new Set<string>();
  for (const code of f.code) tokens.add(`c:${code}`);
  for (const n of f.numbers) tokens.add(`n:${n}`);
  for (const url of f.urls) tokens.add(`u:${url}`);
  return tokens;
}

/** Agreement of two token sets, from -1 (nothing shared) to 1 (all shared), damped when there are few tokens. */
function agreement(a: Set<string>, b: Set<string>, fullAt: number): number {
  const total = a.size + b.size;
  if (total === 0) return 0;
  let shared = 0;
  for (const token of a) if (b.has(token)) shared++;
  const dice = (2 * shared) / total;
  return (2 * dice - 1) * Math.min(1, total / fullAt);
}

/** Dice coefficient of two sets: 0 when nothing is shared (or both are empty), 1 when they are equal. */
function sharedShare(a: Set<string>, b: Set<string>): number {
  if (a.size + b.size === 0) return 0;
  let shared = 0;
  for (const token of a) if (b.has(token)) shared++;
  return (2 * shared) / (a.size + b.size);
}

interface HeadingInfo {
  segment: Segment;
  index: number;
  anchor: HeadingAnchor;
  head: Set<string>;
  /** Stems of the heading's long words: cognates (Prerequisites/Prérequis) and names kept in translation. */
  stems: Set<string>;
  body: Set<string>;
}

function headingsOf(segments: Segment[]): HeadingInfo[] {
  const out: HeadingInfo[] = [];
  segments.forEach((segment, index) => {
    if (segment.kind !== "heading") return;
    const end = segments.findIndex((s, k) => k > index && s.kind === "heading" && (s.depth ?? 9) <= (segment.depth ?? 9));
    // The body runs to the next heading of the same or a higher level, so it includes subsections.
    const body = bodyTokens(segments.slice(index + 1, end < 0 ? segments.length : end));
    out.push({ segment, index, anchor: headingAnchor(segment), head: headTokens(segment), stems: featuresOf(segment).stems, body });
  });
  return out;
}

/** How much two headings (and the sections under them) look like one another; above 0 they may match. */
function headingScore(s: HeadingInfo, t: HeadingInfo, near: number): number {
  let score = 0;
  if (t.anchor.explicit || s.anchor.id === t.anchor.id) {
    if (s.anchor.id === t.anchor.id) score += 4;
    else if (s.anchor.explicit && t.anchor.explicit) score -= 1.5;
  }
  score += s.segment.depth === t.segment.depth ? 0.4 : -0.8;
  score += 1.2 * agreement(s.body, t.body, 8);
  score += 0.8 * agreement(s.head, t.head, 2);
  // Shared stems tie a heading to its source even when the levels differ (a translation that drops
  // a wrapping section and lifts its subsections); none shared says little (Features/Características).
  score += 1.2 * sharedShare(s.stems, t.stems);
  score += 0.6 * near;
  return score - 0.6;
}

/**
 * Proximity of the `i`-th of `n` items to the `j`-th of `m`, measured from the start, from the end
 * and along the diagonal: whichever is closest, so one insertion or deletion anywhere in a run
 * only shifts the items on one side of it.
 */
export function runProximity(i: number, n: number, j: number, m: number): number {
  const fromStart = Math.abs(i - j);
  const fromEnd = Math.abs(n - i - (m - j));
  const diagonal = n > 1 && m > 1 ? Math.abs(i / (n - 1) - j / (m - 1)) * Math.max(n, m) : fromStart;
  const distance = Math.min(fromStart, fromEnd, diagonal);
  return 1 / (1 + 0.3 * distance);
}

/** Headings whose explicit anchors are equal, each unique on its side: (source, translation) indices. */
function anchorMatches(sources: HeadingInfo[], translations: HeadingInfo[]): Array<[number, number]> {
  const unique = (list: HeadingInfo[]) => {
    const count = new Map<string, number>();
    for (const h of list) count.set(h.anchor.id, (count.get(h.anchor.id) ?? 0) + 1);
    return new Map(list.map((h, k) => [h.anchor.id, k] as const).filter(([id]) => count.get(id) === 1));
  };
  const inSource = unique(sources);
  const inTranslation = unique(translations);
  const candidates: Array<[number, number]> = [];
  translations.forEach((t, k) => {
    if (!t.anchor.explicit) return;
    const s = inSource.get(t.anchor.id);
    if (s !== undefined && inTranslation.has(t.anchor.id)) candidates.push([s, k]);
  });
  return candidates;
}

/** The longest run of pairs increasing on both sides (candidates come sorted by translation index). */
function longestIncreasing(pairs: Array<[number, number]>): Array<[number, number]> {
  const tails: number[] = [];
  const previous: number[] = new Array(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]][0] < pairs[k][0]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1];
    tails[lo] = k;
  }
  const out: Array<[number, number]> = [];
  for (let k = tails.length ? tails[tails.length - 1] : -1; k >= 0; k = previous[k]) out.push(pairs[k]);
  return out.reverse();
}

/** Monotone matching of two runs of headings (1:1 or skipped), maximising the summed scores. */
function matchRun(sources: HeadingInfo[], translations: HeadingInfo[]): Array<[number, number]> {
  const n = sources.length;
  const m = translations.length;
  if (n === 0 || m === 0) return [];
  const width = m + 1;
  const best = new Float64Array((n + 1) * width);
  const step = new Uint8Array((n + 1) * width);
  // Long runs without anchors are scored near their diagonal only, so the work stays bounded.
  const band = n * m <= 250_000 ? Infinity : Math.abs(n - m) + 60;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      const at = i * width + j;
      let value = -Infinity;
      let move = 0;
      if (i > 0 && best[at - width] > value) [value, move] = [best[at - width], 1];
      if (j > 0 && best[at - 1] > value) [value, move] = [best[at - 1], 2];
      if (i > 0 && j > 0 && Math.abs(j - (i * m) / n) <= band) {
        const score = headingScore(sources[i - 1], translations[j - 1], runProximity(i - 1, n, j - 1, m));
        if (score > 0 && best[at - width - 1] + score > value) [value, move] = [best[at - width - 1] + score, 3];
      }
      best[at] = value;
      step[at] = move;
    }
  }
  const out: Array<[number, number]> = [];
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const move = step[i * width + j];
    if (move === 3) out.push([i - 1, j - 1]);
    if (move !== 2) i--;
    if (move !== 1) j--;
  }
  return out.reverse();
}

export interface HeadingMatches {
  /** Matched headings in the order both files agree on. */
  ordered: Array<[Segment, Segment]>;
  /** Headings with the same anchor whose sections the translation put in another order. */
  moved: Array<[Segment, Segment]>;
}

/**
 * Which source heading each translated heading renders. Headings with the same explicit anchor
 * are matched first, even when the translation reorders sections (a list of countries sorted by
 * their translated names); the headings between two such matches are matched by level, order and
 * what their sections carry (links, code, numbers), so the work is quadratic only in the headings
 * between two anchors.
 */
export function matchHeadings(sources: Segment[], translations: Segment[]): HeadingMatches {
  const allS = headingsOf(sources);
  const allT = headingsOf(translations);
  const candidates = anchorMatches(allS, allT);
  const fixed = longestIncreasing(candidates);
  const kept = new Set(fixed.map(([a]) => a));
  const moved = candidates.filter(([a]) => !kept.has(a));
  const movedS = new Set(moved.map(([a]) => a));
  const movedT = new Set(moved.map(([, b]) => b));
  // Moved headings step aside: the others are matched as if they were not there.
  const hs = allS.filter((_, k) => !movedS.has(k));
  const ht = allT.filter((_, k) => !movedT.has(k));
  const indexS = new Map(hs.map((h, k) => [h, k]));
  const indexT = new Map(ht.map((h, k) => [h, k]));
  const anchors = fixed.map(([a, b]) => [indexS.get(allS[a])!, indexT.get(allT[b])!] as [number, number]);
  const ordered: Array<[Segment, Segment]> = [];
  let i = 0;
  let j = 0;
  for (const [a, b] of [...anchors, [hs.length, ht.length] as [number, number]]) {
    for (const [x, y] of matchRun(hs.slice(i, a), ht.slice(j, b))) ordered.push([hs[i + x].segment, ht[j + y].segment]);
    if (a < hs.length) ordered.push([hs[a].segment, ht[b].segment]);
    i = a + 1;
    j = b + 1;
  }
  return { ordered, moved: moved.map(([a, b]) => [allS[a].segment, allT[b].segment]) };
}
