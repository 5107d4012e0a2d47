import { Command, Option } from "commander";
import { resolve } from "node:path";
import { parseArguments, reportConfigError, writeReport, type CliIO } from "./io.js";
import { ConfigError } from "../node/config.js";
import { runRules } from "../node/lint-files.js";
import { mergeReports, readJsonReport, ReportError, type ReadReport } from "../node/reports.js";
import { formatterNames, loadFormatter, reviewFormats } from "../formatters/index.js";
import { reportedIdDescription } from "../core/reported-ids.js";
import { displayPath } from "../formatters/paths.js";
import { toolVersion } from "../node/version.js";
import { exitCode, useColor } from "./outcome.js";

interface MergeOptions {
  format: string;
  outputFile?: string;
  maxWarnings?: number;
  config?: string;
  color?: boolean;
}

function buildProgram(): Command {
  return new Command()
    .name("nl-lint merge-reports")
    .description("Merge the json reports of the shards of a run (--shard i/n) into the report of the whole run.")
    .argument("<reports...>", "json reports (written with --format json)")
    // The json reports keep no pairs, so a format that shows them (html) cannot be made from them.
    .addOption(new Option("-f, --format <name>", "output format").choices(formatterNames.filter((name) => !reviewFormats.has(name))).default("stylish"))
    .option("-o, --output-file <file>", "write the merged report to a file")
    .option("--max-warnings <n>", "exit 1 when there are more warnings than this", (v) => Number.parseInt(v, 10))
    .option("-c, --config <file>", "the configuration the shards ran with, for the descriptions of its plugins' rules")
    .option("--color", "force colours")
    .option("--no-color", "no colours")
    .exitOverride();
}

/** `nl-lint merge-reports`: exits as the whole run would have (0, 1 for errors), or 2 when a report cannot be merged. */
export async function runMergeReports(argv: string[], io: CliIO): Promise<number> {
  const program = buildProgram();
  const ended = parseArguments(program, argv, io, "nl-lint merge-reports");
  if (ended !== undefined) return ended;
  const options = program.opts<MergeOptions>();
  try {
    const rules = (await runRules({ cwd: io.cwd, configFile: options.config })).ruleSet;
    const reports = program.args.map((path) => readJsonReport(resolve(io.cwd, path), io.cwd));
    checkRuleIds(reports, new Set(rules.map((rule) => rule.id)), io.cwd);
    const results = mergeReports(reports, io.cwd);
    const formatted = (await loadFormatter(options.format))(results, {
      color: options.outputFile ? false : useColor(io, options.color),
      cwd: io.cwd,
      rules,
      toolVersion: toolVersion(),
    });
    // Written as a run writes its report, so that the merged file is byte for byte the whole run's.
    if (options.outputFile) writeReport(io, options.outputFile, formatted);
    else if (formatted) io.stdout(formatted.endsWith("\n") ? formatted : `${formatted}\n`);
    return exitCode(results, false, options.maxWarnings);
  } catch (error) {
    if (error instanceof ReportError) {
      for (const problem of error.problems) io.stderr(`nl-lint merge-reports: ${problem}\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      reportConfigError(error, io);
      return 2;
    }
    throw error;
  }
}

/**
 * A finding of a rule this nl-lint does not know comes from another version of it (or from a
 * plugin the configuration does not name): its report would be merged with rules described wrong.
 */
function checkRuleIds(reports: ReadReport[], known: Set<string>, cwd: string): void {
  const problems: string[] = [];
  for (const report of reports) {
    const unknown = new Set(report.results.flatMap((r) => r.messages.map((m) => m.ruleId)).filter((id) => !known.has(id) && reportedIdDescription(id) === undefined));
    if (unknown.size > 0) {
      problems.push(`${displayPath(report.path, cwd)}: findings of rules this nl-lint (${toolVersion() ?? "unknown version"}) does not know: ${[...unknown].join(", ")}; was it written by another version, or with plugins that --config should name?`);
    }
  }
  if (problems.length > 0) throw new ReportError(problems);
}
