import { Command, InvalidArgumentError, Option } from "commander";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { builtinRules } from "../../rules/index.js";
import { ChangedFilesError } from "../node/changed.js";
import { processIO, parseArguments, reportConfigError, writeReport, type CliIO } from "./io.js";
import { ConfigError, configFileIn } from "../node/config.js";
import { takeStackTraces } from "../node/engine.js";
import { formatterNames, loadFormatter, reviewFormats } from "../formatters/index.js";
import type { FileResult } from "../formatters/types.js";
import { STARTER_CONFIG_NAME, starterConfig } from "./init.js";
import { DEFAULT_CACHE_LOCATION } from "../node/cache.js";
import { checkRuleSelection, configForFile, DEFAULT_MAX_FILE_SIZE, describeFilePairs, lintFiles, LintFilesError, runRules, type LintFilesOptions } from "../node/lint-files.js";
import { createProgress, wantsProgress, type Progress } from "./progress.js";
import { reportedIdDescriptions } from "../core/reported-ids.js";
import { toolVersion } from "../node/version.js";
import { parseShard, type ShardSpec } from "../node/shard.js";
import { exitCode, useColor } from "./outcome.js";

export { processIO, type CliIO } from "./io.js";

function buildProgram(): Command {
  return new Command()
    .name("nl-lint")
    .description("Lint translated Markdown against its source: links, typos, missing and untranslated text.")
    .version(toolVersion() ?? "unknown", "-v, --version", "print nl-lint's version")
    .argument("[paths...]", "files, directories or globs to lint")
    .addOption(new Option("-f, --format <name>", "output format").choices(formatterNames).default("stylish"))
    .option("-o, --output-file <file>", "write the report to a file")
    .option("--quiet", "report errors only")
    .option("--max-warnings <n>", "exit 1 when there are more warnings than this", (v) => Number.parseInt(v, 10))
    .option("--only <rules>", "run only these rules (comma-separated ids)")
    .option("--fix", "apply the safe fixes to the files")
    .option("--fix-dry-run", "compute fixes without writing: a diff of each file (stylish), or its fixed text (json)")
    .option("--fix-type <rules>", "apply only these rules' fixes (comma-separated ids)")
    .option("--print-pairs", "show how each file was split into source/translation pairs")
    .option("--target-lang <tag>", "language of the translation (default: from front matter or the path)")
    .option("--source-lang <tag>", "language of the source (default: from the configuration, or en)")
    .option("--source-root <dir>", "parallel files: pair each file with the file at the same relative path under this folder")
    .option("-c, --config <file>", "use this configuration file instead of looking for one")
    .option("--print-config <file>", "print the configuration that applies to a file, and exit")
    .option("--init", `write a commented starter configuration (${STARTER_CONFIG_NAME}) and exit`)
    .option("--ignore-pattern <pattern>", "do not lint files matching this .gitignore-style pattern (repeatable)", (v: string, all: string[]) => [...all, v], [] as string[])
    .option("--report-unused-disable-directives", "report nl-lint-disable comments that suppress nothing, as errors")
    .option("--changed-since <ref>", "lint only Markdown files changed since this git ref (plus uncommitted and new ones)")
    .option("--no-progress", "never show progress on a terminal")
    .option("--color", "force colours")
    .option("--no-color", "no colours")
    .option("--concurrency <n>", "worker threads: a number, or auto (one per core, for large runs)", "auto")
    .option("--cache", "reuse results for files that did not change since the last run")
    .option("--cache-location <path>", "where the cache is kept", DEFAULT_CACHE_LOCATION)
    .option("--check-urls", "check external URLs online after linting: dead-url and url-redirect (with --cache, answers are kept)")
    .option("--no-error-on-unmatched-pattern", "do not fail when a path, folder or glob names no Markdown file")
    .option("--max-file-size <bytes>", "skip files larger than this, with a warning (default: 10 MB)", byteCount, DEFAULT_MAX_FILE_SIZE)
    .option("--shard <i/n>", "lint only the i-th of n shares of the files, for one of n CI jobs (merge the reports with merge-reports)", shardArgument)
    .option("--debug", "print stack traces of internal errors, and how each file's language was found")
    .exitOverride();
}

interface CliOptions {
  format: string;
  outputFile?: string;
  quiet?: boolean;
  maxWarnings?: number;
  only?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  fixType?: string;
  printPairs?: boolean;
  targetLang?: string;
  sourceLang?: string;
  sourceRoot?: string;
  color?: boolean;
  debug?: boolean;
  config?: string;
  printConfig?: string;
  init?: boolean;
  ignorePattern: string[];
  reportUnusedDisableDirectives?: boolean;
  changedSince?: string;
  progress: boolean;
  concurrency: string;
  cache?: boolean;
  cacheLocation: string;
  checkUrls?: boolean;
  errorOnUnmatchedPattern: boolean;
  maxFileSize: number;
  shard?: ShardSpec;
}

function shardArgument(value: string): ShardSpec {
  try {
    return parseShard(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

function byteCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("expected a whole number of bytes (0 for no limit).");
  return n;
}

/** Runs nl-lint with command-line arguments; returns the exit code (0 clean, 1 errors, 2 usage or crash). */
export async function run(argv: string[], io: CliIO = processIO): Promise<number> {
  // Modules a run may not need are loaded when asked for: a single small post starts faster.
  if (argv[0] === "status") return (await import("./status/cli.js")).runStatus(argv.slice(1), io);
  if (argv[0] === "merge-reports") return (await import("./merge-reports.js")).runMergeReports(argv.slice(1), io);
  if (argv[0] === "lsp") return (await import(languageServerUrl()) as typeof import("../lsp/main.js")).runLanguageServer(argv.slice(1), io);
  const program = buildProgram();
  const ended = parseArguments(program, argv, io, "nl-lint");
  if (ended !== undefined) return ended;
  const options = program.opts<CliOptions>();
  try {
    return await runLint(program.args, options, io);
  } catch (error) {
    if (error instanceof LintFilesError) {
      for (const warning of error.warnings) io.stderr(`nl-lint: ${warning}\n`);
      for (const problem of error.problems) io.stderr(`nl-lint: ${problem}\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      reportConfigError(error, io);
      return 2;
    }
    if (error instanceof ChangedFilesError) {
      io.stderr(`nl-lint: ${error.message}\n`);
      return 2;
    }
    io.stderr(`nl-lint: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (options.debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return 2;
  }
}

/** Comma-separated rule ids; undefined when the option is not given. */
function ruleList(value: string | undefined): string[] | undefined {
  return value?.split(",").map((s) => s.trim()).filter(Boolean);
}

/** The files engine's options for the command line's. */
function lintFilesOptions(options: CliOptions, io: CliIO): LintFilesOptions {
  return {
    cwd: io.cwd,
    configFile: options.config,
    only: ruleList(options.only),
    fix: options.fix,
    fixDryRun: options.fixDryRun,
    fixTypes: ruleList(options.fixType),
    targetLanguage: options.targetLang,
    sourceLanguage: options.sourceLang,
    sourceRoot: options.sourceRoot,
    ignorePatterns: options.ignorePattern,
    reportUnusedDisableDirectives: options.reportUnusedDisableDirectives,
    changedSince: options.changedSince,
    concurrency: options.concurrency === "auto" ? "auto" : Number.parseInt(options.concurrency, 10),
    cache: options.cache,
    cacheLocation: options.cacheLocation,
    checkUrls: options.checkUrls,
    errorOnUnmatchedPattern: options.errorOnUnmatchedPattern,
    maxFileSize: options.maxFileSize,
    review: reviewFormats.has(options.format),
    debug: options.debug,
    shard: options.shard,
  };
}

async function runLint(paths: string[], options: CliOptions, io: CliIO): Promise<number> {
  const engineOptions = lintFilesOptions(options, io);
  const rules = await runRules(engineOptions);
  checkRuleSelection(engineOptions, rules.ruleSet);
  if (options.init) return writeStarterConfig(io);
  if (options.printConfig) {
    io.stdout(`${JSON.stringify(await configForFile(options.printConfig, engineOptions), null, 2)}\n`);
    return 0;
  }
  if (paths.length === 0 && options.changedSince === undefined) {
    io.stderr("nl-lint: no paths given. Usage: nl-lint [options] <paths...> (try nl-lint --help)\n");
    return 2;
  }
  if (options.printPairs) {
    const described = await describeFilePairs(paths, engineOptions);
    for (const warning of described.warnings) io.stderr(`nl-lint: ${warning}\n`);
    for (const file of described.files) {
      if (file.pairs === undefined) io.stderr(`nl-lint: ${file.filePath}: ${file.problem}\n`);
      else io.stdout(`${file.filePath}\n${file.pairs}\n`);
    }
    return 0;
  }
  let progress: Progress | undefined;
  const run = await lintFiles(paths, engineOptions, {
    onWarning: (message) => io.stderr(`nl-lint: ${message}\n`),
    onStart: (fileCount) => {
      progress = createProgress({
        enabled: options.progress && fileCount > 1 && wantsProgress({ stdoutIsTTY: io.isTTY, stderrIsTTY: io.stderrIsTTY ?? io.isTTY, env: io.env, format: options.format }),
        total: fileCount,
        write: (text) => io.stderr(text),
      });
    },
    onResult: (result) => {
      showDebugNotes(result, options.debug ?? false, io);
      progress?.tick();
    },
  });
  progress?.done();
  for (const note of run.urlCheckNotes) io.stderr(`nl-lint: ${note}\n`);
  const { results } = run;
  const shown = options.quiet
    ? results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 2), warningCount: 0, fixableWarningCount: 0 }))
    : results;
  const formatted = (await loadFormatter(options.format))(shown, {
    color: options.outputFile ? false : useColor(io, options.color),
    cwd: io.cwd,
    rules: [...run.rules, ...(options.checkUrls ? reportedIdDescriptions({ checkUrls: true }) : [])],
    toolVersion: toolVersion(),
  });
  if (options.outputFile) writeReport(io, options.outputFile, formatted);
  else if (formatted) io.stdout(formatted.endsWith("\n") ? formatted : `${formatted}\n`);
  return exitCode(results, run.networkFailed, options.maxWarnings);
}

/** Stack traces (with --debug) and language notes go to stderr, and out of the result before it is formatted. */
function showDebugNotes(result: FileResult, debug: boolean, io: CliIO): void {
  for (const trace of takeStackTraces(result)) if (debug) io.stderr(trace);
  for (const note of result.debug ?? []) io.stderr(`nl-lint: ${result.filePath}: ${note}\n`);
  delete result.debug;
}

/** `--init`: a starter configuration in the working folder, unless one is already there. */
function writeStarterConfig(io: CliIO): number {
  const existing = configFileIn(io.cwd);
  if (existing) {
    io.stderr(`nl-lint: ${existing} already holds this folder's configuration; not writing ${STARTER_CONFIG_NAME}\n`);
    return 2;
  }
  writeFileSync(join(io.cwd, STARTER_CONFIG_NAME), starterConfig(builtinRules));
  io.stderr(`nl-lint: wrote ${STARTER_CONFIG_NAME}\n`);
  return 0;
}

/**
 * `nl-lint lsp`: the language server is bundled on its own (scripts/bundle.mjs), so that linting
 * never loads the protocol libraries; from the compiled modules (tests, `tsc`), its compiled module.
 */
function languageServerUrl(): string {
  if (import.meta.url.endsWith(".ts")) return new URL("../../dist/src/lsp/main.js", import.meta.url).href;
  if (import.meta.url.endsWith(".bundle.mjs")) return new URL("./lsp.bundle.mjs", import.meta.url).href;
  return new URL("../lsp/main.js", import.meta.url).href;
}
