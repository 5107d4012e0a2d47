import type { Blockquote, Definition, Html, LinkReference, Nodes, Paragraph, Parent, Root, RootContent } from "mdast";
import type { LeafDirective } from "mdast-util-directive";
import { identifyLanguage, usesOwnScript } from "../text/language-id.js";
import type { LineIndex } from "../core/lines.js";
import { isMarkupOnly } from "../parse/markup.js";
import { normalizeIdentifier } from "micromark-util-normalize-identifier";
import { definitionLines, definitionsUsableIn, parseFragment } from "../parse/parse.js";
import { visitNodes } from "../parse/tree.js";
import type { Segment, SegmentKind, Side } from "../core/types.js";
import { dominantScript } from "../text/words.js";

/** A comment `<!-- … -->` found in the text, with its inside. */
export interface CommentSpan {
  start: number;
  end: number;
  innerStart: number;
  innerEnd: number;
  closed: boolean;
}

/** Comments inside an HTML node's text, offsets into the document. */
export function commentsIn(value: string, base: number): CommentSpan[] {
  const spans: CommentSpan[] = [];
  let from = 0;
  for (;;) {
    const open = value.indexOf("<!--", from);
    if (open < 0) break;
    const close = value.indexOf("-->", open + 4);
    const closed = close >= 0;
    const end = closed ? close + 3 : value.length;
    spans.push({
      start: base + open,
      end: base + end,
      innerStart: base + open + 4,
      innerEnd: base + (closed ? close : value.length),
      closed,
    });
    from = end;
  }
  return spans;
}

const DIRECTIVE = /^\s*(?:nl-lint[-\w]*|markdownlint[-\w]*|prettier[-\w]*|textlint[-\w]*|cspell:?|vale\b|alex[-\w]*|eslint[-\w]*|lint[-\w]*|todo\b|fixme\b|more\s*$|toc\s*$|end\b|raw\b|endraw\b|vale\s)/i;

/** True when a comment's inside reads as prose (a source text) rather than a note to a tool. */
export function isProseComment(inner: string): boolean {
  if (DIRECTIVE.test(inner)) return false;
  const words = inner.match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? [];
  if (words.length >= 2) return true;
  return words.length === 1 && /[#*_[]/.test(inner);
}

/** True when the comment is an nl-lint directive such as `nl-lint-disable-next-line`. */
export function isDirectiveComment(inner: string): boolean {
  return /^\s*nl-lint-/.test(inner);
}

const SPACER_LINE = /^[ \t]*\\\\?[ \t]*$/;

/** Offsets of a paragraph's content once lines holding only `\\` are set aside, or null if none is left. */
function trimSpacerLines(text: string, start: number, end: number): [number, number] | null {
  const lines: Array<[number, number]> = [];
  let lineStart = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === "\n" || text[i] === "\r") {
      lines.push([lineStart, i]);
      if (text[i] === "\r" && text[i + 1] === "\n") i++;
      lineStart = i + 1;
    }
  }
  const content = lines.filter(([s, e]) => !SPACER_LINE.test(text.slice(s, e)) && text.slice(s, e).trim() !== "");
  if (content.length === 0) return null;
  return [content[0][0], content[content.length - 1][1]];
}

function pushParagraph(b: Builder, side: Side, node: Paragraph, range: [number, number], extra: Partial<Segment>): void {
  const trimmed = trimSpacerLines(b.text, range[0], range[1]);
  if (!trimmed) return;
  const kind = isImageOnly(node) ? "image" : isMarkupOnly(b.text.slice(trimmed[0], trimmed[1])) ? "markup" : "paragraph";
  push(b, side, kind, node, trimmed, extra);
}

/**
 * A paragraph that a line holding only `\\` cuts in two is two paragraphs to a reader: the line
 * renders as a break (an exported post writes one between a bold title and its text, with no
 * blank line). Each part is read again on its own, so that each is a block of its own; a
 * paragraph in a container (its lines carry `>` or an indent) is left whole.
 */
function spacerParts(b: Builder, node: Paragraph): Paragraph[] {
  const text = b.text;
  const [start, end] = offsets(node);
  if (node.position?.start.column !== 1) return [node];
  const lines = text.slice(start, end).split("\n");
  if (lines.length < 3 || lines.some((line) => /^[ \t]*>/.test(line))) return [node];
  const parts: Array<[number, number]> = [];
  let from = start;
  let at = start;
  for (const line of lines) {
    if (SPACER_LINE.test(line) && at > from) {
      parts.push([from, at - 1]);
      from = at + line.length + 1;
    }
    at += line.length + 1;
  }
  if (parts.length === 0 || from >= end) return [node];
  parts.push([from, end]);
  return parts.flatMap(([s, e]) => {
    const part = text.slice(s, e);
    return parseFragment(part, s, b.lines, undefined, definitionLines(definitionsUsableIn(part, b.documentDefinitions()))).children.filter((c): c is Paragraph => c.type === "paragraph");
  });
}

function isImageOnly(node: Parent): boolean {
  let images = 0;
  for (const child of node.children as Nodes[]) {
    if (child.type === "image" || child.type === "imageReference") images++;
    else if (child.type === "link" && child.children.every((c) => c.type === "image")) images++;
    else if (child.type === "break") continue;
    else if (child.type === "text" && /^[\s\\]*$/.test(child.value)) continue;
    else return false;
  }
  return images > 0;
}

interface Builder {
  text: string;
  lines: LineIndex;
  segments: Segment[];
  /** Whether prose comments become source segments (inline bilingual posts). */
  commentsAreSources: boolean;
  /** Where the parser was given fewer nested containers than written (see `guardNesting`). */
  nestingCuts?: number[];
  /** The languages of the two texts: a comment in the target language is a note, not source. */
  languages: { source: string; target?: string };
  /** The document's reference definitions, for the references written in comments. */
  definitions: Definition[];
  /** Definitions found inside comments. */
  commentDefinitions: Definition[];
  /** The document's own reference definitions, for a part of a paragraph read again. */
  documentDefinitions: () => Definition[];
}

function offsets(node: Nodes): [number, number] {
  return [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0];
}

function push(b: Builder, side: Side, kind: SegmentKind, node: Nodes, range: [number, number], extra: Partial<Segment> = {}): void {
  b.segments.push({
    id: b.segments.length,
    side,
    kind,
    start: range[0],
    end: range[1],
    raw: b.text.slice(range[0], range[1]),
    nodes: [node],
    ...extra,
  });
}

/**
 * Where the source text of a comment ends. A comment that is never closed runs to the end of the
 * file, over the translations and comments after it; its author meant it to hold its own
 * paragraph, so that is all that is read as source (comment-syntax reports the missing `-->`).
 */
function sourceEnd(text: string, span: CommentSpan): number {
  if (span.closed) return span.innerEnd;
  const blankLine = /\r?\n[ \t>]*(?:\r?\n|$)/g;
  blankLine.lastIndex = span.innerStart;
  const match = blankLine.exec(text);
  return match && match.index < span.innerEnd ? match.index : span.innerEnd;
}

function addComments(b: Builder, node: Html): void {
  addCommentRun(b, [node]);
}

/**
 * The source texts held by a run of HTML nodes: comments written one after another with no blank
 * line between them are one text (a paragraph kept as one `<!-- line -->` per line), while a blank
 * line, a comment that is not prose or a translator's note ends it.
 */
function addCommentRun(b: Builder, nodes: Html[]): void {
  if (!b.commentsAreSources) return;
  let run: CommentSpan[] = [];
  const flush = () => {
    if (run.length > 0) addSourceText(b, run);
    run = [];
  };
  for (const node of nodes) {
    for (const span of commentsIn(node.value, offsets(node)[0])) {
      const inner = b.text.slice(span.innerStart, sourceEnd(b.text, span));
      if (isDirectiveComment(inner) || isTranslatorNote(inner, b.languages)) {
        flush();
        continue;
      }
      if (run.length > 0 && !LINE_GAP.test(b.text.slice(run[run.length - 1].end, span.start))) flush();
      run.push(span);
    }
  }
  flush();
}

/** What may separate two comments of one source text: spaces and at most one line break (in a block quote, its markers). */
const LINE_GAP = /^[ \t]*(?:\r?\n[ \t>]*)?$/;

/**
 * A comment's lines with the `<!--` that opens each of them blanked out (same length, so offsets
 * hold): a writer who opens a comment on every line but closes only the last wrote one comment,
 * and its later openers are no text (read as Markdown, each would start an HTML block).
 */
function withoutReopeningMarks(inner: string): string {
  return inner.replace(/(\n[ \t]*)<!--/g, (_, lineStart: string) => `${lineStart}    `);
}

/**
 * Parses the insides of comments as one Markdown text, a line break between two comments, with
 * the document's reference definitions in view; positions map back to the document.
 */
function addSourceText(b: Builder, spans: CommentSpan[]): void {
  const pieces: Array<{ at: number; offset: number; length: number }> = [];
  let fragment = "";
  for (const span of spans) {
    if (fragment !== "") fragment += "\n";
    const inner = withoutReopeningMarks(b.text.slice(span.innerStart, sourceEnd(b.text, span)));
    pieces.push({ at: fragment.length, offset: span.innerStart, length: inner.length });
    fragment += inner;
  }
  // A tool's note (`<!-- more -->`) is not a text; a line of code alone may be, with the lines beside it.
  if (!isProseComment(fragment)) return;
  const place = (offset: number) => {
    let piece = pieces[0];
    for (const p of pieces) if (p.at <= offset) piece = p;
    return piece.offset + Math.min(offset - piece.at, piece.length);
  };
  const definitions = definitionLines(definitionsUsableIn(fragment, b.definitions));
  const root = parseWithUnknownReferences(fragment, (lines) => parseFragment(fragment, place, b.lines, b.nestingCuts, lines), definitions);
  const comment = { start: spans[0].start, end: spans[spans.length - 1].end };
  collectDefinitions(b, root);
  walkBlocks(b, root.children, "source", comment, 0);
}

declare module "mdast" {
  interface LinkReferenceData {
    /** A reference in a comment's text whose label nothing defines: a link of the original, its target unknown. */
    unknownTarget?: boolean;
  }
}

/** Bracketed text that may be a reference's label (`[Attributes]`, `[text][label]`); the grammar decides. */
const BRACKETED = /\[([^[\]\\<>]{1,999})\]/g;

/**
 * Parses a comment's text so that a reference whose definition is missing still reads as a link.
 * An inline translation keeps the source's text in comments but its definitions outside them, and
 * a translator who relabels a definition (`[install]` becomes `[インストール]: url`) leaves the
 * source's reference defined nowhere: it was a link of the original, with a target we cannot know.
 * Each bracketed text is offered a placeholder definition and the text read again; the references
 * that only the placeholders made are marked `unknownTarget`.
 */
function parseWithUnknownReferences(fragment: string, parse: (definitions: string) => Root, definitions: string): Root {
  const first = parse(definitions);
  const labels = new Set([...fragment.matchAll(BRACKETED)].map((m) => m[1].replace(/\s+/g, " ").trim()).filter((l) => l !== ""));
  if (labels.size === 0) return first;
  // A placeholder for a label that the text already uses as a reference is a second definition of
  // it, which the grammar ignores: when every label is such, the text would read the same again.
  const firstReferences = referencesOf(first);
  const referenced = new Set(firstReferences.map((r) => r.identifier));
  if ([...labels].every((label) => referenced.has(normalizeIdentifier(label).toLowerCase()))) return first;
  const known = new Set(firstReferences.map((r) => r.position?.start.offset));
  // A blank line between placeholders: one that is not a definition after all cannot swallow the next.
  const placeholders = [...labels].map((label) => `[${label}]: <>`).join("\n\n");
  const second = parse(definitions === "" ? placeholders : `${definitions}\n\n${placeholders}`);
  const added = referencesOf(second).filter((r) => !known.has(r.position?.start.offset));
  if (added.length === 0) return first;
  for (const reference of added) reference.data = { ...reference.data, unknownTarget: true };
  return second;
}

/** The link references of a tree (images are left out: a missing picture is another matter). */
function referencesOf(root: Root): LinkReference[] {
  const found: LinkReference[] = [];
  visitNodes(root, (node) => void (node.type === "linkReference" && found.push(node)));
  return found;
}

/** Definitions written inside comments, kept so that the translation's references can use them too. */
function collectDefinitions(b: Builder, root: Root): void {
  for (const child of root.children) if (child.type === "definition") b.commentDefinitions.push(child);
}

/**
 * Whether a comment is a translator's note rather than source text: it says so (`訳注`,
 * "Translator's note", "N.d.T."), or it is written in the target language (or, when that is not
 * known, in another script than the source's).
 */
export function isTranslatorNote(inner: string, languages: { source: string; target?: string }): boolean {
  if (NOTE_MARK.test(inner)) return true;
  if (languages.target) return identifyLanguage(inner, { source: languages.source, target: languages.target }).verdict === "target";
  if (usesOwnScript(languages.source)) return false;
  const script = dominantScript(inner.replace(CODE, " "));
  return script !== undefined && script !== "latin";
}

export const NOTE_MARK = /^\s*(?:[(（[]\s*)?(?:訳注|译注|譯注|역주|translator['’]?s? notes?\b|note (?:of|from) the translator|N\.\s?d\.\s?(?:T|R|Ü)\.|N\.\s?(?:do|del|du)\s?T\.|nota d[oe]l? tradu|note du tradu|anmerkung des übersetzers)/i;
/** Code spans and blocks: their letters say nothing about the language of the text around them. */
const CODE = /```[\s\S]*?(?:```|$)|`[^`\n]*`/g;

/** Comments written inside a paragraph or list item (`text <!-- source -->`), in document order. */
function addNestedComments(b: Builder, node: Nodes): void {
  if (!("children" in node)) return;
  // A nested list's items are segments of their own, with their own comments.
  visitNodes(node.children as Nodes[], (child) => {
    if (child.type === "html") addComments(b, child);
    else if (child.type === "list") return false;
  });
}

/** The HTML blocks that follow `node` with no blank line between, taken off the walk's stack. */
function takeAdjacentHtml(text: string, node: Html, stack: RootContent[]): Html[] {
  const taken: Html[] = [];
  let last: Nodes = node;
  for (let next = stack[stack.length - 1]; next?.type === "html"; next = stack[stack.length - 1]) {
    if (!LINE_GAP.test(text.slice(offsets(last)[1], offsets(next)[0]))) break;
    taken.push(next);
    last = stack.pop()!;
  }
  return taken;
}

/** A directive's label (`[Title]`) as a paragraph of its own, brackets left out; nothing if it has none. */
function pushLabel(b: Builder, side: Side, node: Paragraph | LeafDirective, extra: Partial<Segment>): void {
  const children: Nodes[] = node.children;
  if (children.length === 0) return;
  const range: [number, number] = [offsets(children[0])[0], offsets(children[children.length - 1])[1]];
  push(b, side, "paragraph", node, range, extra);
}

/** Translation segments that make up a translator's note (see `isTranslatorNoteSegment`). */
const translatorNotes = new WeakSet<Segment>();

/** Whether a translation segment belongs to a translator's note set off as a block quote: it has no source to pair with. */
export function isTranslatorNoteSegment(segment: Segment): boolean {
  return translatorNotes.has(segment);
}

/**
 * Whether a block quote is a translator's own note: it opens with a note marker (`訳注:`,
 * "Translator's note") and keeps no source in comments (a quote that does is a translated
 * passage the translator labelled, such as an update to the original).
 */
function startsTranslatorNote(text: string, quote: Blockquote): boolean {
  const first = quote.children[0];
  return first !== undefined && NOTE_MARK.test(text.slice(...offsets(first))) && !text.slice(...offsets(quote)).includes("<!--");
}

function walkBlocks(
  b: Builder,
  nodes: RootContent[],
  side: Side,
  comment: { start: number; end: number } | undefined,
  listDepth: number,
): void {
  // Block quotes are walked with a stack of their own, not by recursion: nesting has no bound here.
  const stack = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    const range = offsets(node);
    const extra: Partial<Segment> = comment ? { comment } : {};
    switch (node.type) {
      case "html":
        if (side === "translation") addCommentRun(b, [node, ...takeAdjacentHtml(b.text, node, stack)]);
        break;
      case "paragraph": {
        // A comment's text maps into the document piecewise: it is left whole.
        const parts = comment ? [node] : spacerParts(b, node);
        if (parts.length > 1) {
          for (const part of parts) pushParagraph(b, side, part, offsets(part), extra);
        } else pushParagraph(b, side, node, range, extra);
        if (side === "translation") addNestedComments(b, node);
        break;
      }
      case "heading":
        push(b, side, "heading", node, range, { ...extra, depth: node.depth });
        break;
      case "list":
        for (const item of node.children) {
          push(b, side, "listItem", item, offsets(item), { ...extra, listDepth });
          if (side === "translation") addNestedComments(b, item);
        }
        break;
      case "blockquote":
        // A translator's note set off as a block quote (`> 訳注: …`) translates nothing: its blocks are kept apart from pairing.
        if (side === "translation" && b.commentsAreSources && startsTranslatorNote(b.text, node)) {
          const before = b.segments.length;
          walkBlocks(b, node.children, side, comment, listDepth);
          for (const segment of b.segments.slice(before)) if (segment.side === "translation") translatorNotes.add(segment);
          break;
        }
      // falls through
      // A footnote's text, and the Markdown a JSX component wraps (`<Steps>`, `<TabItem>`), are
      // blocks to read like any others; the tag and its attributes are markup.
      case "footnoteDefinition":
      case "mdxJsxFlowElement":
        for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
        break;
      case "containerDirective": {
        // `:::tip[Title]`: the name is structure, the label is prose, the content is blocks.
        const [first, ...rest] = node.children;
        const label = first?.type === "paragraph" && first.data?.directiveLabel ? first : undefined;
        if (label) pushLabel(b, side, label, extra);
        const blocks = label ? rest : node.children;
        for (let i = blocks.length - 1; i >= 0; i--) stack.push(blocks[i]);
        break;
      }
      case "leafDirective":
        pushLabel(b, side, node, extra);
        break;
      case "code":
        push(b, side, "code", node, range, extra);
        break;
      case "table":
        push(b, side, "table", node, range, extra);
        break;
      default:
        // Front matter, definitions, thematic breaks, ESM and `{expressions}`: structure, not content to pair.
        break;
    }
  }
}

export interface SegmentOptions {
  text: string;
  lines: LineIndex;
  root: Root;
  side: Side;
  commentsAreSources: boolean;
  /** Collects the offsets where nesting was cut in the comments parsed here. */
  nestingCuts?: number[];
  /** Source and target languages; the source is taken to be English when not given. */
  languages?: { source: string; target?: string };
  /** Definitions found inside comments are added here (see `commentDefinitionsOf`). */
  commentDefinitions?: Definition[];
}

/** Splits a parsed document into segments in document order. */
export function segmentDocument(options: SegmentOptions): Segment[] {
  let ownDefinitions: Definition[] | undefined;
  const b: Builder = {
    text: options.text,
    lines: options.lines,
    segments: [],
    commentsAreSources: options.commentsAreSources,
    nestingCuts: options.nestingCuts,
    languages: options.languages ?? { source: "en" },
    definitions: options.commentsAreSources ? definitionsOf(options.root) : [],
    commentDefinitions: options.commentDefinitions ?? [],
    documentDefinitions: () => (ownDefinitions ??= definitionsOf(options.root)),
  };
  walkBlocks(b, options.root.children, options.side, undefined, 0);
  b.segments.sort((x, y) => x.start - y.start);
  b.segments.forEach((s, i) => (s.id = i));
  return b.segments;
}

/** Every HTML comment of a tree with its inside, in document order. */
export function commentsOfTree(root: Root, text: string): Array<{ span: CommentSpan; inner: string }> {
  const found: Array<{ span: CommentSpan; inner: string }> = [];
  visitNodes(root, (node) => {
    if (node.type !== "html") return;
    for (const span of commentsIn(node.value, offsets(node)[0])) found.push({ span, inner: text.slice(span.innerStart, span.innerEnd) });
  });
  return found;
}

/** Whether a document keeps its source text in comments: at least one prose comment. */
export function hasInlineSources(root: Root, text: string): boolean {
  for (const { inner } of commentsOfTree(root, text)) if (!isDirectiveComment(inner) && isProseComment(inner)) return true;
  return false;
}

/** The reference definitions of a tree, block quotes and list items included. */
export function definitionsOf(root: Root): Definition[] {
  const found: Definition[] = [];
  visitNodes(root, (node) => void (node.type === "definition" && found.push(node)));
  return found;
}
