import type { Link, Nodes, Parent, Root, Text } from "mdast";
import { visitNodes } from "./tree.js";

/**
 * GFM literal autolinks (`www.x.org`, `https://x.org`, `me@x.org` in running text) found after the
 * parse, over the tree's text nodes. micromark's autolink-literal extension tries a construct at
 * every letter and digit of every paragraph, which costs about a fifth of the whole parse; almost
 * no text holds a link, so the text is parsed without it and the few candidates are read here,
 * following the extension's rules (GitHub's spec: domain, path, trailing punctuation, balanced
 * parentheses, character references at the end). The links get the extension's url, children and
 * positions. `mailto:`, `xmpp:` and addresses the extension leaves to mdast-util-gfm-autolink-literal's
 * transform are still found by that transform, which runs after this.
 *
 * Where the extension would have read the text differently from the tree at hand (a candidate that
 * runs into emphasis, code or an escape; one after an open `[`; one whose start is not in a text
 * node), the answer is `false`: the caller then parses the document with the extension itself.
 */
export function addLiteralAutolinks(root: Root, source: string): boolean {
  if (!TRIGGER.test(source)) return true;
  const work: Array<{ parent: Parent; index: number; pieces: Array<Text | Link> }> = [];
  let certain = true;
  const visitContainer = (container: Parent) => {
    if (!certain || !hasTrigger(source, container)) return;
    const texts = textsOf(container);
    if (texts.length === 0) return;
    const contentEnd = container.children.at(-1)?.position?.end.offset ?? 0;
    let open = 0;
    for (const entry of texts) {
      const links = linksIn(entry.text, entry.first, contentEnd, source, open);
      const pieces = links === undefined ? undefined : links.length > 0 ? piecesOf(entry.text, links, source) : [];
      if (pieces === undefined) {
        certain = false;
        return;
      }
      if (pieces.length > 0) work.push({ parent: entry.parent, index: entry.index, pieces });
      open = openBrackets(rawOf(entry.text, source), Infinity, open);
    }
  };
  visitBlocks(root, visitContainer);
  if (!certain) return false;
  // Later entries first, so that the indexes of earlier ones stay right.
  for (const { parent, index, pieces } of work.reverse()) parent.children.splice(index, 1, ...(pieces as never[]));
  return true;
}

/**
 * Whether mdast-util-gfm-autolink-literal's transform may find anything: each of its patterns needs
 * `://`, `www.` or `@` in one text node's value. Most documents have none outside link text, and
 * the transform's four patterns over every text node cost more than this look.
 */
export function mayHoldTransformLinks(root: Root): boolean {
  let found = false;
  visitNodes(root, (node) => {
    if (found || OPAQUE.has(node.type)) return false;
    if (node.type === "text" && VALUE_TRIGGER.test(node.value)) found = true;
  });
  return found;
}

const VALUE_TRIGGER = /@|:\/\/|www\./i;

// Without one of these in the raw text, the extension finds nothing.
const TRIGGER = /@|www\.|https?:\/\//i;
const TRIGGER_FROM = new RegExp(TRIGGER.source, "gi");

/** Whether the node's raw text holds a trigger, without slicing it out. */
function hasTrigger(source: string, node: Parent): boolean {
  const start = node.position?.start.offset ?? 0;
  TRIGGER_FROM.lastIndex = start;
  const match = TRIGGER_FROM.exec(source);
  return match !== null && match.index < (node.position?.end.offset ?? source.length);
}

interface TextEntry {
  parent: Parent;
  index: number;
  text: Text;
  /** The first phrasing node of its container: the extension sees no character before it. */
  first: boolean;
}

// Each is read by micromark as one run of text. A node met among blocks with text children of its
// own (a directive's label, say) is taken as one too.
const INLINE_CONTAINERS = new Set(["paragraph", "heading", "tableCell"]);
// Text inside these is link text: the extension never links it (and the transform skips it too).
const OPAQUE = new Set(["link", "linkReference"]);

// Both walks use a stack, not recursion: a deep tree would overflow the call stack.
function visitBlocks(root: Nodes, visit: (container: Parent) => void): void {
  visitNodes(root, (node) => {
    if (!("children" in node)) return false;
    if (!INLINE_CONTAINERS.has(node.type) && !node.children.some((child) => child.type === "text")) return true;
    visit(node);
    return false;
  });
}

/** The container's text nodes in document order, outside links. */
function textsOf(container: Parent): TextEntry[] {
  const found: TextEntry[] = [];
  const stack: Array<{ parent: Parent; index: number }> = [{ parent: container, index: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.index >= top.parent.children.length) {
      stack.pop();
      continue;
    }
    const index = top.index++;
    const child = top.parent.children[index]!;
    if (child.type === "text") found.push({ parent: top.parent, index, text: child, first: top.parent === container && index === 0 });
    else if ("children" in child && !OPAQUE.has(child.type)) stack.push({ parent: child as Parent, index: 0 });
  }
  return found;
}

function rawOf(text: Text, source: string): string {
  return source.slice(text.position?.start.offset ?? 0, text.position?.end.offset ?? 0);
}

/**
 * The extension's links inside one text node, or `undefined` when this tree cannot tell.
 * `open`: how many `[` earlier in the container are not closed yet (the extension links nothing
 * after an open one; the transform may, without positions).
 */
function linksIn(text: Text, first: boolean, contentEnd: number, source: string, open: number): Link[] | undefined {
  const start = text.position?.start.offset;
  const end = text.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const raw = source.slice(start, end);
  if (!TRIGGER.test(raw)) return [];
  const candidates = candidateStarts(source, start, end);
  const links: Link[] = [];
  let after = start;
  for (const candidate of candidates) {
    // An address whose first characters lie before this node (in `__` of strong emphasis, say).
    if (candidate < start) return undefined;
    if (candidate < after) continue;
    // An escaped `_`, `.`, `-` or `+` is no place for an address to start.
    if (source[candidate - 1] === "\\" && /[+\-._]/.test(source[candidate]!)) return undefined;
    // `www.` and then the end of the container's text: the extension tells the end of its run of
    // text from a space after it (trailing spaces are in its run, not in the tree's text).
    if (/^www\.$/i.test(source.slice(candidate, Math.min(candidate + 5, contentEnd)))) return undefined;
    const previous = first && candidate === start ? [null] : previousCodes(source, candidate);
    const readings = previous.map((code) => new Scanner(source, contentEnd, code).linkAt(candidate));
    if (readings.some((reading) => reading?.end !== readings[0]?.end)) return undefined;
    const found = readings[0];
    if (!found) continue;
    // The link must lie inside this node, after no open bracket.
    if (found.end > end || openBrackets(raw, candidate - start, open) > 0) return undefined;
    links.push(linkNode(source, text, candidate, found.end, found.url));
    after = found.end;
  }
  return links;
}

/**
 * Where the extension may start a link inside [start, end): each `www.`, `http://`, `https://`, and
 * the start of the run of address characters before each `@` (which may lie before `start`).
 */
function candidateStarts(source: string, start: number, end: number): number[] {
  const starts: number[] = [];
  const raw = source.slice(start, end);
  for (const match of raw.matchAll(/www\.|https?:\/\//gi)) starts.push(start + match.index!);
  for (const match of raw.matchAll(/@/g)) {
    let first = start + match.index!;
    while (first > 0 && isAtext(source.charCodeAt(first - 1))) first--;
    starts.push(first);
  }
  return [...new Set(starts)].sort((a, b) => a - b);
}

/**
 * The characters the extension may see before `at`. After a line ending and a run of `>`, spaces
 * and tabs, those are a block quote's or list's prefix (the extension sees the line ending) or,
 * for a `>` in a lazy line, text: both are returned then, and the caller asks that they agree.
 */
function previousCodes(source: string, at: number): Array<number | null> {
  if (at === 0) return [null];
  let index = at - 1;
  while (index >= 0 && (source[index] === ">" || source[index] === " " || source[index] === "\t")) index--;
  const lineStart = index < 0 || source[index] === "\n" || source[index] === "\r";
  if (!lineStart || index === at - 1) return [source.charCodeAt(at - 1)];
  return [LINE_ENDING, source.charCodeAt(at - 1)];
}

const LINE_ENDING = 10;
const SPACE = 32;

function linkNode(source: string, text: Text, start: number, end: number, url: string): Link {
  const value = source.slice(start, end);
  const position = { start: pointAt(source, text, start), end: pointAt(source, text, end) };
  return { type: "link", title: null, url, children: [{ type: "text", value, position }], position: { start: { ...position.start }, end: { ...position.end } } };
}

/** The line and column of an offset inside a text node whose value is its raw text. */
function pointAt(source: string, text: Text, offset: number): { line: number; column: number; offset: number } {
  const start = text.position!.start;
  let line = start.line;
  let lineStart = start.offset! - (start.column - 1);
  for (let index = start.offset!; index < offset; index++) {
    const code = source.charCodeAt(index);
    if (code === 10 || (code === 13 && source.charCodeAt(index + 1) !== 10)) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1, offset };
}

/** How many `[` are open after `raw.slice(0, upTo)`, starting with `open`; escaped ones do not count. */
function openBrackets(raw: string, upTo: number, open: number): number {
  const end = Math.min(upTo, raw.length);
  for (let index = 0; index < end; index++) {
    const char = raw[index];
    if (char === "\\") index++;
    else if (char === "[") open++;
    else if (char === "]" && open > 0) open--;
  }
  return open;
}

/**
 * The text node cut around its links: text, link, text, ... The node's value may differ from its
 * raw text (escapes, references, indentation removed) before the first link or after the last
 * one, not both, and not between links: the cut value is then known; otherwise `undefined`.
 */
function piecesOf(text: Text, links: Link[], source: string): Array<Text | Link> | undefined {
  const start = text.position!.start.offset!;
  const end = text.position!.end.offset!;
  const raw = source.slice(start, end);
  const linksStart = links[0]!.position!.start.offset! - start;
  const linksEnd = links.at(-1)!.position!.end.offset! - start;
  let head: string;
  let tail: string;
  if (text.value.startsWith(raw.slice(0, linksEnd))) {
    head = raw.slice(0, linksStart);
    tail = text.value.slice(linksEnd);
  } else if (text.value.endsWith(raw.slice(linksStart))) {
    head = text.value.slice(0, text.value.length - (raw.length - linksStart));
    tail = raw.slice(linksEnd);
  } else return undefined;
  const pieces: Array<Text | Link> = [];
  const piece = (from: number, to: number, value: string) => {
    if (to > from) pieces.push({ type: "text", value, position: { start: pointAt(source, text, from), end: pointAt(source, text, to) } });
  };
  // A container's prefix on the link's line (`> `, indentation) belongs to no text node.
  const prefix = /(?<=\n)[ \t>]*$/.exec(raw.slice(0, linksStart));
  piece(start, start + (prefix && /\n$/.test(head) ? prefix.index : linksStart), head);
  let from = start + linksStart;
  for (const link of links) {
    piece(from, link.position!.start.offset!, source.slice(from, link.position!.start.offset!));
    pieces.push(link);
    from = link.position!.end.offset!;
  }
  // Spaces ending the link's line belong to no text node either.
  const suffix = /^[ \t]+(?=\r?\n)/.exec(raw.slice(linksEnd));
  piece(suffix && /^\r?\n/.test(tail) ? from + suffix[0].length : from, end, tail);
  return pieces;
}

function isAsciiAlpha(code: number | null): boolean {
  return code !== null && ((code >= 65 && code <= 90) || (code >= 97 && code <= 122));
}

function isAsciiAlphanumeric(code: number | null): boolean {
  return isAsciiAlpha(code) || (code !== null && code >= 48 && code <= 57);
}

/** Characters of an address's local part, in GFM. */
function isAtext(code: number | null): boolean {
  return code === 43 || code === 45 || code === 46 || code === 95 || isAsciiAlphanumeric(code);
}

function isWhitespace(code: number | null): boolean {
  return code !== null && /\s/.test(String.fromCharCode(code));
}

function isSpaceOrLineEnding(code: number | null): boolean {
  return code === 9 || code === 10 || code === 13 || code === 32;
}

function isPunctuation(code: number | null): boolean {
  return code !== null && /[\p{P}\p{S}]/u.test(String.fromCharCode(code));
}

// Punctuation that may end a link rather than belong to it (GFM's "trailing punctuation").
const TRAILING = new Set([33, 34, 39, 41, 42, 44, 46, 58, 59, 63, 95, 126]);
// Characters at which a path asks whether the rest is trailing punctuation.
const PATH_STOPS = new Set([33, 34, 38, 39, 41, 42, 44, 46, 58, 59, 60, 63, 93, 95, 126]);

/** Reads one link at a position, as micromark's extension would. */
class Scanner {
  constructor(
    private readonly source: string,
    private readonly bound: number,
    private readonly previous: number | null,
  ) {}

  private code(index: number): number | null {
    return index >= this.bound ? null : this.source.charCodeAt(index);
  }

  linkAt(start: number): { end: number; url: string } | undefined {
    const first = this.code(start);
    if (isAtext(first) && this.previous !== 47 && !isAtext(this.previous)) {
      const end = this.email(start);
      if (end !== undefined) return { end, url: `mailto:${this.source.slice(start, end)}` };
    }
    if ((first === 119 || first === 87) && this.wwwMayFollow()) {
      const end = this.www(start);
      if (end !== undefined) return { end, url: `http://${this.source.slice(start, end)}` };
    }
    if ((first === 104 || first === 72) && !isAsciiAlpha(this.previous)) {
      const end = this.protocol(start);
      if (end !== undefined) return { end, url: this.source.slice(start, end) };
    }
    return undefined;
  }

  private wwwMayFollow(): boolean {
    const p = this.previous;
    return p === null || p === 40 || p === 42 || p === 95 || p === 91 || p === 93 || p === 126 || isSpaceOrLineEnding(p);
  }

  private email(start: number): number | undefined {
    let index = start;
    while (isAtext(this.code(index))) index++;
    if (this.code(index) !== 64) return undefined;
    index++;
    let dot = false;
    let data = false;
    for (;;) {
      const code = this.code(index);
      if (code === 46) {
        if (!isAsciiAlphanumeric(this.code(index + 1))) break;
        dot = true;
        index++;
      } else if (code === 45 || code === 95 || isAsciiAlphanumeric(code)) {
        data = true;
        index++;
      } else break;
    }
    return data && dot && isAsciiAlpha(this.source.charCodeAt(index - 1)) ? index : undefined;
  }

  private www(start: number): number | undefined {
    for (let i = 0; i < 3; i++) {
      const code = this.code(start + i);
      if (code !== 119 && code !== 87) return undefined;
    }
    if (this.code(start + 3) !== 46 || this.code(start + 4) === null) return undefined;
    const domainEnd = this.domain(start);
    return domainEnd === undefined ? undefined : this.path(domainEnd);
  }

  private protocol(start: number): number | undefined {
    let index = start;
    let name = "";
    while (isAsciiAlpha(this.code(index)) && name.length < 5) name += this.source[index++];
    if (this.code(index) !== 58 || !["http", "https"].includes(name.toLowerCase())) return undefined;
    index++;
    if (this.code(index) !== 47 || this.code(index + 1) !== 47) return undefined;
    index += 2;
    const code = this.code(index);
    if (code === null || code < 32 || code === 127 || isWhitespace(code) || isPunctuation(code)) return undefined;
    const domainEnd = this.domain(index);
    return domainEnd === undefined ? undefined : this.path(domainEnd);
  }

  private domain(start: number): number | undefined {
    let index = start;
    let underscoreInLast = false;
    let underscoreInOneBefore = false;
    let seen = false;
    for (;;) {
      const code = this.code(index);
      if (code === 46 || code === 95) {
        if (this.trailEndsAt(index)) break;
        if (code === 95) underscoreInLast = true;
        else {
          underscoreInOneBefore = underscoreInLast;
          underscoreInLast = false;
        }
        index++;
        continue;
      }
      if (code === null || isWhitespace(code) || (code !== 45 && isPunctuation(code))) break;
      seen = true;
      index++;
    }
    return underscoreInLast || underscoreInOneBefore || !seen ? undefined : index;
  }

  private path(start: number): number {
    let index = start;
    let open = 0;
    let close = 0;
    for (;;) {
      const code = this.code(index);
      if (code === 40) {
        open++;
        index++;
      } else if (code === 41 && close < open) {
        close++;
        index++;
      } else if (code !== null && PATH_STOPS.has(code)) {
        if (this.trailEndsAt(index)) return index;
        if (code === 41) close++;
        index++;
      } else if (code === null || isWhitespace(code)) {
        return index;
      } else index++;
    }
  }

  /** Whether what starts at `start` is only trailing punctuation up to the end of the link's word. */
  private trailEndsAt(start: number): boolean {
    let index = start;
    for (;;) {
      const code = this.code(index);
      if (code !== null && TRAILING.has(code)) {
        index++;
      } else if (code === 38) {
        index++;
        if (!isAsciiAlpha(this.code(index))) return false;
        while (isAsciiAlpha(this.code(index))) index++;
        if (this.code(index) !== 59) return false;
        index++;
      } else if (code === 93) {
        index++;
        const next = this.code(index);
        if (next === null || next === 40 || next === 91 || isWhitespace(next)) return true;
      } else {
        return code === 60 || code === null || isWhitespace(code);
      }
    }
  }
}
