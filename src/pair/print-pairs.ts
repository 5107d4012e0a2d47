import type { LintDocument, Segment } from "../core/types.js";

/**
 * The segment's first words as written, so that they can be searched for in the file; only the
 * comment markers between the lines of a source text kept one comment a line are left out.
 */
function firstWords(segment: Segment, count = 8): string {
  const words = segment.raw
    .replace(/<!--|-->/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  const head = words.slice(0, count).join(" ");
  return words.length > count ? `${head} …` : head;
}

function lineRange(document: LintDocument, segments: Segment[]): string {
  const lines = segments[0].side === "source" ? document.sourceLines : document.lines;
  const from = lines.position(segments[0].start).line;
  const to = lines.position(segments[segments.length - 1].end).line;
  return from === to ? `${from}` : `${from}-${to}`;
}

/** How a document was understood: each pair as source lines ↔ translation lines, then the unpaired. */
export function describePairs(document: LintDocument): string {
  const out: string[] = [];
  const unpairedSources: string[] = [];
  const unpairedTranslations: string[] = [];
  for (const pair of document.pairs) {
    if (pair.sources.length > 0 && pair.translations.length > 0) {
      out.push(`${lineRange(document, pair.sources).padStart(9)} ↔ ${lineRange(document, pair.translations).padEnd(9)} ${firstWords(pair.sources[0])}  ↔  ${firstWords(pair.translations[0])}`);
    } else if (pair.sources.length > 0) {
      unpairedSources.push(`  ${lineRange(document, pair.sources).padStart(9)}  ${firstWords(pair.sources[0])}`);
    } else {
      unpairedTranslations.push(`  ${lineRange(document, pair.translations).padStart(9)}  ${firstWords(pair.translations[0])}`);
    }
  }
  const matched = out.length;
  return [
    `mode: ${document.mode}; ${matched} pairs, ${unpairedSources.length} unpaired source segments, ${unpairedTranslations.length} unpaired translation segments`,
    "   source ↔ translation",
    ...out,
    "",
    `unpaired source segments (${unpairedSources.length}):`,
    ...unpairedSources,
    "",
    `unpaired translation segments (${unpairedTranslations.length}):`,
    ...unpairedTranslations,
    "",
  ].join("\n");
}
