import { basename } from "node:path";
import { pathToFileURL } from "node:url";
import type { Hover, Location, Range } from "vscode-languageserver/node";
import type { Finding, LintDocument, Pair, Segment } from "../core/types.js";
import type { LineIndex } from "../core/lines.js";
import { segmentText } from "../core/rule.js";
import type { LintedText } from "./session.js";

/** The block under an offset of the linted text (BOM removed), and the pair it is in. */
function blockAt(document: LintDocument, offset: number): { segment: Segment; pair: Pair } | undefined {
  let best: Segment | undefined;
  for (const segment of document.segments) {
    // A parallel source lives in another file: nothing of it is under the cursor.
    if (document.mode === "parallel" && segment.side === "source") continue;
    const [start, end] = segment.comment ? [segment.comment.start, segment.comment.end] : [segment.start, segment.end];
    if (offset < start || offset > end) continue;
    if (!best || end - start < spanOf(best)) best = segment;
  }
  if (!best) return undefined;
  const pair = document.pairs.find((p) => p.translations.includes(best!) || p.sources.includes(best!));
  return pair ? { segment: best, pair } : undefined;
}

function spanOf(segment: Segment): number {
  return segment.comment ? segment.comment.end - segment.comment.start : segment.end - segment.start;
}

function rangeOf(lines: LineIndex, start: number, end: number): Range {
  const from = lines.position(start);
  const to = lines.position(end);
  return { start: { line: from.line - 1, character: from.column - 1 }, end: { line: to.line - 1, character: to.column - 1 } };
}

function blockText(document: LintDocument, segment: Segment): string {
  return segmentText(document, segment).slice(segment.start, segment.end);
}

/** The findings reported in a pair's blocks, on either side. */
function pairFindings(linted: LintedText, pair: Pair): Finding[] {
  const inBlock = (finding: Finding, segment: Segment) => segment.start <= finding.start && finding.start <= segment.end;
  return linted.findings.filter((finding) => (finding.side === "source" ? pair.sources : pair.translations).some((segment) => inBlock(finding, segment)));
}

/**
 * Hover: over a translated block, its source block (rendered as Markdown) and the pair's findings;
 * over a source comment, the translation it pairs with. Undefined over a block without a partner.
 */
export function hoverAt(linted: LintedText, offset: number): Hover | undefined {
  const document = linted.document;
  const found = document && blockAt(document, offset);
  if (!found) return undefined;
  const { segment, pair } = found;
  const onSource = segment.side === "source";
  const partners = onSource ? pair.translations : pair.sources;
  if (partners.length === 0) return undefined;
  const where = !onSource && document.mode === "parallel" && document.sourceFilePath ? ` (${basename(document.sourceFilePath)}:${document.sourceLines.position(partners[0].start).line})` : "";
  const parts = [`**${onSource ? "Translation" : "Source"}**${where}`, ...partners.map((s) => blockText(document, s))];
  const findings = pairFindings(linted, pair);
  if (findings.length > 0) parts.push("---", findings.map((f) => `- \`${f.ruleId}\` (line ${f.line}): ${f.message}`).join("\n"));
  const [start, end] = segment.comment ? [segment.comment.start, segment.comment.end] : [segment.start, segment.end];
  return { contents: { kind: "markdown", value: parts.join("\n\n") }, range: rangeOf(document.lines, start, end) };
}

/** Go to definition: from a translated block to its source blocks, in the same file (inline) or the source file (parallel). */
export function definitionAt(linted: LintedText, offset: number, uri: string): Location[] {
  const document = linted.document;
  const found = document && blockAt(document, offset);
  if (!found || found.segment.side !== "translation") return [];
  const parallel = document.mode === "parallel";
  const target = parallel && document.sourceFilePath ? pathToFileURL(document.sourceFilePath).href : uri;
  const lines = parallel ? document.sourceLines : document.lines;
  return found.pair.sources.map((s) => ({ uri: target, range: rangeOf(lines, s.start, s.end) }));
}
