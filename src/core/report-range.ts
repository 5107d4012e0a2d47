import type { LineIndex } from "./lines.js";
import type { LintDocument, Segment, Side } from "./types.js";

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
