import type { Root } from "mdast";
import { featuresOf } from "./features.js";
import { LineIndex } from "../core/lines.js";
import { align, matchScore, type Proximity } from "./align.js";
import { parseDocument, type Grammar, type GrammarProblem } from "../parse/parse.js";
import { commentsOfTree, isDirectiveComment, isProseComment, segmentDocument } from "./segments.js";
import { matchHeadings, runProximity } from "./sections.js";
import type { Pair, Segment } from "../core/types.js";

/**
 * Translation length / source length over the whole file's paragraphs (a region alone is too
 * small to tell; list items are often settings and names that stay in the source language).
 */
function fileLengthRatio(sources: Segment[], translations: Segment[]): number {
  const length = (list: Segment[]) => list.filter((s) => s.kind === "paragraph").reduce((n, s) => n + featuresOf(s).length, 0);
  const s = length(sources);
  const t = length(translations);
  if (s === 0 || t === 0) return 1;
  return Math.min(4, Math.max(0.2, t / s));
}

/** Position inside one region between two matched headings, in blocks, from either end. */
function regionProximity(sources: Segment[], translations: Segment[]): Proximity {
  const sIndex = new Map(sources.map((s, i) => [s, i]));
  const tIndex = new Map(translations.map((t, i) => [t, i]));
  return (s, t) => runProximity(sIndex.get(s[0])!, sources.length, tIndex.get(t[0])!, translations.length);
}

function unpaired(sources: Segment[], translations: Segment[]): Pair[] {
  return [...sources.map((s) => ({ sources: [s], translations: [] })), ...translations.map((t) => ({ sources: [], translations: [t] }))];
}

/** Near blocks left unpaired (a passage rewritten since it was translated), a pair needs this much content evidence. */
const DOUBTFUL = -0.35;
/** How many pairs either side of a pair are looked at for unpaired blocks. */
const NEIGHBOURHOOD = 3;

/**
 * Splits pairs that only position holds together. Where blocks around a pair are unpaired, the
 * translation follows an older source there, and a block of the same length at the same place
 * is as likely another passage as its translation: such a pair must be supported by what the
 * two blocks share (links, code, numbers, names, cognates), or it is dropped.
 */
function dropDoubtfulPairs(pairs: Pair[], lengthRatio: number): Pair[] {
  const isUnpaired = pairs.map((p) => p.sources.length === 0 || p.translations.length === 0);
  return pairs.flatMap((pair, k) => {
    if (isUnpaired[k]) return [pair];
    const rewritten = isUnpaired.slice(Math.max(0, k - NEIGHBOURHOOD), k + NEIGHBOURHOOD + 1).some(Boolean);
    // Elsewhere position is trusted: a faithful block may share nothing visible with its source
    // (every link localised, en-US → pt-BR), and dropping it would report a missing passage.
    if (!rewritten) return [pair];
    const evidence = matchScore(pair.sources, pair.translations, { proximity: () => 0, lengthRatio });
    if (evidence < DOUBTFUL) return unpaired(pair.sources, pair.translations);
    return [pair];
  });
}

/** A heading and the blocks under it, up to the next heading of any level. */
function flatSection(segments: Segment[], heading: Segment): Segment[] {
  const start = segments.indexOf(heading);
  let end = start + 1;
  while (end < segments.length && segments[end].kind !== "heading") end++;
  return segments.slice(start, end);
}

function firstTranslationStart(pair: Pair): number {
  return pair.translations.length > 0 ? pair.translations[0].start : -1;
}

/**
 * Translation length / source length, the median over paragraphs paired one to one: content one
 * side lacks does not skew it, nor do lists of names and settings that stay in the source language.
 */
function pairedLengthRatio(groups: Pair[][], fallback: number): number {
  const ratios: number[] = [];
  for (const pair of groups.flat()) {
    if (pair.sources.length !== 1 || pair.translations.length !== 1) continue;
    if (pair.sources[0].kind !== "paragraph" || pair.translations[0].kind !== "paragraph") continue;
    const s = featuresOf(pair.sources[0]).length;
    if (s >= 30) ratios.push(featuresOf(pair.translations[0]).length / s);
  }
  if (ratios.length < 3) return fallback;
  ratios.sort((a, b) => a - b);
  return Math.min(4, Math.max(0.2, ratios[Math.floor(ratios.length / 2)]));
}

/**
 * Blocks that crossed a heading: the translator put paragraphs after a heading instead of before it
 * (a welcome under a heading the translation added, a title matched to the wrong section), so they
 * sit unpaired on one side of a matched heading and their sources unpaired on the other. The two
 * runs are aligned with each other, with less trust in nearness than within a region: the heading
 * between them is a reason to doubt. Changes `pairs` in place.
 */
function pairAcrossHeadings(pairs: Pair[], lengthRatio: number): void {
  const lone = (pair: Pair | undefined, side: "sources" | "translations") =>
    pair !== undefined && pair[side].length === 1 && pair[side === "sources" ? "translations" : "sources"].length === 0;
  for (let k = 1; k + 1 < pairs.length; k++) {
    const heading = pairs[k];
    if (heading.sources[0]?.kind !== "heading" || heading.translations[0]?.kind !== "heading") continue;
    for (const [before, after] of [["sources", "translations"], ["translations", "sources"]] as const) {
      let first = k;
      while (lone(pairs[first - 1], before)) first--;
      let last = k;
      while (lone(pairs[last + 1], after)) last++;
      if (first === k || last === k) continue;
      const ahead = pairs.slice(first, k).map((p) => p[before][0]);
      const behind = pairs.slice(k + 1, last + 1).map((p) => p[after][0]);
      const [sources, translations] = before === "sources" ? [ahead, behind] : [behind, ahead];
      const aligned = align(sources, translations, { proximity: () => ACROSS_HEADING_NEARNESS, lengthRatio });
      if (!aligned.some((p) => p.sources.length > 0 && p.translations.length > 0)) continue;
      // Matched pairs take their source's place, so that the source side stays in order.
      const withSources = aligned.filter((p) => p.sources.length > 0);
      const translationsOnly = aligned.filter((p) => p.sources.length === 0);
      const [keptAhead, keptBehind] = before === "sources" ? [withSources, translationsOnly] : [translationsOnly, withSources];
      pairs.splice(k + 1, last - k, ...keptBehind);
      pairs.splice(first, k - first, ...keptAhead);
      k = first + keptAhead.length;
      break;
    }
  }
}

/** Nearness given to blocks a heading parts: a pair across it needs more content evidence than beside. */
const ACROSS_HEADING_NEARNESS = 0.7;

/**
 * Pairs the blocks of a source file with those of its translation: headings first (by anchor,
 * level, order and what their sections carry), then the blocks between two matched headings with
 * `align` (1:1, 1:n, n:1, skips). Alignment is quadratic only inside such a region.
 */
export function alignParallel(allSources: Segment[], allTranslations: Segment[]): Pair[] {
  const { ordered, moved } = matchHeadings(allSources, allTranslations);
  // A section the translation moved is aligned on its own, then set aside.
  const movedSections = moved.map(([a, b]) => [flatSection(allSources, a), flatSection(allTranslations, b)] as const);
  const setAside = new Set<Segment>(movedSections.flatMap(([s, t]) => [...s, ...t]));
  const sources = allSources.filter((x) => !setAside.has(x));
  const translations = allTranslations.filter((x) => !setAside.has(x));
  const indexS = new Map(sources.map((x, k) => [x, k]));
  const indexT = new Map(translations.map((x, k) => [x, k]));
  const anchors = ordered.map(([x, y]) => [indexS.get(x)!, indexT.get(y)!] as const);

  // Regions alternate with matched headings: regions[k] comes before anchors[k].
  const alignRegions = (lengthRatio: number): { regions: Pair[][]; movedGroups: Pair[][] } => {
    const region = (s: Segment[], t: Segment[]): Pair[] =>
      s.length === 0 || t.length === 0 ? unpaired(s, t) : align(s, t, { proximity: regionProximity(s, t), lengthRatio });
    const regions: Pair[][] = [];
    let i = 0;
    let j = 0;
    for (const [a, b] of anchors) {
      regions.push(region(sources.slice(i, a), translations.slice(j, b)));
      i = a + 1;
      j = b + 1;
    }
    regions.push(region(sources.slice(i), translations.slice(j)));
    return { regions, movedGroups: movedSections.map(([s, t]) => region(s.slice(1), t.slice(1))) };
  };

  // Content one side lacks skews the whole-file length ratio; the pairs of a first pass do not.
  const fileRatio = fileLengthRatio(allSources, allTranslations);
  let aligned = alignRegions(fileRatio);
  const pairedRatio = pairedLengthRatio([...aligned.regions, ...aligned.movedGroups], fileRatio);
  if (Math.abs(Math.log(pairedRatio / fileRatio)) > 0.1) aligned = alignRegions(pairedRatio);

  const pairs: Pair[] = [];
  aligned.regions.forEach((group, k) => {
    for (const pair of dropDoubtfulPairs(group, pairedRatio)) pairs.push(pair);
    if (k < anchors.length) pairs.push({ sources: [sources[anchors[k][0]]], translations: [translations[anchors[k][1]]] });
  });
  pairAcrossHeadings(pairs, pairedRatio);
  moved.forEach(([a, b], k) => {
    const group = [{ sources: [a], translations: [b] }, ...dropDoubtfulPairs(aligned.movedGroups[k], pairedRatio)];
    const at = firstTranslationStart(group[0]);
    const index = pairs.findIndex((p) => firstTranslationStart(p) > at);
    pairs.splice(index < 0 ? pairs.length : index, 0, ...group);
  });
  return pairs;
}

export interface ParallelParts {
  sourceText: string;
  sourceLines: LineIndex;
  segments: Segment[];
  pairs: Pair[];
  /** Where the source was not valid in its grammar and was read as Markdown. */
  problem?: GrammarProblem;
}

/**
 * The last source parsed, kept for the next translation: a run hands a thread the translations of
 * one source one after another (`pt/x.md`, `ja/x.md`…), and each would parse it again. Trees are
 * not changed by anything downstream, so sharing one is safe.
 */
let lastSource: { text: string; grammar: Grammar; lines: LineIndex; root: Root; problem?: GrammarProblem } | undefined;

function parsedSource(text: string, grammar: Grammar): { lines: LineIndex; root: Root; problem?: GrammarProblem } {
  if (lastSource?.text !== text || lastSource.grammar.mdx !== grammar.mdx || lastSource.grammar.directives !== grammar.directives) {
    const { root, problem } = parseDocument(text, grammar);
    lastSource = { text, grammar, lines: new LineIndex(text), root, problem };
  }
  return lastSource;
}

/** A source file parsed (with the last-source cache) and split into source segments, in order. */
export function sourceFileSegments(sourceText: string, grammar: Grammar): { lines: LineIndex; segments: Segment[]; problem?: GrammarProblem } {
  const { lines, root, problem } = parsedSource(sourceText, grammar);
  const segments = segmentDocument({ text: sourceText, lines, root, side: "source", commentsAreSources: false });
  return { lines, segments, ...(problem ? { problem } : {}) };
}

/** Parses and segments a source file and the translation already parsed, and pairs their blocks. */
export function parallelParts(translation: { text: string; lines: LineIndex; root: Root }, sourceText: string, grammar: Grammar): ParallelParts {
  const { lines: sourceLines, segments: sources, problem } = sourceFileSegments(sourceText, grammar);
  const translations = segmentDocument({ ...translation, side: "translation", commentsAreSources: false });
  sources.forEach((s, i) => (s.id = i));
  translations.forEach((t, i) => (t.id = sources.length + i));
  return { sourceText, sourceLines, segments: [...sources, ...translations], pairs: alignParallel(sources, translations), ...(problem ? { problem } : {}) };
}

function letterCount(text: string): number {
  return text.replace(/[^\p{L}\p{N}]+/gu, "").length;
}

/**
 * Whether a translation carries its source in comments, beside each block: then the comments are
 * what the translator aligned with, and they win over a source file. A few prose comments (notes
 * to editors, which documentation sites keep in every language) do not make a post bilingual: the
 * comments must hold a good share of the text.
 */
export function isInlineBilingual(root: Root, text: string): boolean {
  let commented = 0;
  // A directive (a suppression, a review marker) is neither source nor translation: its letters count on no side.
  let directives = 0;
  for (const { inner } of commentsOfTree(root, text)) {
    if (isDirectiveComment(inner)) directives += letterCount(inner);
    else if (isProseComment(inner)) commented += letterCount(inner);
  }
  return commented > 0 && commented >= 0.25 * (letterCount(text) - directives);
}
