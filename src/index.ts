// The public API of the `nl-lint` package. What is exported here is what a user may rely on;
// everything else under dist/ is internal. The rule tester is the separate entry `nl-lint/testing`.
export { lint, type LintOptions, type LintResult, type RuleSetting } from "./core/lint.js";
// Parses kept between lints of one document (an editor's), handed to `lint` as `parseCache`.
export { ParseCache } from "./parse/parse-cache.js";
// The files engine: what the command line runs, without printing or exiting.
export { ConfigError } from "./node/config.js";
export { lintFiles, LintFilesError, type LintFilesHooks, type LintFilesOptions, type LintFilesResult } from "./node/lint-files.js";
// --shard i/n across CI jobs, and merging their json reports into the whole run's.
export type { ShardSpec } from "./node/shard.js";
export { mergeReports, parseJsonReport, ReportError, type ReadReport } from "./node/reports.js";
export {
  defineRule,
  matchedPairs,
  segmentText,
  type FileView,
  type LintSettings,
  type PageAnchors,
  type Rule,
  type RuleContext,
  type RuleExample,
  type RuleExamples,
  type RuleMeta,
  type SourceDrift,
  type Speller,
} from "./core/rule.js";
// Rules that compare the files of a run (see docs/architecture.md, "Project rules").
export { defineProjectRule, type CollectContext, type Location, type ProjectCheckContext, type ProjectFile, type ProjectReport, type ProjectRule } from "./core/project-rule.js";
export { lintProject, type ProjectText } from "./core/lint-project.js";
export type { Finding, LinkInfo, LintDocument, Pair, Report, Segment, SegmentKind, Severity, Side, Suggestion, TextEdit } from "./core/types.js";
export { builtinRules } from "../rules/index.js";
// The zod that rule schemas are read with: a plugin that uses it needs no zod of its own.
export { z } from "zod";
export { applyFixes } from "./core/fix.js";
export { formatterNames, loadFormatter } from "./formatters/index.js";
export { toFileResult, type FileResult, type Formatter, type FormatterOptions, type RuleDescription } from "./formatters/types.js";
