import type { Nodes, Root, RootContent } from "mdast";
import { parseMarkdown } from "../parse/parse.js";
import type { LintDocument, Pair, Segment } from "../core/types.js";

/**
 * A block of a source file whose change a translation must follow: every segment, and the
 * top-level blocks that are not segments but still carry text a translation renders — front
 * matter (titles), link and footnote definitions, HTML and component blocks.
 */
export interface SourceUnit {
  start: number;
  end: number;
  firstLine: number;
  lastLine: number;
  /** A segment kind, or the mdast type of a block that is not a segment (`yaml`, `definition`…). */
  kind: string;
  segment?: Segment;
  node?: RootContent;
}

/** A stretch of the translation, 1-based lines inclusive. */
export interface TranslationSpan {
  start: number;
  end: number;
  firstLine: number;
  lastLine: number;
}

const sourceRoots = new WeakMap<LintDocument, Root>();

/** The source's syntax tree; the document keeps only its segments, so it is parsed again here once. */
function sourceRoot(document: LintDocument): Root {
  let root = sourceRoots.get(document);
  if (!root) {
    root = document.mode === "parallel" ? parseMarkdown(document.sourceText, undefined, document.sourceGrammar) : document.root;
    sourceRoots.set(document, root);
  }
  return root;
}

function linesOf(document: LintDocument, side: "source" | "translation", start: number, end: number): { firstLine: number; lastLine: number } {
  const lines = side === "source" ? document.sourceLines : document.lines;
  return { firstLine: lines.position(start).line, lastLine: lines.position(Math.max(start, end - 1)).line };
}

const unitCache = new WeakMap<LintDocument, SourceUnit[]>();

/** The source units of a parallel translation, in source order; empty in other modes. */
export function sourceUnits(document: LintDocument): SourceUnit[] {
  if (document.mode !== "parallel") return [];
  const cached = unitCache.get(document);
  if (cached) return cached;
  const segments = document.segments.filter((s) => s.side === "source");
  const units: SourceUnit[] = segments.map((segment) => ({
    start: segment.start,
    end: segment.end,
    ...linesOf(document, "source", segment.start, segment.end),
    kind: segment.kind,
    segment,
  }));
  const covered = (start: number, end: number) => segments.some((s) => s.start < end && start < s.end);
  for (const node of sourceRoot(document).children) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined || end <= start || covered(start, end)) continue;
    if (node.type === "thematicBreak") continue;
    units.push({ start, end, ...linesOf(document, "source", start, end), kind: node.type, node });
  }
  units.sort((a, b) => a.start - b.start);
  unitCache.set(document, units);
  return units;
}

/** Whitespace-insensitive text of a unit: reflowing a paragraph does not change what it says. */
export function unitText(document: LintDocument, unit: SourceUnit): string {
  return document.sourceText.slice(unit.start, unit.end).replace(/\s+/g, " ").trim();
}

function spanOf(document: LintDocument, start: number, end: number): TranslationSpan {
  return { start, end, ...linesOf(document, "translation", start, end) };
}

function definitionKey(node: Nodes): string | undefined {
  return node.type === "definition" || node.type === "footnoteDefinition" ? `${node.type}:${node.identifier.toLowerCase()}` : undefined;
}

const pairIndexes = new WeakMap<LintDocument, Map<Segment, Pair>>();

function pairOf(document: LintDocument, segment: Segment): Pair | undefined {
  let index = pairIndexes.get(document);
  if (!index) {
    index = new Map();
    for (const pair of document.pairs) for (const s of pair.sources) index.set(s, pair);
    pairIndexes.set(document, index);
  }
  return index.get(segment);
}

/**
 * Where the translation renders a source unit: the translation blocks paired with a segment,
 * the translation's front matter for the source's, the definition with the same label for a
 * definition. Undefined when nothing in the translation renders it.
 */
export function counterpart(document: LintDocument, unit: SourceUnit): TranslationSpan | undefined {
  if (unit.segment) {
    const translations = pairOf(document, unit.segment)?.translations ?? [];
    if (translations.length === 0) return undefined;
    return spanOf(document, translations[0].start, translations[translations.length - 1].end);
  }
  const key = unit.node ? definitionKey(unit.node) : undefined;
  const match = document.root.children.find((n) =>
    unit.kind === "yaml" ? n.type === "yaml" : key !== undefined && definitionKey(n) === key,
  );
  const start = match?.position?.start.offset;
  const end = match?.position?.end.offset;
  return match && start !== undefined && end !== undefined ? spanOf(document, start, end) : undefined;
}
