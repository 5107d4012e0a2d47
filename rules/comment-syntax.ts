import * as z from "zod";
import type { Nodes } from "mdast";
import { firstLineOf } from "../src/core/report-range.js";
import { defineRule } from "../src/core/rule.js";
import { visitNodes } from "../src/parse/tree.js";
import type { LintDocument, Report, Side } from "../src/core/types.js";

/**
 * HTML comments that do not do what their author meant: one that never closes and hides the
 * rest of the post, one whose end was mistyped and runs on into the next comment, comments
 * that nest, an opener the parser does not recognise (so the comment shows as text), a stray
 * `-->`, an empty `<!--->` followed by text, and `--!>` inside a comment (browsers end it there).
 * `--` alone is valid in HTML5 and renders as written.
 *
 * The browser's view is followed: a comment opened in raw HTML runs to the first `-->` of raw
 * HTML after it, whatever Markdown lies between; `-->` in Markdown text or code is escaped and
 * closes nothing.
 */

interface Region {
  start: number;
  end: number;
}

/** Raw HTML nodes, and the code and front matter whose `<!--` is not a comment. */
function regionsOf(root: Nodes): { html: Region[]; inert: Region[] } {
  const html: Region[] = [];
  const inert: Region[] = [];
  visitNodes(root, (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    if (node.type === "html") html.push({ start, end });
    else if (node.type === "code" || node.type === "inlineCode" || node.type === "yaml" || (node.type as string) === "toml") inert.push({ start, end });
  });
  const byStart = (a: Region, b: Region) => a.start - b.start;
  return { html: html.sort(byStart), inert: inert.sort(byStart) };
}

/** The stretches of Markdown text: neither raw HTML nor code. */
function textGaps(length: number, taken: Region[]): Region[] {
  const gaps: Region[] = [];
  let at = 0;
  for (const region of [...taken].sort((a, b) => a.start - b.start)) {
    if (region.start > at) gaps.push({ start: at, end: region.start });
    at = Math.max(at, region.end);
  }
  if (at < length) gaps.push({ start: at, end: length });
  return gaps;
}

/** A mistyped end at the end of a line: `->`, `- ->`, `-- >`, `—>`, or `--` with no `>`. */
const MISTYPED_END = /(?:(?<![-!])->|-\s+->|--\s+>|[—–]-?>|--)[ \t]*(?=\r?\n|$)/;

/** Openers the parser does not take for a comment: `<!-`, `<! --`, `<!—`, `<--x`. */
const TEXT_OPENER = /<!--|<!-(?!-)|<!\s+--?|<![—–]|<--(?=[^\s>-])/g;

/** The offset where the paragraph holding `offset` ends: the next blank line. */
function paragraphEnd(text: string, offset: number): number {
  const match = /\r?\n[ \t>]*(?:\r?\n|$)/.exec(text.slice(offset));
  return match ? offset + match.index : text.length;
}

function isAtLineEnd(text: string, offset: number): boolean {
  return /^[ \t]*(?:\r?\n|$)/.test(text.slice(offset, offset + 200));
}

function lineSpan(first: number, last: number): string {
  return first >= last ? `line ${first}` : `lines ${first}–${last}`;
}

interface Scan {
  text: string;
  document: LintDocument;
  emit: (r: Omit<Report, "side">) => void;
  line: (offset: number) => number;
  /** Offsets of `-->` already explained by another finding. */
  explained: Set<number>;
}

function indexIn(text: string, needle: string, from: number, to: number): number {
  const at = text.indexOf(needle, from);
  return at >= 0 && at + needle.length <= to ? at : -1;
}

/** `'->' at line 3 is not '-->'`, when the comment's end looks mistyped. */
function mistypedEnd(scan: Scan, from: number, to: number): { text: string; end: number; note: string } | undefined {
  const match = MISTYPED_END.exec(scan.text.slice(from, to));
  if (!match) return undefined;
  const found = match[0].trimEnd();
  return { text: found, end: from + match.index + found.length, note: ` ('${found}' at line ${scan.line(from + match.index)} is not '-->')` };
}

function lastContentLine(text: string): number {
  const lines = text.trimEnd().split(/\r\n|\r|\n/);
  return lines.length;
}

/**
 * HTML5 lets a comment hold `--` (`cargo test -- --help`): what it forbids inside is `<!--`
 * (checked as nesting) and `--!>`, which browsers take for the comment's end.
 */
function checkBangClose(scan: Scan, open: number, close: number): void {
  const at = indexIn(scan.text, "--!>", open + 4, close);
  if (at < 0) return;
  scan.emit({ messageId: "bangClose", data: { line: scan.line(open), closeLine: scan.line(at) }, start: at, end: at + 4 });
}

/** Follows comments through the raw HTML, as a browser reads it. */
function scanHtml(scan: Scan, html: Region[]): void {
  const { text } = scan;
  let open: { start: number; nested?: number; leftNodeAt?: number } | undefined;
  for (const node of html) {
    let i = node.start;
    while (i < node.end) {
      if (!open) {
        const opener = indexIn(text, "<!--", i, node.end);
        const closer = indexIn(text, "-->", i, node.end);
        if (closer >= 0 && (opener < 0 || closer < opener)) {
          if (!scan.explained.has(closer)) {
            scan.explained.add(closer);
            scan.emit({ messageId: "strayClose", data: { line: scan.line(closer) }, start: closer, end: closer + 3 });
          }
          i = closer + 3;
          continue;
        }
        if (opener < 0) break;
        const abrupt = /^<!--->|^<!-->/.exec(text.slice(opener, opener + 6));
        if (abrupt) {
          reportAbrupt(scan, opener, abrupt[0]);
          i = opener + abrupt[0].length;
          continue;
        }
        open = { start: opener };
        i = opener + 4;
      } else {
        const closer = indexIn(text, "-->", i, node.end);
        const opener = indexIn(text, "<!--", i, node.end);
        if (opener >= 0 && (closer < 0 || opener < closer) && open.nested === undefined) open.nested = opener;
        if (closer < 0) {
          open.leftNodeAt ??= node.end;
          break;
        }
        finishComment(scan, open, closer);
        open = undefined;
        i = closer + 3;
      }
    }
  }
  if (open) reportUnclosed(scan, open.start);
}

/** `<!--->` and `<!-->` are whole (empty) comments: text meant to be inside them shows. */
function reportAbrupt(scan: Scan, opener: number, found: string): void {
  const { text } = scan;
  const limit = paragraphEnd(text, opener);
  const closer = indexIn(text, "-->", opener + found.length, limit);
  const reopened = indexIn(text, "<!--", opener + found.length, limit);
  if (closer < 0 || (reopened >= 0 && reopened < closer)) return;
  scan.explained.add(closer);
  const data = { found, line: scan.line(opener), closeLine: scan.line(closer) };
  scan.emit({ messageId: "emptyComment", data, start: opener, end: opener + found.length });
}

function finishComment(scan: Scan, open: { start: number; nested?: number; leftNodeAt?: number }, closer: number): void {
  const line = scan.line(open.start);
  if (open.nested === undefined && open.leftNodeAt === undefined) {
    checkBangClose(scan, open.start, closer);
    return;
  }
  const runsOnAt = Math.min(open.nested ?? Infinity, open.leftNodeAt ?? Infinity);
  const mistyped = mistypedEnd(scan, open.start + 4, runsOnAt);
  // The opener's line, but no further than the comment's end, so a source comment keeps its finding.
  const at = firstLineOf(scan.document.lines, { start: open.start, end: closer + 3 });
  // A nested comment leaves the outer one's own `-->` behind, before any later comment opens.
  const leftover = scan.text.indexOf("-->", closer + 3);
  const nextOpener = scan.text.indexOf("<!--", closer + 3);
  const isNested = open.nested !== undefined && !mistyped && leftover >= 0 && (nextOpener < 0 || leftover < nextOpener);
  if (isNested) {
    scan.explained.add(leftover);
    scan.emit({ messageId: "nested", data: { line, nestedLine: scan.line(open.nested!), closeLine: scan.line(closer) }, ...at });
    return;
  }
  const beforeNext = open.nested === undefined ? "" : ` before the next '<!--' (line ${scan.line(open.nested)})`;
  // The comment was meant to end with its mistyped end, or else with its paragraph.
  const hiddenFrom = (mistyped ? scan.line(mistyped.end) : scan.line(paragraphEnd(scan.text, open.start))) + 1;
  if (onlyCommentsBetween(scan.text, mistyped?.end ?? open.start, closer)) {
    // One comment a line: running on into the next comment hides nothing that was meant to show.
    scan.emit({ messageId: "runsIntoComment", data: { line, note: mistyped?.note ?? beforeNext, closeLine: scan.line(closer) }, ...at });
    return;
  }
  scan.emit(
    {
      messageId: "runsOn",
      data: { line, note: mistyped?.note ?? beforeNext, closeLine: scan.line(closer), hidden: lineSpan(hiddenFrom, scan.line(closer)) },
      ...at,
    },
  );
}

/** Whether every line after `from`'s, up to `closer`, opens a comment of its own. */
function onlyCommentsBetween(text: string, from: number, closer: number): boolean {
  const lineStart = text.lastIndexOf("\n", from - 1) + 1;
  const lines = text.slice(lineStart, closer).split(/\r?\n/).slice(1);
  return lines.every((l) => /^[ \t>]*<!--/.test(l));
}

function reportUnclosed(scan: Scan, opener: number): void {
  const { text } = scan;
  const mistyped = mistypedEnd(scan, opener + 4, text.length);
  const fromLine = scan.line(mistyped ? mistyped.end : paragraphEnd(text, opener));
  const hidden = lastContentLine(text) - fromLine;
  scan.emit(
    {
      messageId: hidden > 0 ? "unclosed" : "unclosedAtEnd",
      data: { line: scan.line(opener), note: mistyped?.note ?? "", count: hidden, lines: hidden === 1 ? "line" : "lines" },
      ...firstLineOf(scan.document.lines, { start: opener, end: text.length }),
    },
  );
}

/** Comment syntax in Markdown text: the parser did not take it for HTML, so it shows. */
function scanText(scan: Scan, gaps: Region[], inert: Region[]): void {
  const { text } = scan;
  // Code spans and blocks do not overlap: the last to start before an offset is the only one that may hold it.
  const inCode = (offset: number) => {
    const region = inert[lastStartingBy(inert, offset)];
    return region !== undefined && offset < region.end;
  };
  for (const gap of gaps) {
    const slice = text.slice(gap.start, gap.end);
    for (const match of slice.matchAll(TEXT_OPENER)) {
      const at = gap.start + match.index;
      const limit = paragraphEnd(text, at);
      let closer = text.indexOf("-->", at + match[0].length);
      while (closer >= 0 && inCode(closer)) closer = text.indexOf("-->", closer + 3);
      if (text[at - 1] === "\\") {
        // `\<!-- … -->` is written to show a comment as text.
        if (closer >= 0 && closer < limit) scan.explained.add(closer);
        continue;
      }
      if (match[0] === "<!--") {
        if (closer >= 0) scan.explained.add(closer);
        const why = closer < 0 ? "no '-->' follows it" : `its '-->' (line ${scan.line(closer)}) is past the end of its paragraph`;
        scan.emit({ messageId: "textComment", data: { line: scan.line(at), why }, start: at, end: at + 4 });
        continue;
      }
      const end = /-->|(?<!-)->|[—–]>/.exec(text.slice(at + match[0].length, limit));
      if (!end) continue;
      const endAt = at + match[0].length + end.index;
      if (end[0] === "-->") scan.explained.add(endAt);
      scan.emit({ messageId: "badOpener", data: { found: match[0], line: scan.line(at) }, start: at, end: at + match[0].length });
    }
  }
  for (const gap of gaps) {
    for (let closer = indexIn(text, "-->", gap.start, gap.end); closer >= 0; closer = indexIn(text, "-->", closer + 3, gap.end)) {
      // An arrow in prose (`A --> B`) goes on; a stray end of comment ends its line.
      if (scan.explained.has(closer) || text[closer - 1] === "\\" || !isAtLineEnd(text, closer + 3)) continue;
      scan.explained.add(closer);
      scan.emit({ messageId: "strayClose", data: { line: scan.line(closer) }, start: closer, end: closer + 3 });
    }
  }
}

/** Index of the last region starting at or before `offset` (-1 when none), for regions sorted by start. */
function lastStartingBy(regions: Region[], offset: number): number {
  let lo = 0;
  let hi = regions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (regions[mid].start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * A finding inside a comment that holds source text (an inline post's) is the source's. Comments
 * do not overlap, so the one that could hold a finding is the last to start before it: found by
 * binary search, as a post may have thousands of findings and of comments.
 */
function sideFinder(document: LintDocument): (start: number, end: number) => Side {
  const comments = document.segments.flatMap((s) => (s.side === "source" && s.comment ? [s.comment] : [])).sort((a, b) => a.start - b.start);
  return (start, end) => {
    const comment = comments[lastStartingBy(comments, start)];
    return comment && end <= comment.end ? "source" : "translation";
  };
}

export default defineRule({
  id: "comment-syntax",
  description: "An HTML comment that never closes, runs on, nests, shows as text, or holds `--!>`.",
  severity: "error",
  fixable: false,
  schema: z
    .object({
      allowDoubleHyphen: z
        .boolean()
        .default(false)
        .describe("No effect: `--` inside a comment is valid HTML5 and no longer reported. Still accepted so that configurations written for it load."),
    })
    .strict(),
  messages: {
    unclosed: "Comment opened at line {{line}} is never closed{{note}}: it hides the rest of the file ({{count}} {{lines}}).",
    unclosedAtEnd: "Comment opened at line {{line}} is never closed{{note}}.",
    runsOn: "Comment opened at line {{line}} is not closed{{note}}: it runs on to the '-->' at line {{closeLine}} and hides {{hidden}}.",
    runsIntoComment: "Comment opened at line {{line}} is not closed{{note}}: it runs on into the next comment, to the '-->' at line {{closeLine}}. Nothing more is hidden, but HTML forbids '<!--' inside a comment.",
    nested: "Comment opened at line {{line}} holds another '<!--' (line {{nestedLine}}): comments do not nest, so the first '-->' (line {{closeLine}}) ends it and the rest shows as text.",
    emptyComment: "'{{found}}' at line {{line}} is a whole, empty comment: the text after it shows, up to the stray '-->' at line {{closeLine}}.",
    textComment: "Comment opened at line {{line}} shows as text: {{why}}.",
    badOpener: "'{{found}}' at line {{line}} does not open a comment (write '<!--'): the comment shows as text.",
    strayClose: "'-->' at line {{line}} closes no comment: it shows as text.",
    bangClose: "Comment opened at line {{line}} holds '--!>' (line {{closeLine}}): browsers end the comment there and show the rest as text.",
  },
  examples: {
    valid: [
      {
        title: "Each source paragraph in a comment that closes (Portuguese).",
        code: "<!-- The first step. -->\nO primeiro passo.\n\n<!-- The second step. -->\nO segundo passo.\n",
      },
      {
        title: "`--` inside a comment is valid HTML5 (Spanish).",
        code: "<!-- Run `cargo test -- --nocapture`. -->\nEjecuta `cargo test -- --nocapture`.\n",
      },
    ],
    invalid: [
      {
        title: "A mistyped end: the comment never closes and hides the Portuguese text after it.",
        code: "<!-- The first step. ->\n\nO primeiro passo.\n",
        messages: ["Comment opened at line 1 is never closed ('->' at line 1 is not '-->'): it hides the rest of the file (2 lines)."],
      },
      {
        title: "An opener with a space, which no parser takes for a comment (French).",
        code: "<! -- The first step. -->\nLa première étape.\n",
        messages: ["'<! --' at line 1 does not open a comment (write '<!--'): the comment shows as text."],
      },
      {
        title: "A comment inside a comment (German): the first `-->` ends both.",
        code: "<!-- The first step.\n<!-- The second step. -->\nDer erste Schritt. -->\n",
        messages: ["Comment opened at line 1 holds another '<!--' (line 2): comments do not nest, so the first '-->' (line 2) ends it and the rest shows as text."],
      },
      {
        title: "A stray `-->` in a German file beside its English source: it shows as text.",
        source: "The first step.\n",
        code: "Der erste Schritt. -->\n",
        messages: ["'-->' at line 1 closes no comment: it shows as text."],
      },
    ],
  },
  check({ document, options, report }) {
    const text = document.text;
    const { html, inert } = regionsOf(document.root);
    const sideOf = sideFinder(document);
    const scan: Scan = {
      text,
      document,
      line: (offset) => document.lines.position(offset).line,
      explained: new Set(),
      emit: (r) => report({ ...r, side: sideOf(r.start, r.end) }),
    };
    scanHtml(scan, html);
    scanText(scan, textGaps(text.length, [...html, ...inert]), inert);
  },
});
