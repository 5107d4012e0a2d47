import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { grammarFor } from "../parse/parse.js";
import type { Finding, LintDocument, Segment } from "../core/types.js";
import { inOtherFile } from "./diagnostics.js";
import type { LintedText } from "./session.js";

/** What a directive the server writes says after ` -- `: the reader is meant to replace it with the real reason. */
export const REASON_PLACEHOLDER = "reason";

/** Block kinds a comment cannot be appended to without changing them: code shows it, a heading's anchor and a table's cells take it in. */
const NO_TRAILING_COMMENT = new Set<Segment["kind"]>(["code", "html", "markup", "heading", "table"]);

/** The editor's offsets are the linted text's plus a BOM's one unit, which `lint` takes out. */
function bomLength(linted: LintedText): number {
  return linted.text.startsWith("\uFEFF") ? 1 : 0;
}

function editAt(editor: TextDocument, linted: LintedText, start: number, end: number, newText: string): TextEdit {
  const bom = bomLength(linted);
  return { range: { start: editor.positionAt(start + bom), end: editor.positionAt(end + bom) }, newText };
}

/** The quick fixes of one finding: its safe fix (preferred), its suggestions, and the directives that silence it. */
export function codeActionsFor(editor: TextDocument, linted: LintedText, finding: Finding, diagnostic: Diagnostic): CodeAction[] {
  if (inOtherFile(linted, finding)) return [];
  const actions: CodeAction[] = [];
  const change = (title: string, edits: TextEdit[], isPreferred = false): CodeAction => ({
    title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred, edit: { changes: { [editor.uri]: edits } },
  });
  if (finding.fix) actions.push(change(`Fix: ${finding.message}`, [editAt(editor, linted, finding.fix.range[0], finding.fix.range[1], finding.fix.text)], true));
  for (const suggestion of finding.suggestions ?? []) {
    actions.push(change(suggestion.desc, [editAt(editor, linted, suggestion.fix.range[0], suggestion.fix.range[1], suggestion.fix.text)]));
  }
  const document = linted.document;
  if (!document) return actions;
  const comment = commentSyntax(linted);
  const headerEnd = frontMatterEnd(document);
  // A comment in the front matter would break its YAML: there, only the file can be disabled.
  if (headerEnd === undefined || finding.start > headerEnd) {
    const line = lineDirective(document, finding, comment);
    actions.push(change(`Disable ${finding.ruleId} for this line`, [editAt(editor, linted, line.offset, line.offset, line.text)]));
  }
  const file = fileDirective(document, finding, comment);
  actions.push(change(`Disable ${finding.ruleId} for this file`, [editAt(editor, linted, file.offset, file.offset, file.text)]));
  return actions;
}

/** HTML comments, or `{/* … *\/}` where the file is read as MDX (which has no HTML comments). */
function commentSyntax(linted: LintedText): { open: string; close: string } {
  const { mdx } = grammarFor({ filePath: linted.filePath, mdx: linted.config.mdx });
  return mdx ? { open: "{/* ", close: " */}" } : { open: "<!-- ", close: " -->" };
}

/** The innermost segment holding a finding's start; a source segment counts with its whole comment. */
function segmentAt(document: LintDocument, finding: Finding): Segment | undefined {
  const offset = finding.start;
  let best: Segment | undefined;
  for (const segment of document.segments) {
    if (document.mode === "parallel" && segment.side === "source") continue;
    const [start, end] = segment.comment ? [segment.comment.start, segment.comment.end] : [segment.start, segment.end];
    if (offset < start || offset > end) continue;
    if (!best || start >= (best.comment?.start ?? best.start)) best = segment;
  }
  return best;
}

/**
 * "Disable for this line": a `disable-line` comment at the end of the finding's line, where
 * prose goes on; a `disable-next-line` comment above the block where a trailing comment would
 * change the block (code, headings, tables) or land inside a source comment. A directive above a
 * block covers all of it, and in an inline post the translation paired with a source comment too.
 */
function lineDirective(document: LintDocument, finding: Finding, comment: { open: string; close: string }): { offset: number; text: string } {
  const { lines } = document;
  const reason = ` -- ${REASON_PLACEHOLDER}`;
  const segment = segmentAt(document, finding);
  const blockStart = segment ? (segment.comment?.start ?? segment.start) : undefined;
  const blockLine = blockStart === undefined ? undefined : lines.position(blockStart).line;
  const above = segment !== undefined && (segment.comment !== undefined || NO_TRAILING_COMMENT.has(segment.kind) || (blockLine === finding.line && segment.kind !== "listItem"));
  if (above) {
    const lineStart = lines.starts[blockLine! - 1];
    const before = document.text.slice(lineStart, blockStart);
    // The block's container markers (`> `, a list's indentation) keep the comment in the same container.
    const prefix = /^[ \t>]*$/.test(before) ? before : "";
    return { offset: lineStart, text: `${prefix}${comment.open}nl-lint-disable-next-line ${finding.ruleId}${reason}${comment.close}\n` };
  }
  const end = lines.starts[finding.line - 1] + lines.lineText(finding.line).length;
  return { offset: end, text: ` ${comment.open}nl-lint-disable-line ${finding.ruleId}${reason}${comment.close}` };
}

/** Where the front matter ends, when the document has one. */
function frontMatterEnd(document: LintDocument): number | undefined {
  const first = document.root.children[0];
  return first && (first.type === "yaml" || (first.type as string) === "toml") ? first.position?.end.offset : undefined;
}

/** "Disable for this file": a `disable-file` comment on the first line after the front matter. */
function fileDirective(document: LintDocument, finding: Finding, comment: { open: string; close: string }): { offset: number; text: string } {
  const header = frontMatterEnd(document);
  let offset = 0;
  if (header !== undefined) {
    const line = document.lines.position(header).line;
    offset = line < document.lines.lineCount ? document.lines.starts[line] : document.text.length;
  }
  const lineBreak = offset === document.text.length && offset > 0 && !document.text.endsWith("\n") ? "\n" : "";
  return { offset, text: `${lineBreak}${comment.open}nl-lint-disable-file ${finding.ruleId} -- ${REASON_PLACEHOLDER}${comment.close}\n` };
}

/** Whether two ranges share a position (touching counts: a cursor at a diagnostic's end asks about it). */
export function rangesMeet(a: Range, b: Range): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
