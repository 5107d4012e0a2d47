import type { Element, ElementContent } from "hast";
import type { Finding, Pair, Segment } from "../core/types.js";
import { CLIENT_SCRIPT, REPORT_CSS } from "./html-client.js";
import { lazyData, lockedPage } from "./html-page.js";
import { element, renderSegment, textNode, type SegmentMark } from "./html-render.js";
import { displayPath } from "./paths.js";
import type { FileResult, Formatter, ReviewView } from "./types.js";

const SEVERITY_NAME = { 1: "warning", 2: "error" } as const;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function clip(text: string, max = 140): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** 1-based line of an offset, by binary search over line starts. */
function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let low = 0, high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}

interface Placed {
  finding: Finding;
  token: string;
}

function pill(severity: 1 | 2, count: number): ElementContent[] {
  return count > 0 ? [element("span", { className: ["pill", `s${severity}`] }, [textNode(plural(count, SEVERITY_NAME[severity]))]), textNode(" ")] : [];
}

/** An edit shown in its line, a few characters either side, so that a removed space can be seen. */
function edit(text: string, range: [number, number], replacement: string): ElementContent[] {
  const lineStart = text.lastIndexOf("\n", range[0] - 1) + 1;
  const lineEnd = text.indexOf("\n", range[1]);
  const before = text.slice(Math.max(lineStart, range[0] - 24), range[0]);
  const after = text.slice(range[1], Math.min(lineEnd < 0 ? text.length : lineEnd, range[1] + 24));
  return [
    element("code", {}, [
      textNode(before),
      element("del", {}, [textNode(clip(text.slice(range[0], range[1]), 80))]),
      element("ins", {}, [textNode(clip(replacement, 80))]),
      textNode(after),
    ]),
  ];
}

/** A finding as the reviewer reads it under its pair: severity, rule, position, message, fix and suggestions. */
function note({ finding, token }: Placed, review: ReviewView | undefined): Element {
  const text = finding.side === "source" ? review?.sourceText : review?.text;
  const children: ElementContent[] = [
    element("span", { className: ["sev"] }, [textNode(SEVERITY_NAME[finding.severity])]),
    textNode(" "),
    element("span", { className: ["rule"] }, [textNode(finding.ruleId)]),
    textNode(" "),
    element("span", { className: ["where"] }, [textNode(`${finding.side === "source" ? "source " : ""}${finding.line}:${finding.column}`)]),
    textNode(` ${finding.message}`),
  ];
  if (finding.fix && text !== undefined) {
    children.push(element("div", { className: ["fix"] }, [textNode("Fix: "), ...edit(text, finding.fix.range, finding.fix.text)]));
  }
  const sameAsFix = (fix: { range: [number, number]; text: string }) =>
    finding.fix !== undefined && fix.range[0] === finding.fix.range[0] && fix.range[1] === finding.fix.range[1] && fix.text === finding.fix.text;
  for (const suggestion of (finding.suggestions ?? []).filter((s) => !sameAsFix(s.fix))) {
    const shown: ElementContent[] = [textNode(`Suggestion: ${suggestion.desc}`)];
    if (text !== undefined) shown.push(textNode(": "), ...edit(text, suggestion.fix.range, suggestion.fix.text));
    children.push(element("div", { className: ["fix"] }, shown));
  }
  return element("li", { className: ["note", `s${finding.severity}`], dataF: token }, children);
}

function sideText(review: ReviewView, side: Segment["side"]): string {
  return side === "source" ? review.sourceText : review.text;
}

/**
 * The segment a finding is drawn in: the one of its side where it begins, else (in an inline post)
 * the one whose comment holds its start, else one it reaches into and ends in. A range that spans
 * several blocks, such as a whole-file encoding finding, is drawn where it begins.
 */
function homeOf(finding: Finding, segments: Segment[]): Segment | undefined {
  const onSide = segments.filter((s) => s.side === finding.side);
  const { start, end } = finding;
  return (
    onSide.find((s) => s.start <= start && (start < s.end || (start === end && start === s.end))) ??
    onSide.find((s) => s.comment && s.comment.start <= start && start < s.comment.end) ??
    reachedFromGap(onSide, start, end)
  );
}

/** The segment after a gap (a spacer line, a comment marker) that a finding starting in the gap ends in. */
function reachedFromGap(segments: Segment[], start: number, end: number): Segment | undefined {
  const next = segments.find((s) => s.start > start);
  return next && next.start < end && end <= next.end ? next : undefined;
}

interface FileContext {
  review: ReviewView;
  cwd: string;
  lineOf: { source: (offset: number) => number; translation: (offset: number) => number };
}

function renderSide(pair: Pair, side: Segment["side"], marks: Map<Segment, SegmentMark[]>, context: FileContext): Element {
  const segments = side === "source" ? pair.sources : pair.translations;
  if (segments.length === 0) {
    const label = side === "source" ? "no source" : "no translation";
    return element("div", { className: ["side", side] }, [
      element("p", { className: ["empty"] }, [textNode(`${label} `), element("span", { className: ["badge"] }, [textNode("unpaired")])]),
    ]);
  }
  const blocks = segments.map((segment) => {
    const rendered = renderSegment(segment, sideText(context.review, side), marks.get(segment) ?? []);
    const block = rendered.blockMarks;
    const properties: Element["properties"] = { className: ["seg", ...(block.length ? ["f", "f-block", `s${Math.max(...block.map((m) => m.severity))}`] : [])] };
    if (block.length) properties.dataF = block.map((m) => m.token).join(" ");
    const first = context.lineOf[side](segment.start);
    properties.dataLines = `${first}-${context.lineOf[side](segment.end)}`;
    const line = element("span", { className: ["line"] }, [textNode(String(first))]);
    return element("div", properties, [line, ...rendered.nodes]);
  });
  return element("div", { className: ["side", side] }, blocks);
}

/** Lines around a finding that lies outside every pair (front matter, a definition), its range marked. */
function excerpt({ finding, token }: Placed, review: ReviewView): Element {
  const text = sideText(review, finding.side);
  const from = text.lastIndexOf("\n", Math.max(0, finding.start - 1)) + 1;
  const lineEnd = text.indexOf("\n", finding.start);
  const to = Math.min(lineEnd < 0 ? text.length : lineEnd, from + 600);
  const start = Math.min(finding.start, to), end = Math.min(Math.max(finding.end, start), to);
  const mark = element("mark", { className: ["f", `s${finding.severity}`, ...(start === end ? ["point"] : [])], dataF: token }, start < end ? [textNode(text.slice(start, end))] : []);
  return element("pre", {}, [textNode(text.slice(from, start)), mark, textNode(text.slice(end, to))]);
}

function renderBody(result: FileResult, placed: Placed[], context: FileContext | undefined): ElementContent[] {
  if (!context) {
    // No pairs (the file could not be read, or was fixed in place): the findings alone.
    return placed.length ? [element("ol", { className: ["notes"] }, placed.map((p) => note(p, undefined)))] : [];
  }
  const { review } = context;
  const segments = review.pairs.flatMap((p) => [...p.sources, ...p.translations]);
  const marks = new Map<Segment, SegmentMark[]>();
  const notesBySegment = new Map<Segment, Placed[]>();
  const outside: Placed[] = [];
  for (const p of placed) {
    const home = homeOf(p.finding, segments);
    if (!home) {
      outside.push(p);
      continue;
    }
    const start = Math.min(Math.max(p.finding.start, home.start), home.end);
    const end = Math.max(Math.min(p.finding.end, home.end), start);
    marks.set(home, [...(marks.get(home) ?? []), { token: p.token, severity: p.finding.severity, start, end }]);
    notesBySegment.set(home, [...(notesBySegment.get(home) ?? []), p]);
  }
  const sourceLabel = review.mode === "parallel" ? `Source · ${review.sourceLanguage ?? ""} ${review.sourceFilePath ? displayPath(review.sourceFilePath, context.cwd) : ""}` : `Source${review.sourceLanguage ? ` · ${review.sourceLanguage}` : ""}${review.mode === "inline" ? " (comments)" : ""}`;
  const body: ElementContent[] = [
    element("div", { className: ["columns"] }, [
      element("div", {}, [textNode(sourceLabel)]),
      element("div", {}, [textNode(`Translation${review.targetLanguage ? ` · ${review.targetLanguage}` : ""}`)]),
    ]),
  ];
  for (const p of outside) {
    body.push(
      element("div", { className: ["outside"], dataLines: `${p.finding.line}-${p.finding.line}` }, [
        element("span", { className: ["line"] }, [textNode(String(p.finding.line))]),
        element("span", { className: ["badge"] }, [textNode(p.finding.side === "source" ? "source, outside the pairs" : "outside the pairs")]),
        excerpt(p, review),
        element("ol", { className: ["notes"] }, [note(p, review)]),
      ]),
    );
  }
  for (const pair of review.pairs) {
    const notes = [...pair.sources, ...pair.translations].flatMap((s) => notesBySegment.get(s) ?? []);
    notes.sort((a, b) => Number(a.finding.side === "source") - Number(b.finding.side === "source") || a.finding.start - b.finding.start);
    const unpaired = pair.sources.length === 0 || pair.translations.length === 0;
    body.push(
      element("div", { className: ["pair", ...(unpaired ? ["unpaired"] : [])] }, [
        renderSide(pair, "source", marks, context),
        renderSide(pair, "translation", marks, context),
        ...(notes.length ? [element("ol", { className: ["notes"] }, notes.map((n) => note(n, review)))] : []),
      ]),
    );
  }
  if (review.pairs.length === 0) body.push(element("p", { className: ["clean-note"] }, [textNode("No text to pair.")]));
  return body;
}

function describeFile(result: FileResult): string {
  const review = result.review;
  if (!review) return "";
  const matched = review.pairs.filter((p) => p.sources.length && p.translations.length).length;
  const unpaired = review.pairs.length - matched;
  const mode = review.mode === "inline" ? "inline bilingual" : review.mode === "parallel" ? "parallel files" : "no source";
  return `${mode} · ${plural(matched, "pair")}${unpaired ? ` · ${unpaired} unpaired` : ""}`;
}

function fileSection(result: FileResult, index: number, placed: Placed[], cwd: string, open: boolean): Element {
  const context: FileContext | undefined = result.review && {
    review: result.review,
    cwd,
    lineOf: { source: lineFinder(result.review.sourceText), translation: lineFinder(result.review.text) },
  };
  const summary = element("summary", {}, [
    element("span", { className: ["path"] }, [textNode(displayPath(result.filePath, cwd))]),
    textNode(" "),
    ...pill(2, result.errorCount),
    ...pill(1, result.warningCount),
    ...(result.messages.length === 0 ? [element("span", { className: ["pill"] }, [textNode("no findings")]), textNode(" ")] : []),
    element("span", { className: ["meta"] }, [textNode(describeFile(result))]),
  ]);
  // A file's pairs are parsed and built only when the reviewer looks.
  const data = lazyData(renderBody(result, placed, context));
  return element("details", { className: ["file"], id: `file-${index}`, open }, [summary, element("div", { className: ["file-body"] }), data]);
}

function findingEntry({ finding, token }: Placed): Element {
  return element("li", { className: [`s${finding.severity}`], dataF: token, dataRule: finding.ruleId, dataSev: String(finding.severity) }, [
    element("a", { href: "#" }, [
      element("span", { className: ["where"] }, [textNode(`${finding.side === "source" ? "src " : ""}${finding.line}:${finding.column}`)]),
      textNode(" "),
      element("span", { className: ["rule"] }, [textNode(finding.ruleId)]),
      textNode(` ${clip(finding.message)}`),
    ]),
  ]);
}

function filterBox(kind: "rule" | "severity", value: string, label: string, count: number): Element {
  return element("label", {}, [
    element("input", { type: "checkbox", checked: true, dataFilter: kind, value }),
    kind === "rule" ? element("span", { className: ["rule"] }, [textNode(label)]) : textNode(label),
    element("span", { className: ["n"] }, [textNode(String(count))]),
  ]);
}

function sidebar(results: FileResult[], placed: Placed[][], cwd: string): Element {
  const all = placed.flat();
  const errors = all.filter((p) => p.finding.severity === 2).length;
  const rules = new Map<string, number>();
  for (const p of all) rules.set(p.finding.ruleId, (rules.get(p.finding.ruleId) ?? 0) + 1);
  const withFindings = results.filter((r) => r.messages.length > 0).length;
  const groups = results.flatMap((result, index) =>
    placed[index].length === 0
      ? []
      : [element("li", { className: ["file-entry"] }, [
          element("div", { className: ["file-name"] }, [textNode(displayPath(result.filePath, cwd))]),
          element("ol", {}, placed[index].map(findingEntry)),
        ])],
  );
  return element("aside", {}, [
    element("h1", {}, [textNode("nl-lint review")]),
    element("div", { className: ["summary"] }, [
      element("div", {}, [textNode(`${plural(results.length, "file")}, ${withFindings} with findings`)]),
      element("div", { className: ["totals"] }, [...pill(2, errors), ...pill(1, all.length - errors), ...(all.length === 0 ? [element("span", { className: ["pill"] }, [textNode("no findings")])] : [])]),
    ]),
    element("div", { className: ["filters"] }, [
      element("h2", {}, [textNode("Severity")]),
      filterBox("severity", "2", "errors", errors),
      filterBox("severity", "1", "warnings", all.length - errors),
      element("h2", {}, [textNode("Rules")]),
      ...[...rules].sort(([a], [b]) => a.localeCompare(b)).map(([rule, count]) => filterBox("rule", rule, rule, count)),
    ]),
    element("h2", {}, [textNode("Findings ("), element("span", { id: "shown-count" }, [textNode(String(all.length))]), textNode(")")]),
    element("p", { className: ["keys"] }, [
      element("kbd", {}, [textNode("j")]), textNode(" / "), element("kbd", {}, [textNode("n")]), textNode(" next · "),
      element("kbd", {}, [textNode("k")]), textNode(" / "), element("kbd", {}, [textNode("p")]), textNode(" previous"),
    ]),
    element("nav", { id: "findings" }, [element("ol", {}, groups)]),
  ]);
}

/**
 * A self-contained review page: each file's pairs side by side with every finding marked where it
 * is. A content security policy that allows only the page's own script and style (by hash) is a
 * second wall behind the escaping: nothing from a post can run or load anything.
 */
export const formatHtml: Formatter = (results, { cwd }) => {
  const placed = results.map((result, index) => result.messages.map((finding, j): Placed => ({ finding, token: `${index}-${j}` })));
  const firstWithFindings = results.findIndex((r) => r.messages.length > 0);
  const opened = results.length === 1 ? 0 : firstWithFindings;
  const total = placed.flat().length;
  return lockedPage({
    title: `nl-lint review: ${plural(total, "finding")} in ${plural(results.length, "file")}`,
    css: REPORT_CSS,
    script: CLIENT_SCRIPT,
    body: [sidebar(results, placed, cwd), element("main", {}, results.map((result, index) => fileSection(result, index, placed[index], cwd, index === opened)))],
  });
};
