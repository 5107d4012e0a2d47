import type { Root } from "mdast";
import { LineIndex } from "./lines.js";
import { parseMarkdown } from "../parse/parse.js";
import { commentsOfTree, isDirectiveComment } from "../pair/segments.js";
import { visitNodes } from "../parse/tree.js";
import type { Finding, LintDocument, Pair, Segment, Severity } from "./types.js";

/**
 * Inline suppressions, applied after the rules ran:
 *
 *   <!-- nl-lint-disable-next-line typo -- a brand name -->
 *   <!-- nl-lint-disable-line broken-link -->
 *   <!-- nl-lint-disable rule-a, rule-b -->  …  <!-- nl-lint-enable rule-a, rule-b -->
 *   <!-- nl-lint-disable-file -->
 *
 * No rule list means every rule; text after ` -- ` is the reason, for readers. Only comments that
 * Markdown renders as HTML count, so a directive shown in a code block does nothing. In MDX,
 * where HTML comments are not allowed, the same directives are written `{/* nl-lint-… *\/}`.
 *
 * "Next line" is the next line with content (blank lines and `\\` spacer lines skipped). When a
 * block (a paragraph, list item, heading…) starts on it, the whole block is covered: a wrapped
 * paragraph is one line of prose. In an inline bilingual post, when that line opens a source
 * comment, the directive also covers the translation paired with it, since a source and its
 * translation are read, and reported on, as one unit.
 */

export const UNUSED_DIRECTIVE_RULE = "unused-disable-directive";

/** `review` suppresses nothing: it is the marker `outdated-source`'s fix leaves on a translation to review. */
type Kind = "disable" | "enable" | "disable-line" | "disable-next-line" | "disable-file" | "review";

interface Directive {
  kind: Kind | "unknown";
  /** The directive's name as written, for messages. */
  name: string;
  /** null: every rule. */
  rules: string[] | null;
  start: number;
  end: number;
  /** Offset ranges it covers (line and next-line directives). */
  ranges: Array<[number, number]>;
  usedRules: Set<string>;
  used: boolean;
}

/** The directives of one text: the linted file's, or the source file's in parallel mode. */
interface DirectiveSet {
  directives: Directive[];
  lines: LineIndex;
  side: "source" | "translation";
  filePath?: string;
}

const KINDS: Kind[] = ["disable-next-line", "disable-line", "disable-file", "disable", "enable", "review"];
const SPACER = /^[ \t]*\\?\\?[ \t]*$/;

function parseDirective(inner: string, start: number, end: number): Directive {
  const body = inner.trim();
  const name = body.match(/^nl-lint-[\w-]*/)![0];
  const kind = KINDS.find((k) => name === `nl-lint-${k}`) ?? "unknown";
  const reasonAt = body.search(/(?:^|\s)--(?:\s|$)/);
  const list = body.slice(name.length, reasonAt >= 0 ? reasonAt : undefined);
  const rules = list.split(/[\s,]+/).filter(Boolean);
  return { kind, name, rules: rules.length > 0 ? rules : null, start, end, ranges: [], usedRules: new Set(), used: false };
}

/** The inside of an MDX comment, `{/* … *\/}`: the form comments take where HTML comments are not allowed. */
const MDX_COMMENT = /^\s*\/\*([\s\S]*)\*\/\s*$/;

function directiveComments(root: Root, text: string): Directive[] {
  const found: Directive[] = [];
  for (const { span, inner } of commentsOfTree(root, text)) if (span.closed && isDirectiveComment(inner)) found.push(parseDirective(inner, span.start, span.end));
  for (const { inner, start, end } of mdxComments(root)) if (isDirectiveComment(inner)) found.push(parseDirective(inner, start, end));
  return found.sort((a, b) => a.start - b.start);
}

/** Every MDX comment of a tree (an expression holding only a comment). */
function mdxComments(root: Root): Array<{ inner: string; start: number; end: number }> {
  const found: Array<{ inner: string; start: number; end: number }> = [];
  visitNodes(root, (node) => {
    if (node.type !== "mdxFlowExpression" && node.type !== "mdxTextExpression") return;
    const comment = node.value.match(MDX_COMMENT);
    if (comment && node.position) found.push({ inner: comment[1], start: node.position.start.offset!, end: node.position.end.offset! });
  });
  return found;
}

function lineRange(lines: LineIndex, line: number): [number, number] {
  const start = lines.starts[line - 1];
  return [start, start + lines.lineText(line).length];
}

/** For each line, the pairs with a segment that opens on it, and those segments. */
type OpeningsByLine = Map<number, Map<Pair, { sources: Segment[]; translations: Segment[] }>>;

/** Built once a document, so that each directive looks up its line instead of reading every pair. */
function openingsByLine(document: LintDocument): OpeningsByLine {
  const byLine: OpeningsByLine = new Map();
  const entry = (offset: number, pair: Pair) => {
    const line = document.lines.position(offset).line;
    let pairs = byLine.get(line);
    if (!pairs) byLine.set(line, (pairs = new Map()));
    let found = pairs.get(pair);
    if (!found) pairs.set(pair, (found = { sources: [], translations: [] }));
    return found;
  };
  for (const pair of document.pairs) {
    for (const s of pair.sources) entry(s.comment?.start ?? s.start, pair).sources.push(s);
    for (const t of pair.translations) entry(t.start, pair).translations.push(t);
  }
  return byLine;
}

/** The line-based directives' ranges: the comment's own lines, or the next content line and what starts there. */
function coverLines(directive: Directive, lines: LineIndex, openings?: () => OpeningsByLine): void {
  const first = lines.position(directive.start).line;
  const last = lines.position(directive.end).line;
  if (directive.kind === "disable-line") {
    directive.ranges.push([lineRange(lines, first)[0], lineRange(lines, last)[1]]);
    return;
  }
  let target = last + 1;
  while (target <= lines.lineCount && SPACER.test(lines.lineText(target))) target++;
  if (target > lines.lineCount) return;
  directive.ranges.push(lineRange(lines, target));
  if (!openings) return;
  for (const [pair, { sources, translations }] of openings().get(target) ?? []) {
    for (const t of translations) directive.ranges.push([t.start, t.end]);
    if (sources.length === 0) continue;
    for (const s of sources) directive.ranges.push(s.comment ? [s.comment.start, s.comment.end] : [s.start, s.end]);
    for (const t of pair.translations) directive.ranges.push([t.start, t.end]);
  }
}

function names(directive: Directive, rule: string): boolean {
  return directive.rules === null || directive.rules.includes(rule);
}

/**
 * A directive set arranged for finding what covers an offset without reading every directive for
 * every finding: a post with thousands of each would otherwise take time quadratic in them.
 */
interface Lookup {
  /** Ranges of line directives sorted by start; `reach[i]` is the furthest end among the first i + 1. */
  ranges: Array<{ start: number; end: number; directive: Directive }>;
  reach: number[];
  /** Per rule: its disable-file directives, and its disable and enable directives in text order. */
  byRule: Map<string, { fileWide: Directive[]; blocks: Directive[] }>;
  directives: Directive[];
}

function lookupOf(set: DirectiveSet): Lookup {
  const ranges = set.directives
    .filter((d) => d.kind === "disable-line" || d.kind === "disable-next-line")
    .flatMap((directive) => directive.ranges.map(([start, end]) => ({ start, end, directive })))
    .sort((a, b) => a.start - b.start);
  const reach: number[] = [];
  for (const [i, range] of ranges.entries()) reach.push(Math.max(range.end, i > 0 ? reach[i - 1] : -1));
  return { ranges, reach, byRule: new Map(), directives: set.directives };
}

/** Index of the last item whose key is at most `offset` (-1 when none), for items sorted by key. */
function lastAtOrBefore<T>(items: T[], offset: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function ruleDirectives(lookup: Lookup, rule: string): { fileWide: Directive[]; blocks: Directive[] } {
  let own = lookup.byRule.get(rule);
  if (!own) {
    const named = lookup.directives.filter((d) => names(d, rule));
    own = { fileWide: named.filter((d) => d.kind === "disable-file"), blocks: named.filter((d) => d.kind === "disable" || d.kind === "enable") };
    lookup.byRule.set(rule, own);
  }
  return own;
}

/** The directives that keep a finding at `offset` of rule `rule` from being reported. */
function suppressors(lookup: Lookup, rule: string, offset: number): Directive[] {
  const own = ruleDirectives(lookup, rule);
  const found = new Set(own.fileWide);
  for (let i = lastAtOrBefore(lookup.ranges, offset, (r) => r.start); i >= 0 && lookup.reach[i] >= offset; i--) {
    const { end, directive } = lookup.ranges[i];
    if (end >= offset && names(directive, rule)) found.add(directive);
  }
  // The last disable or enable before the finding decides whether a block is open over it.
  const last = own.blocks[lastAtOrBefore(own.blocks, offset, (d) => d.start)];
  if (last?.kind === "disable") found.add(last);
  return [...found];
}

function unusedFindings(set: DirectiveSet, severity: 1 | 2, activeRules: Set<string>, knownRules: Set<string>): Finding[] {
  const findings: Finding[] = [];
  const at = (d: Directive, message: string): Finding => {
    const start = set.lines.position(d.start);
    const end = set.lines.position(d.end);
    return {
      ruleId: UNUSED_DIRECTIVE_RULE, severity, message, side: set.side,
      ...(set.filePath ? { filePath: set.filePath } : {}),
      line: start.line, column: start.column, endLine: end.line, endColumn: end.column, start: d.start, end: d.end,
    };
  };
  for (const d of set.directives) {
    if (d.kind === "unknown") {
      findings.push(at(d, `Unknown directive '${d.name}' (expected nl-lint-disable-next-line, -disable-line, -disable, -enable or -disable-file).`));
      continue;
    }
    if (d.kind === "enable" || d.kind === "review") continue;
    if (d.rules === null) {
      if (!d.used) findings.push(at(d, `Unused '${d.name}' directive (no problems were reported here).`));
      continue;
    }
    for (const rule of d.rules) {
      if (!knownRules.has(rule)) findings.push(at(d, `Unused '${d.name}' directive: there is no rule '${rule}'.`));
      // A rule that did not run (turned off, or left out by --only) may well need the directive.
      else if (activeRules.has(rule) && !d.usedRules.has(rule)) {
        findings.push(at(d, `Unused '${d.name}' directive (no problems were reported from '${rule}').`));
      }
    }
  }
  return findings;
}

export interface DirectiveOptions {
  document: LintDocument;
  findings: Finding[];
  /** Report directives that suppress nothing at this severity; not at all when "off" or unset. */
  reportUnused?: Severity;
  /** Rules that ran. */
  activeRules: Set<string>;
  /** Every rule id there is. */
  knownRules: Set<string>;
}

/** Drops the findings that a directive suppresses; adds findings for unused directives when asked. */
export function applyDirectives(options: DirectiveOptions): Finding[] {
  const { document, findings } = options;
  const parallel = document.mode === "parallel";
  const own: DirectiveSet = { directives: directiveComments(document.root, document.text), lines: document.lines, side: "translation" };
  let openings: OpeningsByLine | undefined;
  const openingsOnce = parallel ? undefined : () => (openings ??= openingsByLine(document));
  for (const d of own.directives) if (d.kind === "disable-line" || d.kind === "disable-next-line") coverLines(d, own.lines, openingsOnce);
  const sets = [own];
  let source: DirectiveSet | undefined;
  // The source file of a parallel pair is parsed again only when it holds a directive at all.
  if (parallel && document.sourceText.includes("nl-lint-")) {
    source = { directives: directiveComments(parseMarkdown(document.sourceText, undefined, document.sourceGrammar), document.sourceText), lines: document.sourceLines, side: "source", filePath: document.sourceFilePath };
    for (const d of source.directives) if (d.kind === "disable-line" || d.kind === "disable-next-line") coverLines(d, source.lines);
    sets.push(source);
  }
  if (sets.every((s) => s.directives.length === 0)) return findings;

  const ownLookup = lookupOf(own);
  const sourceLookup = source ? lookupOf(source) : undefined;
  const kept: Finding[] = [];
  for (const finding of findings) {
    if (finding.fatal) {
      kept.push(finding);
      continue;
    }
    const inSource = parallel && finding.side === "source";
    // In parallel mode the linted file's line directives cannot point into the source file; its
    // disable-file still covers everything reported while linting it.
    const covering = inSource
      ? [...(sourceLookup ? suppressors(sourceLookup, finding.ruleId, finding.start) : []), ...ruleDirectives(ownLookup, finding.ruleId).fileWide]
      : suppressors(ownLookup, finding.ruleId, finding.start);
    if (covering.length === 0) {
      kept.push(finding);
      continue;
    }
    for (const d of covering) {
      d.used = true;
      d.usedRules.add(finding.ruleId);
    }
  }
  const level = options.reportUnused;
  if (level === "warn" || level === "error") {
    for (const set of sets) kept.push(...unusedFindings(set, level === "error" ? 2 : 1, options.activeRules, options.knownRules));
  }
  return kept;
}
