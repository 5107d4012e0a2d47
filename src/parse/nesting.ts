/**
 * A guard run before the Markdown parser: micromark pays for every open block quote and list item
 * on every line, and thousands of them nested in a few kilobytes make it slow and its tree deep
 * enough to exhaust the stack. Lines are followed in linear time with a rough model of CommonMark's
 * containers; a marker that would open one more than `MAX_NESTING` is overwritten with spaces, so
 * the parser reads the rest of that line as indented text. The text keeps its length and line
 * breaks: every offset, line and column the parser gives stays that of the original.
 */

export const MAX_NESTING = 32;

interface Container {
  quote: boolean;
  /**
   * For a list item: how far its content is indented from where its parent's content starts; a
   * line indented that far there continues it.
   */
  width: number;
}

export interface NestingGuard {
  /** The text to parse: the original, or a copy of the same length with the deepest markers blanked. */
  text: string;
  /** Offsets of the first blanked marker of each run of lines whose nesting was cut. */
  cuts: number[];
}

const SPACE = 32;
const TAB = 9;

function isBlankFrom(text: string, at: number, end: number): boolean {
  for (let i = at; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB) return false;
  }
  return true;
}

/**
 * A cursor over one line that counts columns as CommonMark does: a tab runs to the next multiple
 * of 4, and a container may take only part of it.
 */
class LineCursor {
  constructor(
    readonly text: string,
    public at: number,
    readonly end: number,
    public column = 0,
  ) {}

  /** Skips spaces and tabs up to `maxColumns` columns further; returns how many were skipped. */
  skipSpace(maxColumns: number): number {
    const from = this.column;
    while (this.at < this.end) {
      const c = this.text.charCodeAt(this.at);
      const next = c === SPACE ? this.column + 1 : c === TAB ? this.column + 4 - (this.column % 4) : -1;
      if (next < 0) break;
      if (next - from > maxColumns) {
        // Part of a tab: the column moves into it, the cursor stays on it for the columns left.
        if (c === TAB) this.column = from + maxColumns;
        break;
      }
      this.column = next;
      this.at++;
    }
    return this.column - from;
  }

  /** Columns of space and tab from here, without moving. */
  peekIndent(): number {
    return this.peek().indent;
  }

  /** Columns of space and tab from here, and the offset of what follows them, without moving. */
  peek(): { indent: number; next: number } {
    const at = this.at;
    const column = this.column;
    this.skipSpace(Infinity);
    const found = { indent: this.column - column, next: this.at };
    this.at = at;
    this.column = column;
    return found;
  }
}

/** Length of a list marker (`-`, `+`, `*`, `1.`, `1)`) at the cursor, followed by a space, a tab or the line's end; 0 if none. */
function listMarkerLength(text: string, at: number, end: number): number {
  const c = text[at];
  let length = 0;
  if (c === "-" || c === "+" || c === "*") length = 1;
  else {
    while (length < 9 && at + length < end && text.charCodeAt(at + length) >= 48 && text.charCodeAt(at + length) <= 57) length++;
    if (length === 0 || (text[at + length] !== "." && text[at + length] !== ")")) return 0;
    length++;
  }
  const after = at + length;
  return after >= end || text[after] === " " || text[after] === "\t" ? length : 0;
}

/**
 * For each thematic-break character, the offset from which a line holds nothing else but spaces
 * and tabs. Worked out once a line, so that testing each of thousands of markers on one line for
 * a thematic break does not read the rest of the line each time.
 */
function pureSuffixes(text: string, start: number, end: number): Record<string, number> {
  const from: Record<string, number> = { "-": end, "*": end, _: end };
  const pure = { "-": true, "*": true, _: true } as Record<string, boolean>;
  for (let i = end - 1; i >= start; i--) {
    const c = text[i];
    if (c === " " || c === "\t") {
      for (const k of ["-", "*", "_"]) if (pure[k]) from[k] = i;
      continue;
    }
    for (const k of ["-", "*", "_"]) {
      if (pure[k] && c === k) from[k] = i;
      else pure[k] = false;
    }
    if (!pure["-"] && !pure["*"] && !pure._) break;
  }
  return from;
}

/** `- - -`, `* * *`: a thematic break, which CommonMark reads before a list item. */
function isThematicBreak(text: string, at: number, end: number): boolean {
  const marker = text[at];
  if (marker !== "-" && marker !== "*" && marker !== "_") return false;
  let count = 0;
  for (let i = at; i < end; i++) {
    if (text[i] === marker) count++;
    else if (text[i] !== " " && text[i] !== "\t") return false;
  }
  return count >= 3;
}

/** An opening code fence (three or more backticks or tildes) at the cursor: its marker and length. */
function fenceAt(text: string, at: number, end: number): { char: string; length: number } | undefined {
  const char = text[at];
  if (char !== "`" && char !== "~") return undefined;
  let length = 0;
  while (at + length < end && text[at + length] === char) length++;
  return length >= 3 ? { char, length } : undefined;
}

/** Whether a line's rest starts a block that ends a paragraph (so it cannot be a lazy continuation). */
function startsOwnBlock(text: string, at: number, end: number): boolean {
  const c = text[at];
  return c === ">" || listMarkerLength(text, at, end) > 0 || fenceAt(text, at, end) !== undefined || isThematicBreak(text, at, end) || isAtxHeading(text, at, end);
}

function isAtxHeading(text: string, at: number, end: number): boolean {
  let hashes = 0;
  while (hashes < 7 && at + hashes < end && text[at + hashes] === "#") hashes++;
  return hashes >= 1 && hashes <= 6 && (at + hashes >= end || text[at + hashes] === " " || text[at + hashes] === "\t");
}

/** How many of the open containers a line continues; moves the cursor past their markers and indentation. */
function continued(stack: Container[], line: LineCursor, blank: boolean): number {
  let matched = 0;
  for (const container of stack) {
    if (container.quote) {
      const at = line.at;
      const column = line.column;
      line.skipSpace(3);
      if (line.text[line.at] !== ">") {
        line.at = at;
        line.column = column;
        break;
      }
      line.at++;
      line.column++;
      line.skipSpace(1);
    } else if (!blank) {
      if (line.peekIndent() < container.width) break;
      line.skipSpace(container.width);
    }
    matched++;
  }
  return matched;
}

interface Scan {
  text: string;
  maxNesting: number;
  stack: Container[];
  /** Marker ranges to overwrite with spaces. */
  blanked: Array<[number, number]>;
}

/**
 * Opens the containers whose markers start the rest of a line; past the limit, the markers are
 * blanked instead. Returns the offset of the first marker blanked, if any.
 */
function openContainers(scan: Scan, line: LineCursor): number | undefined {
  const { text, stack } = scan;
  let firstCut: number | undefined;
  let pureFrom: Record<string, number> | undefined;
  // Only where the rest of the line is that character and spaces can a thematic break start.
  const breaksAt = (at: number) => {
    if (text[at] !== "-" && text[at] !== "*") return false;
    pureFrom ??= pureSuffixes(text, line.at, line.end);
    return at >= pureFrom[text[at]] && isThematicBreak(text, at, line.end);
  };
  while (line.peekIndent() < 4) {
    const parentColumn = line.column;
    line.skipSpace(3);
    const at = line.at;
    const quote = text[at] === ">";
    const markerLength = quote ? 1 : breaksAt(at) ? 0 : listMarkerLength(text, at, line.end);
    if (markerLength === 0) break;
    const cut = firstCut !== undefined || stack.length >= scan.maxNesting;
    if (cut) {
      firstCut ??= at;
      scan.blanked.push([at, at + markerLength]);
    }
    line.at += markerLength;
    line.column += markerLength;
    if (quote) {
      line.skipSpace(1);
      if (!cut) stack.push({ quote: true, width: 0 });
      continue;
    }
    const markerEnd = line.column;
    const after = line.peek();
    // Five or more spaces after a marker: the content starts after one, and the rest is code.
    const contentColumn = markerEnd + (after.indent >= 1 && after.indent <= 4 && after.next < line.end ? after.indent : 1);
    if (!cut) stack.push({ quote: false, width: contentColumn - parentColumn });
    if (after.indent > 4) break;
    line.skipSpace(contentColumn - line.column);
  }
  return firstCut;
}

/**
 * The text the parser should be given, and where nesting was cut. Linear in the text's length:
 * each line is read once, and no line is matched against more than `maxNesting` containers.
 *
 * Code fences and HTML blocks are not followed: a line of theirs with more markers than the limit
 * is cut as well. The model may count too many containers, never too few that matter, so the
 * parser's nesting stays bounded (a property test holds it to that).
 */
export function guardNesting(text: string, maxNesting = MAX_NESTING): NestingGuard {
  const scan: Scan = { text, maxNesting, stack: [], blanked: [] };
  const cuts: number[] = [];
  let previousWasText = false;
  let previousWasCut = false;
  let lineStart = 0;
  for (;;) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && text[lineEnd] !== "\n" && text[lineEnd] !== "\r") lineEnd++;
    const line = new LineCursor(text, lineStart, lineEnd);
    const blank = isBlankFrom(text, lineStart, lineEnd);
    const matched = continued(scan.stack, line, blank);
    const rest = line.peek();
    const startsBlock = rest.indent < 4 && !blank && startsOwnBlock(text, rest.next, lineEnd);
    // A paragraph's lazy continuation line keeps the containers it does not repeat open.
    const lazy = matched < scan.stack.length && !blank && previousWasText && !startsBlock;
    if (!lazy) scan.stack.length = matched;
    const cut = openContainers(scan, line);
    // One cut for a run of cut lines: they are one block, and one warning is enough for it.
    if (cut !== undefined && !previousWasCut) cuts.push(cut);
    previousWasCut = cut !== undefined;
    const content = line.peek();
    const headingOrBreak = content.indent < 4 && (isAtxHeading(text, content.next, lineEnd) || isThematicBreak(text, content.next, lineEnd));
    previousWasText = !blank && !headingOrBreak;
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + (text[lineEnd] === "\r" && text[lineEnd + 1] === "\n" ? 2 : 1);
  }
  const { blanked } = scan;
  if (blanked.length === 0) return { text, cuts };
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of blanked) {
    parts.push(text.slice(at, start), " ".repeat(end - start));
    at = end;
  }
  parts.push(text.slice(at));
  return { text: parts.join(""), cuts };
}
