import * as z from "zod";
import { defineRule } from "../../src/core/rule.js";
import { segmentFirstLine } from "../../src/core/report-range.js";
import type { LintDocument, Pair, Report, Segment, TextEdit } from "../../src/core/types.js";
import { diffSequences } from "../../src/drift/sequence-diff.js";
import { blockOf, compareBlocks, type Block, type BlockChange } from "./align-blocks.js";
import { wordDiff } from "./compare.js";
import { examples } from "./examples.js";
import { REVIEW_MARKER, reviewMarkers } from "./review-marker.js";

/**
 * An inline bilingual post keeps its English in comments; when that English also exists as its
 * own file, the file moves on and the comments stay behind. Each comment block is compared with
 * the file's blocks (sequence diff, then pairing by shared words) and every block changed, added
 * or removed is reported at its comment, with the words that differ. Blocks the translator
 * rendered without keeping a comment (titles, images, code) are not additions.
 */

type Changed = Extract<BlockChange, { kind: "changed" }>;

/** Kinds of block whose comment --fix rewrites and whose translation it marks: one line of Markdown opens them. */
const FIXABLE_KINDS = new Set<Segment["kind"]>(["paragraph", "heading"]);

function sourceLine(document: LintDocument, block: Block): number {
  return document.sourceFile!.lines.position(block.segment.start).line;
}

function excerpt(block: Block): string {
  return block.text.length > 80 ? `${block.text.slice(0, 79)}…` : block.text;
}

/** Whether an offset starts its line: what is written there is not inside a block quote or a list. */
function startsLine(document: LintDocument, offset: number): boolean {
  const { line } = document.lines.position(offset);
  return document.text.slice(document.lines.starts[line - 1], offset).trim() === "";
}

function pairOf(document: LintDocument, segment: Segment): Pair | undefined {
  return document.pairs.find((p) => p.sources.includes(segment));
}

/** Today's English for a comment: its own text with `\n` line ends (--fix writes the file's own). */
function englishText(block: Block): string {
  return block.segment.raw.replace(/\r\n?/g, "\n");
}

/** The edit that writes today's English into the comment, when it can be written there as it is. */
function commentEdit(change: Changed): TextEdit | undefined {
  const { comment, english } = change;
  // A block kept in several comments, or English holding comment syntax, cannot take the text as it is.
  if (/<!--|-->/.test(comment.segment.raw) || /<!--|--!?>/.test(english.segment.raw)) return undefined;
  // The spaces around the text inside `<!-- … -->` are the comment's own and stay.
  const { start, raw } = comment.segment;
  const from = start + (raw.length - raw.trimStart().length);
  return { range: [from, from + raw.trim().length], text: englishText(english) };
}

/** The marker's edit above the translation of a comment, when one block, on lines of its own, renders it. */
function markerEdit(document: LintDocument, change: Changed): TextEdit | undefined {
  const translations = pairOf(document, change.comment.segment)?.translations ?? [];
  const first = translations[0];
  if (!first || !FIXABLE_KINDS.has(first.kind) || !startsLine(document, first.start)) return undefined;
  const markers = reviewMarkers(document);
  // A translation already marked keeps its one marker.
  if (markers.some((m) => document.text.slice(m.end, first.start).trim() === "")) return { range: [first.start, first.start], text: "" };
  return { range: [first.start, first.start], text: `${REVIEW_MARKER}\n` };
}

function changedReport(document: LintDocument, change: Changed): Report {
  const { comment, english } = change;
  const edit = commentEdit(change);
  const sure = change.certain && comment.segment.kind === english.segment.kind && FIXABLE_KINDS.has(comment.segment.kind) && startsLine(document, comment.segment.comment!.start);
  const marker = edit && sure ? markerEdit(document, change) : undefined;
  const fix = edit && marker ? [edit, ...(marker.text ? [marker] : [])] : undefined;
  return {
    messageId: "changed",
    data: { line: sourceLine(document, english), diff: wordDiff(comment.words, english.words) },
    ...segmentFirstLine(document, comment.segment),
    ...(fix ? { fix } : edit ? { suggestions: [{ desc: "Write today's English into the comment (then review the translation).", fix: edit }] } : {}),
  };
}

/**
 * The translation segments that may render a block without keeping its English: those no comment
 * is paired with, and those of a pair with more translations than comments (the aligner joins an
 * uncommented title to the paragraph after it).
 */
function uncommented(document: LintDocument): Segment[] {
  return document.pairs.filter((p) => p.translations.length > p.sources.length).flatMap((p) => p.translations);
}

/**
 * Drops the added blocks that the translation renders without a comment: between the comments
 * around the stretch, an uncommented translation block of the same kind, in order, stands for each.
 */
function withoutUncommented(document: LintDocument, changes: Array<BlockChange & { hunk: { aStart: number; aEnd: number } }>, comments: Block[]): BlockChange[] {
  const lone = uncommented(document);
  const kept: BlockChange[] = [];
  const byHunk = new Map<number, typeof changes>();
  for (const change of changes) byHunk.set(change.hunk.aStart, [...(byHunk.get(change.hunk.aStart) ?? []), change]);
  for (const [aStart, group] of byHunk) {
    const aEnd = group[0].hunk.aEnd;
    const from = aStart > 0 ? comments[aStart - 1].segment.comment!.end : 0;
    const to = aEnd < comments.length ? comments[aEnd].segment.comment!.start : document.text.length;
    const rendered = lone.filter((t) => t.start >= from && t.end <= to).map((t) => t.kind);
    const added = group.filter((c): c is Extract<BlockChange, { kind: "added" }> & { hunk: { aStart: number; aEnd: number } } => c.kind === "added");
    const matched = new Set<number>(added.map((_, k) => k));
    for (const hunk of diffSequences(added.map((c) => c.english.segment.kind), rendered)) for (let k = hunk.aStart; k < hunk.aEnd; k++) matched.delete(k);
    for (const change of group) if (change.kind !== "added" || !matched.has(added.indexOf(change))) kept.push(change);
  }
  return kept;
}

export default defineRule({
  id: "outdated-source",
  description: "The English kept in an inline post's comments no longer matches its source file: a block changed, added or removed.",
  severity: "warn",
  fixable: true,
  uses: ["sourceFile"],
  schema: z.object({}).strict(),
  messages: {
    changed: "The English in this comment differs from the source file (line {{line}}): {{diff}}",
    added: 'The source file has a block (line {{line}}) that no comment keeps, after this one: "{{text}}"',
    addedFirst: 'The source file has a block (line {{line}}) that no comment keeps, before this one: "{{text}}"',
    removed: "The source file no longer has this comment's English: \"{{text}}\"",
    review: "Marked for review: the English of this translation changed. Check the translation, then delete this marker.",
  },
  examples,
  check({ document, report }) {
    if (document.mode !== "inline") return;
    for (const marker of reviewMarkers(document)) report({ messageId: "review", side: "translation", ...marker, reviewMarker: true });
    const file = document.sourceFile;
    if (!file) return;
    const comments = document.segments.filter((s) => s.side === "source" && s.comment).map(blockOf);
    const english = file.segments.map(blockOf);
    const changes = withoutUncommented(document, compareBlocks(comments, english), comments);
    for (const change of changes) {
      if (change.kind === "changed") report(changedReport(document, change));
      else if (change.kind === "removed") report({ messageId: "removed", data: { text: excerpt(change.comment) }, ...segmentFirstLine(document, change.comment.segment) });
      else {
        const at = change.after ?? comments[0];
        if (!at) continue;
        report({ messageId: change.after ? "added" : "addedFirst", data: { line: sourceLine(document, change.english), text: excerpt(change.english) }, ...segmentFirstLine(document, at.segment) });
      }
    }
  },
});
