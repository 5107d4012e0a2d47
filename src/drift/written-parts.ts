import type { Nodes } from "mdast";
import { jsxOpeningTag } from "../parse/markup.js";
import { MARKDOWN, parseMarkdown, type Grammar } from "../parse/parse.js";
import { visitNodes } from "../parse/tree.js";

/**
 * What a stretch of Markdown is made of, for deciding whether an edit needs re-translation:
 * prose, code (a translation copies it, so every mark counts) and link destinations (where a
 * link points, not what a reader reads).
 */
export type PartKind = "prose" | "code" | "destination";

export interface Part {
  kind: PartKind;
  text: string;
}

interface Span {
  start: number;
  end: number;
  kind: Exclude<PartKind, "prose">;
}

/** A text read once with the project's Markdown grammar: where its code and destinations are written. */
export interface ReadText {
  text: string;
  /** Offset where each line starts. */
  lineStarts: number[];
  /** Code spans, code blocks and destinations, in document order, not overlapping. */
  spans: Span[];
  /** For each line (0-based), whether it belongs to a code block, fenced or indented, fences included. */
  codeLines: boolean[];
}

/** Reads lines as one document in `grammar` (MDX for `.mdx` pages, where indented lines are not code). */
export function readLines(lines: string[], grammar: Grammar = MARKDOWN): ReadText {
  const text = lines.join("\n");
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  const codeLines = lines.map(() => false);
  const spans: Span[] = [];
  visitNodes(parseMarkdown(text, undefined, grammar), (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    if (node.type === "code") {
      for (let line = node.position!.start.line; line <= node.position!.end.line; line++) codeLines[line - 1] = true;
      spans.push({ start, end, kind: "code" });
      return false;
    }
    if (node.type === "inlineCode") spans.push({ start, end, kind: "code" });
    else spans.push(...destinationsOf(node, text, start, end));
  });
  return { text, lineStarts, spans: withoutOverlaps(spans), codeLines };
}

function withoutOverlaps(spans: Span[]): Span[] {
  const sorted = [...spans].sort((x, y) => x.start - y.start);
  const out: Span[] = [];
  for (const span of sorted) if (span.end > span.start && span.start >= (out.at(-1)?.end ?? 0)) out.push(span);
  return out;
}

/** The parts of lines `from` to `to` (0-based, `to` excluded) of a read text. */
export function partsOfLines(read: ReadText, from: number, to: number): Part[] {
  if (to <= from) return [];
  const start = read.lineStarts[from];
  const end = to < read.lineStarts.length ? read.lineStarts[to] - 1 : read.text.length;
  return partsBetween(read, start, end);
}

function partsBetween(read: ReadText, start: number, end: number): Part[] {
  const parts: Part[] = [];
  let at = start;
  for (const span of read.spans) {
    if (span.end <= start || span.start >= end) continue;
    const [from, to] = [Math.max(span.start, start), Math.min(span.end, end)];
    if (from > at) parts.push({ kind: "prose", text: read.text.slice(at, from) });
    parts.push({ kind: span.kind, text: read.text.slice(from, to) });
    at = to;
  }
  if (end > at) parts.push({ kind: "prose", text: read.text.slice(at, end) });
  return parts;
}

/** Where a node writes where it points: an inline link or image's destination, a definition's, an autolink, an HTML `href`/`src`. */
function destinationsOf(node: Nodes, text: string, start: number, end: number): Span[] {
  const destination = (range: [number, number] | undefined): Span[] => (range ? [{ start: range[0], end: range[1], kind: "destination" }] : []);
  if (node.type === "link" && text[start] !== "[") return destination([start, end]); // `<https://…>` or a bare URL: all of it is the target
  if (node.type === "link") return destination(resourceDestination(text, node.children.at(-1)?.position?.end.offset ?? start + 1, end));
  if (node.type === "image") return destination(resourceDestination(text, start + 2, end));
  if (node.type === "definition") return destination(definitionDestination(text, start, end));
  if (node.type === "html") return attributeDestinations(text, start, end);
  // In MDX an `<a href>` is JSX, not HTML: its opening tag is read the same way.
  if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") return attributeDestinations(text, ...jsxOpeningTag(node));
  return [];
}

function attributeDestinations(text: string, start: number, end: number): Span[] {
  return htmlDestinations(text.slice(start, end)).map(([from, to]) => ({ start: start + from, end: start + to, kind: "destination" }));
}

const SPACE = /\s/;

/**
 * A destination as CommonMark writes it from `from`: `<…>` without line break or `<`, or a run
 * without spaces or control characters whose unescaped parentheses balance. Returns its end.
 */
function destinationEnd(text: string, from: number, limit: number): number {
  if (text[from] === "<") {
    for (let i = from + 1; i < limit; i++) {
      if (text[i] === "\\") i++;
      else if (text[i] === ">") return i + 1;
      else if (text[i] === "\n" || text[i] === "<") break;
    }
    return from;
  }
  let depth = 0;
  let i = from;
  for (; i < limit; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (SPACE.test(c)) break;
    else if (c === "(") depth++;
    else if (c === ")" && depth-- === 0) break;
  }
  return Math.min(i, limit);
}

const skipSpace = (text: string, from: number, limit: number) => {
  let i = from;
  while (i < limit && SPACE.test(text[i])) i++;
  return i;
};

/** Where an optional title (`"…"`, `'…'` or `(…)`) written at `from` ends. */
function titleEnd(text: string, from: number, limit: number): number {
  const close = { '"': '"', "'": "'", "(": ")" }[text[from]];
  if (!close) return from;
  for (let i = from + 1; i < limit; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === close) return i + 1;
  }
  return from;
}

// Each try reads to the node's end: an alt crowded with `](` would cost its length squared. Past
// this many, the destination is left unknown and an edit to it counts, which is the safe side.
const MAX_TRIES = 32;

/**
 * The destination of `[label](destination "title")` or `![alt](…)`, searching for the label's `](`
 * from `labelEnd`: the first one after which a destination, a title and `)` end the node exactly
 * (a label or an alt can itself hold `](`, as in an image inside a link's label).
 */
function resourceDestination(text: string, labelEnd: number, end: number): [number, number] | undefined {
  let tries = MAX_TRIES;
  for (let open = text.indexOf("](", labelEnd); open >= 0 && open < end && tries-- > 0; open = text.indexOf("](", open + 1)) {
    const from = skipSpace(text, open + 2, end);
    const to = destinationEnd(text, from, end);
    const close = skipSpace(text, titleEnd(text, skipSpace(text, to, end), end), end);
    if (text[close] === ")" && close === end - 1) return [from, to];
  }
  return undefined;
}

/** The destination of `[label]: destination "title"`: a label holds no unescaped `]`, so its first one closes it. */
function definitionDestination(text: string, start: number, end: number): [number, number] | undefined {
  for (let i = start + 1; i < end; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === "]") {
      if (text[i + 1] !== ":") return undefined;
      const from = skipSpace(text, i + 2, end);
      return [from, destinationEnd(text, from, end)];
    }
  }
  return undefined;
}

// HTML read as a browser tokenizes a start tag: its name, then attributes, each a name with an
// optional `=` and a value quoted with `"` or `'` or unquoted.
const TAG_NAME = /<[A-Za-z][^\s/>]*/g;
const ATTRIBUTE = /[\s/]*([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/y;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

/** Offsets (in `html`) of the values of `href` and `src` attributes, quotes left out. */
export function htmlDestinations(html: string): Array<[number, number]> {
  const markup = html.replace(COMMENT, (comment) => " ".repeat(comment.length));
  const out: Array<[number, number]> = [];
  for (const tag of markup.matchAll(TAG_NAME)) {
    ATTRIBUTE.lastIndex = tag.index + tag[0].length;
    for (let m = ATTRIBUTE.exec(markup); m; m = ATTRIBUTE.exec(markup)) {
      const value = m[2];
      if (value === undefined || !/^(?:href|src)$/i.test(m[1])) continue;
      const valueEnd = m.index + m[0].length;
      const quoted = value[0] === '"' || value[0] === "'";
      out.push(quoted ? [valueEnd - value.length + 1, valueEnd - 1] : [valueEnd - value.length, valueEnd]);
    }
  }
  return out;
}
