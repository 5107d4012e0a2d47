import { builtinRules } from "../../rules/index.js";
import { applyDirectives } from "./directives.js";
import { buildDocument, type DocumentOptions } from "./document.js";
import { compareFindings } from "./finding-order.js";
import { messageOf, type LintSettings, type Rule } from "./rule.js";
import { isProjectRule, type FileDigests, type Location, type ProjectRule } from "./project-rule.js";
import { MAX_NESTING } from "../parse/nesting.js";
import { stripBom } from "../parse/parse.js";
import { withParseCache, type ParseCache } from "../parse/parse-cache.js";
import type { Finding, LintDocument, Report, Severity, Side, TextEdit } from "./types.js";

export type RuleSetting = Severity | [Severity] | [Severity, unknown];

export interface LintOptions extends DocumentOptions {
  /** Severity (and options) per rule id; rules not named run at their default severity. */
  rules?: Record<string, RuleSetting>;
  /** Run only these rules, whatever `rules` says of the others. */
  only?: string[];
  settings?: LintSettings;
  /** The rules to choose from; the built-in ones by default. */
  ruleSet?: Rule[];
  /** Report `nl-lint-disable` comments that suppress nothing, at this severity. */
  reportUnusedDisableDirectives?: Severity;
  /**
   * Parses kept from the last lint of this document, for the next (a language server's re-lint
   * after a keystroke); the findings are the same with or without it. Owned by the caller.
   */
  parseCache?: ParseCache;
}

export interface LintResult {
  findings: Finding[];
  document: LintDocument;
  /** What the project rules that ran collected of this file, for their run-level check; absent when none ran. */
  digests?: FileDigests;
}

/** One edit covering all of a report's edits, as ESLint's JSON shape has it. */
function mergeEdits(text: string, edits: TextEdit[]): { range: [number, number]; text: string } {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0]);
  const start = sorted[0].range[0];
  const end = Math.max(...sorted.map((e) => e.range[1]));
  let out = "";
  let at = start;
  for (const edit of sorted) {
    out += text.slice(at, edit.range[0]) + edit.text;
    at = edit.range[1];
  }
  return { range: [start, end], text: out + text.slice(at, end) };
}

export function resolveRuleSettings(rule: Rule, options: LintOptions): { severity: Severity; ruleOptions: unknown } {
  const setting = options.rules?.[rule.id];
  let severity: Severity = rule.enabledByDefault === false ? "off" : rule.severity;
  let ruleOptions: unknown = undefined;
  if (typeof setting === "string") severity = setting;
  else if (Array.isArray(setting)) {
    severity = setting[0];
    ruleOptions = setting[1];
  }
  if (options.only) severity = options.only.includes(rule.id) ? (severity === "off" ? rule.severity : severity) : "off";
  return { severity, ruleOptions };
}

function stackOf(error: unknown): { stack?: string } {
  return error instanceof Error && error.stack ? { stack: error.stack } : {};
}

function parseError(error: unknown): Finding {
  const reason = error instanceof RangeError ? "it is nested too deeply for the Markdown parser" : `the Markdown parser failed (${error instanceof Error ? error.message : String(error)})`;
  return {
    ruleId: "parse-error", severity: 2, fatal: true,
    message: `Cannot lint this file: ${reason}.`,
    side: "translation", line: 1, column: 1, endLine: 1, endColumn: 1, start: 0, end: 0,
    ...stackOf(error),
  };
}

/** One warning for each block whose nesting the parser was spared: what lies deeper is not checked. */
function nestingFindings(document: LintDocument): Finding[] {
  const lines = new Set<number>();
  const findings: Finding[] = [];
  for (const offset of [...(document.nestingCuts ?? [])].sort((a, b) => a - b)) {
    const { line, column } = document.lines.position(offset);
    if (lines.has(line)) continue;
    lines.add(line);
    findings.push({
      ruleId: "nesting-limit", severity: 1,
      message: `Block quotes or lists nest deeper than ${MAX_NESTING} levels: the deeper markers are read as text, and the rest of this block is not checked.`,
      side: "translation", line, column, endLine: line, endColumn: column + 1, start: offset, end: offset + 1,
    });
  }
  return findings;
}

/**
 * One warning for each side that is not valid MDX: it was read as Markdown, where a JSX tag or an
 * `{expression}` is text, so findings around them may be wrong. Never fatal: the rest is checked.
 */
function grammarFindings(document: LintDocument): Finding[] {
  return (document.grammarProblems ?? []).map(({ side, offset, reason }) => {
    const lines = side === "source" ? document.sourceLines : document.lines;
    const { line, column } = lines.position(offset);
    return {
      ruleId: "mdx-syntax", severity: 1, side,
      ...(side === "source" && document.sourceFilePath ? { filePath: document.sourceFilePath } : {}),
      message: `Not valid MDX, so this file was read as Markdown (JSX and {expressions} as text): ${reason.replace(/\.$/, "")}.`,
      line, column, endLine: line, endColumn: column, start: offset, end: offset,
    };
  });
}

/** Whether a rule that runs compares an inline post with its source file (`uses: ["sourceFile"]`). */
function usesSourceFile(options: LintOptions): boolean {
  if (!options.source) return false;
  return (options.ruleSet ?? builtinRules).some((rule) => rule.uses?.includes("sourceFile") && resolveRuleSettings(rule, options).severity !== "off");
}

/**
 * Lints one text. Pure: no file system, no process state, no colours. Positions refer to the
 * text without its BOM, as ESLint's do.
 */
export function lint(input: string, options: LintOptions = {}): LintResult {
  return withParseCache(options.parseCache, () => lintText(input, options));
}

function lintText(input: string, options: LintOptions): LintResult {
  const { text } = stripBom(input);
  const source = options.source ? { ...options.source, text: stripBom(options.source.text).text } : undefined;
  let document: LintDocument;
  try {
    document = buildDocument(text, { ...options, source, segmentSourceFile: usesSourceFile(options) });
  } catch (error) {
    // The Markdown parser recurses: thousands of nested quotes or lists exhaust the stack. One such
    // file gets a finding of its own instead of ending the whole run.
    return { findings: [parseError(error)], document: buildDocument("", { ...options, source: undefined }) };
  }
  const findings: Finding[] = [...nestingFindings(document), ...grammarFindings(document)];
  const ruleSet = options.ruleSet ?? builtinRules;
  const activeRules = new Set<string>();
  const collected = new ProjectCollection(document);
  for (const rule of ruleSet) {
    const { severity, ruleOptions } = resolveRuleSettings(rule, options);
    if (severity === "off") continue;
    activeRules.add(rule.id);
    const parsedOptions = rule.schema.parse(ruleOptions ?? {});
    const severityNumber = severity === "error" ? 2 : 1;
    const report = (r: Report) => {
      const lines = r.side === "source" ? document.sourceLines : document.lines;
      const start = lines.position(r.start);
      const end = lines.position(r.end);
      const edits = r.fix ? (Array.isArray(r.fix) ? r.fix : [r.fix]) : [];
      findings.push({
        ruleId: rule.id,
        severity: r.severity === "warn" ? 1 : severityNumber,
        message: messageOf(rule, r.messageId, r.data),
        messageId: r.messageId,
        side: r.side,
        ...(r.side === "source" && document.mode === "parallel" && document.sourceFilePath ? { filePath: document.sourceFilePath } : {}),
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        start: r.start,
        end: r.end,
        ...(edits.length > 0 && !(r.side === "source" && document.mode === "parallel") ? { fix: mergeEdits(text, edits) } : {}),
        ...(r.suggestions?.length ? { suggestions: r.suggestions } : {}),
        ...(r.reviewMarker ? { reviewMarker: true } : {}),
      });
    };
    try {
      if (isProjectRule(rule)) collected.collect(rule, parsedOptions, severityNumber, options.settings ?? {});
      else rule.check({ document, options: parsedOptions, settings: options.settings ?? {}, report });
    } catch (error) {
      findings.push({
        ruleId: rule.id,
        severity: 2,
        fatal: true,
        message: `Internal error in rule ${rule.id}: ${error instanceof Error ? error.message : String(error)}`,
        side: "translation",
        line: 1, column: 1, endLine: 1, endColumn: 1, start: 0, end: 0,
        ...stackOf(error),
      });
    }
  }
  const kept = collected.withoutProbes(applyDirectives({
    document, findings: [...findings, ...collected.probes()], activeRules,
    knownRules: new Set([...builtinRules, ...ruleSet].map((r) => r.id)),
    reportUnused: options.reportUnusedDisableDirectives,
  }));
  kept.sort(compareFindings);
  return { findings: kept, document, ...collected.digests() };
}

/**
 * The digests of the project rules run on one document. Each location a rule keeps is also a
 * probe: a finding of that rule at that place, handed to the directives with the real ones, so
 * that a location a directive covers is marked `suppressed` (and the directive counts as used).
 */
class ProjectCollection {
  private readonly collected: FileDigests = {};
  private readonly located = new Map<Finding, Location>();

  constructor(private readonly document: LintDocument) {}

  collect(rule: ProjectRule, options: unknown, severity: 1 | 2, settings: LintSettings): void {
    const locate = (side: Side, start: number, end: number): Location => {
      const lines = side === "source" ? this.document.sourceLines : this.document.lines;
      const from = lines.position(start);
      const to = lines.position(end);
      const location: Location = { side, start, end, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
      this.located.set({ ruleId: rule.id, severity, message: "", ...location }, location);
      return location;
    };
    const digest = rule.project.collect({ document: this.document, options, settings, locate });
    this.collected[rule.id] = { severity, ...(this.document.targetLanguage ? { language: this.document.targetLanguage } : {}), digest };
  }

  probes(): Finding[] {
    return [...this.located.keys()];
  }

  /** The findings without the probes; the locations of probes a directive dropped become `suppressed`. */
  withoutProbes(findings: Finding[]): Finding[] {
    const kept = new Set(findings);
    for (const [probe, location] of this.located) if (!kept.has(probe)) location.suppressed = true;
    return findings.filter((f) => !this.located.has(f));
  }

  digests(): { digests?: FileDigests } {
    return Object.keys(this.collected).length > 0 ? { digests: this.collected } : {};
  }
}
