import type { LineIndex } from "./lines.js";
import type { LintDocument, Pair, Segment, Side } from "./types.js";

/** Ranges rules report on, computed one way: where a finding about a whole block points. */

export interface ReportRange {
  start: number;
  end: number;
}

/** The line index of one side's text: the source file's in parallel mode, else the document's. */
export function linesOfSide(document: LintDocument, side: Side): LineIndex {
  return side === "source" ? document.sourceLines : document.lines;
}

/** Where the line holding `offset` ends, its line break (`\n`, `\r\n` or `\r`) left out. */
function lineEndAt(lines: LineIndex, offset: number): number {
  const { line } = lines.position(offset);
  return lines.starts[line - 1] + lines.lineText(line).length;
}

/**
 * The first line of a span: from its start to the end of that line or of the span, whichever
 * comes first. Never empty, so that an editor has something to underline.
 */
export function firstLineOf(lines: LineIndex, span: ReportRange): ReportRange {
  const end = Math.min(span.end, lineEndAt(lines, span.start));
  return { start: span.start, end: Math.max(span.start + 1, end) };
}

/** A finding about a whole segment points at its first line: a long paragraph is not underlined whole. */
export function segmentFirstLine(document: LintDocument, segment: Segment): ReportRange & { side: Side } {
  return { side: segment.side, ...firstLineOf(linesOfSide(document, segment.side), segment) };
}

/**
 * The translation line that corresponds to a line of a paired source block: the same share of the
 * way through the pair's translation (a paragraph's fourth line for its fourth line), its text
 * without the indentation. A finding about something the translation lacks points there.
 */
export function correspondingLine(document: LintDocument, pair: Pair, source: Segment, sourceOffset: number): ReportRange {
  const sourceLines = document.sourceLines;
  const at = Math.max(0, pair.sources.indexOf(source));
  const translation = pair.translations[Math.min(at, pair.translations.length - 1)];
  const span = (lines: LineIndex, segment: Segment) => {
    const first = lines.position(segment.start).line;
    return { first, count: lines.position(Math.max(segment.start, segment.end - 1)).line - first };
  };
  const from = span(sourceLines, source);
  const to = span(document.lines, translation);
  const share = from.count === 0 ? 0 : (sourceLines.position(sourceOffset).line - from.first) / from.count;
  const line = to.first + Math.round(share * to.count);
  const lineStart = Math.max(translation.start, document.lines.starts[line - 1]);
  const lineEnd = Math.min(translation.end, (document.lines.starts[line] ?? translation.end + 1) - 1);
  const text = document.text.slice(lineStart, lineEnd);
  const start = lineStart + (text.length - text.trimStart().length);
  const end = lineStart + text.trimEnd().length;
  return end > start ? { start, end } : { start: translation.start, end: translation.start + 1 };
}
