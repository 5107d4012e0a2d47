import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, resolve } from "node:path";
import { builtinRules } from "../rules/index.js";
import { lintFile, readText, takeStackTraces, type EngineOptions } from "./engine.js";
import { formatterNames, loadFormatter, reviewFormats } from "./formatters/index.js";
import type { FileResult } from "./formatters/types.js";
import { lint, resolveRuleSettings } from "./lint.js";
import { describePairs } from "./print-pairs.js";
import { ChangedFilesError } from "./changed.js";
import { ConfigError, ConfigLoader, configFileIn, type ResolvedConfig } from "./config.js";
import { commandLineSourceFinder, describeConfig, optionsForConfig, type CommandLineOverrides } from "./file-options.js";
import { displayPath } from "./formatters/paths.js";
import { STARTER_CONFIG_NAME, starterConfig } from "./init.js";
import { createProgress, wantsProgress } from "./progress.js";
import { selectFiles } from "./selection.js";
import { sourceFinder } from "./sources.js";
import { sourceDriftForLint } from "./status/lint-drift.js";
import { diskFileView, viewRoots } from "./file-view.js";
import { toolVersion } from "./version.js";
import { rulesForRun, type RunRules } from "./plugins.js";
import { DEFAULT_CACHE_LOCATION, LintCache, contextOf, hashText } from "./cache.js";
import { mapInWorkers } from "./workers/pool.js";
import { detectLanguage, languageName, primaryLanguage } from "./language.js";
import type { LintSettings } from "./rule.js";
import type { SpellerLoader } from "./spell/hunspell.js";
import type { LintDocument } from "./types.js";

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  isTTY: boolean;
  /** Whether stderr is a terminal (progress is drawn there); the same as `isTTY` when not given. */
  stderrIsTTY?: boolean;
}

export const processIO: CliIO = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
};

function useColor(io: CliIO, flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== "0" && io.env.FORCE_COLOR !== "false";
  return io.isTTY;
}

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
    .option("--debug", "print stack traces of internal errors, and how each file's language was found")
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} });
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
}

function byteCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("expected a whole number of bytes (0 for no limit).");
  return n;
}

/** Larger than any real post; a bigger file is most likely generated or misnamed, and slow to lint. */
const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

/** Runs nl-lint with command-line arguments; returns the exit code (0 clean, 1 errors, 2 usage or crash). */
export async function run(argv: string[], io: CliIO = processIO): Promise<number> {
  // Modules a run may not need are loaded when asked for: a single small post starts faster.
  if (argv[0] === "status") return (await import("./status/cli.js")).runStatus(argv.slice(1), io);
  currentArgv = argv;
  const program = buildProgram();
  let output = "";
  program.configureOutput({ writeOut: (s) => (output += s), writeErr: (s) => (output += s) });
  try {
    program.parse(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version") {
        io.stdout(output);
        return 0;
      }
      io.stderr(output || `nl-lint: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const options = program.opts<CliOptions>();
  const paths = program.args;
  try {
    return await runLint(paths, options, io);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(`${error.describe(displayPath(error.filePath, io.cwd)).replace(/^/gm, "nl-lint: ")}\n`);
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

async function runLint(paths: string[], options: CliOptions, io: CliIO): Promise<number> {
  const only = options.only?.split(",").map((s) => s.trim()).filter(Boolean);
  const rules = await rulesForRun({ configFile: options.config, cwd: io.cwd });
  const known = new Set(rules.ruleSet.map((r) => r.id));
  const unknown = only?.filter((id) => !known.has(id)) ?? [];
  if (unknown.length > 0) {
    io.stderr(`nl-lint: unknown rule${unknown.length > 1 ? "s" : ""} in --only: ${unknown.join(", ")} (known: ${[...known].join(", ")})\n`);
    return 2;
  }
  const notFixable = fixTypeOf(options)?.filter((id) => !rules.ruleSet.some((r) => r.id === id && r.fixable)) ?? [];
  if (notFixable.length > 0) {
    const fixable = rules.ruleSet.filter((r) => r.fixable).map((r) => r.id);
    io.stderr(`nl-lint: not a rule with fixes in --fix-type: ${notFixable.join(", ")} (rules with fixes: ${fixable.join(", ")})\n`);
    return 2;
  }
  if (options.init) return writeStarterConfig(io);
  const { configs, overrides, sources } = runContext(paths, options, io, rules);
  if (options.printConfig) {
    const file = resolve(io.cwd, options.printConfig);
    const config = configs.forFile(file);
    const fileOptions = optionsForConfig({ only }, config, overrides);
    io.stdout(`${JSON.stringify({ ...describeConfig(config, fileOptions, rules.ruleSet), ...languageOfFile(file, fileOptions) }, null, 2)}\n`);
    return 0;
  }
  if (paths.length === 0 && options.changedSince === undefined) {
    io.stderr("nl-lint: no paths given. Usage: nl-lint [options] <paths...> (try nl-lint --help)\n");
    return 2;
  }
  const selected = await selectFiles({
    paths,
    cwd: io.cwd,
    changedSince: options.changedSince,
    ignorePatterns: options.ignorePattern,
    configFor: (file) => configs.forFile(file),
    // Parallel mode: a changed source brings the translations made from it into the run.
    translationsOf: (sourceFile, candidates) => translationsOf(sourceFile, candidates, sources.sourceFor),
  });
  const unmatched = selected.unmatched;
  // The source tree's own files are what translations are compared with, not translations.
  const files = selected.files.filter((file) => !sources.isSource(file) && !tooLarge(file, options.maxFileSize, io));
  if (unmatched.length > 0 && options.errorOnUnmatchedPattern) {
    for (const pattern of unmatched) io.stderr(`nl-lint: ${pattern}: ${selected.reasons[pattern] ?? "no such file, folder or match"}\n`);
    return 2;
  }

  if (options.sourceRoot !== undefined) warnIfSourceRootTranslated(files, { sources, configs, overrides, io });

  if (options.printPairs) {
    for (const file of files) {
      const read = readText(file);
      if (read.text === undefined) {
        io.stderr(`nl-lint: ${file}: ${read.problem}\n`);
        continue;
      }
      const sourcePath = sources.sourceFor(file, read.text);
      const sourceText = sourcePath === undefined ? undefined : readText(sourcePath).text;
      const source = sourceText === undefined ? undefined : { text: sourceText, filePath: sourcePath };
      const { document } = lint(read.text, { filePath: file, targetLanguage: options.targetLang, only: [], source });
      io.stdout(`${file}\n${describePairs(document)}\n`);
    }
    return 0;
  }

  // stale-translation compares with the sources' git history, which only the command line can read.
  const sourceDrift = sourceDriftForLint({ files, rule: builtinRules.find((r) => r.id === "stale-translation"), sourceFor: sources.sourceFor, configFor: (f) => configs.forFile(f), optionsFor: (f) => optionsForConfig(baseEngineOptions(options, sources), configs.forFile(f), overrides) });
  const results: FileResult[] = new Array(files.length);
  let crashed = false;
  const progress = createProgress({
    enabled: options.progress && files.length > 1 && wantsProgress({ stdoutIsTTY: io.isTTY, stderrIsTTY: io.stderrIsTTY ?? io.isTTY, env: io.env, format: options.format }),
    total: files.length,
    write: (text) => io.stderr(text),
  });
  const accept = (index: number, result: FileResult) => {
    if (result.messages.some((m) => m.fatal)) crashed = true;
    for (const trace of takeStackTraces(result)) if (options.debug) io.stderr(trace);
    for (const note of result.debug ?? []) io.stderr(`nl-lint: ${result.filePath}: ${note}\n`);
    delete result.debug;
    results[index] = result;
    progress.tick();
  };

  const cache = options.cache && !options.fix && !options.fixDryRun ? new LintCache(resolve(io.cwd, options.cacheLocation)) : undefined;
  const linter = await fileLinter({ paths, options, io, sourceDrift, fileList: files, rules });
  // With a cache, this thread reads each file to key it; only the misses are linted.
  const pending: number[] = [];
  const keys = new Map<number, string>();
  files.forEach((file, index) => {
    const key = cache ? linter.cacheKey(file) : undefined;
    const hit = key === undefined ? undefined : cache!.get(file, key);
    if (hit) accept(index, hit);
    else {
      if (key !== undefined) keys.set(index, key);
      pending.push(index);
    }
  });
  const groups = groupBySource(pending, files, pairingConfigured(files, options, configs) ? (file) => sources.sourceFor(file, readText(file).text ?? "") : undefined);
  const threads = workerCount(options.concurrency, pending.map((i) => files[i]));
  const store = (index: number, result: FileResult) => {
    const key = keys.get(index);
    if (cache && key !== undefined && !result.messages.some((m) => m.fatal)) cache.set(files[index], key, result);
    accept(index, result);
  };
  if (threads === 0) {
    if (pending.length > 0) await linter.ready();
    for (const group of groups) for (const index of group) store(index, linter.lint(files[index]));
  } else {
    await mapInWorkers<LintWorkerInit, string[], FileResult[]>({
      workerUrl: workerUrl(),
      init: { argv: currentArgv, cwd: io.cwd, sourceDrift, fileList: files },
      items: groups.map((group) => group.map((i) => files[i])),
      weight: (group) => group.reduce((bytes, file) => bytes + fileSize(file), 0),
      // The language the path names is a hint, enough to keep a dictionary to one thread.
      key: (group) => languageHint(group[0]),
      concurrency: threads,
      youngGenerationMb: threads === 1 ? LONE_THREAD_YOUNG_GENERATION_MB : undefined,
      onResult: (n, groupResults) => groupResults.forEach((result, k) => store(groups[n][k], result)),
    });
  }
  cache?.save();
  progress.done();
  // The network is asked after linting, from this thread: its findings depend on more than the text.
  let networkFailed = false;
  if (options.checkUrls) {
    const { runUrlCheck } = await import("./url-check/run.js");
    const online = await runUrlCheck({
      results,
      config: configs.forFile(join(io.cwd, "_")).urlCheck ?? {},
      lintCacheLocation: options.cache ? resolve(io.cwd, options.cacheLocation) : undefined,
      fix: options.fix,
      stderr: io.stderr,
    });
    results.splice(0, results.length, ...online.results);
    networkFailed = online.networkFailed;
  }
  const shown = options.quiet
    ? results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 2), warningCount: 0, fixableWarningCount: 0 }))
    : results;
  const urlCheckRules = options.checkUrls ? (await import("./url-check/index.js")).urlCheckRules : [];
  const formatted = (await loadFormatter(options.format))(shown, {
    color: options.outputFile ? false : useColor(io, options.color),
    cwd: io.cwd,
    rules: [...rules.ruleSet, ...urlCheckRules],
    toolVersion: toolVersion(),
  });
  if (options.outputFile) {
    const outputPath = resolve(io.cwd, options.outputFile);
    mkdirSync(dirname(outputPath), { recursive: true });
    writeFileSync(outputPath, formatted);
  }
  else if (formatted) io.stdout(formatted.endsWith("\n") ? formatted : `${formatted}\n`);

  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (crashed || networkFailed) return 2;
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && options.maxWarnings >= 0 && warnings > options.maxWarnings) return 1;
  return 0;
}

/** How many source files are read to tell the source tree's language: enough to outvote one odd page. */
const SOURCE_ROOT_SAMPLE = 5;

/**
 * Warns, once a run, when the files under `--source-root` read as another language than the
 * source language: the source and translation folders were probably given the wrong way round,
 * and every finding would be upside down. Pages too short to tell are not counted.
 */
function warnIfSourceRootTranslated(files: string[], run: { sources: ReturnType<typeof sourceFinder>; configs: ConfigLoader; overrides: CommandLineOverrides; io: CliIO }): void {
  const heard = new Map<string, number>();
  let told = 0;
  for (const file of files.slice(0, 4 * SOURCE_ROOT_SAMPLE)) {
    if (told === SOURCE_ROOT_SAMPLE) break;
    const sourcePath = run.sources.sourceFor(file, readText(file).text ?? "");
    const text = sourcePath === undefined ? undefined : readText(sourcePath).text;
    // No file path: the source tree's folder names must not answer for its text.
    const language = text === undefined ? undefined : lint(text, { only: [] }).document.targetLanguage;
    if (language === undefined) continue;
    told++;
    heard.set(language, (heard.get(language) ?? 0) + 1);
  }
  const expected = primaryLanguage(run.overrides.sourceLanguage ?? run.configs.forFile(files[0] ?? join(run.io.cwd, "_")).sourceLanguage ?? "en");
  const [language, count] = [...heard].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (language === undefined || primaryLanguage(language) === expected || count! * 2 <= told) return;
  run.io.stderr(
    `nl-lint: warning: the files under --source-root read as ${languageName(language)}, not ${languageName(expected)}, the source language: ` +
      `are the source and translation folders swapped? (set --source-lang if the source really is ${languageName(language)})\n`,
  );
}

/** How a file's target language was found, for `--debug`: a language recognised from the text, or none, is said. */
function languageNote(document: LintDocument): string {
  if (!document.targetLanguage) return "target language unknown: nothing names it (--target-lang, targetLanguage, front matter, path) and the text is too short to recognise";
  const from = document.targetLanguageFrom === "text" ? "recognised from the text (set --target-lang or targetLanguage to override)" : `from the ${document.targetLanguageFrom}`;
  return `target language ${document.targetLanguage}, ${from}`;
}

/**
 * The target language a file is linted in and where it was found (options, front matter, path,
 * or recognised from the text), for `--print-config`: a language nothing names is no longer silent.
 */
function languageOfFile(file: string, options: EngineOptions): { targetLanguage: string | null; targetLanguageFrom: string | null } {
  if (options.targetLanguage) return { targetLanguage: options.targetLanguage, targetLanguageFrom: "options" };
  const text = readText(file).text;
  if (text === undefined) return { targetLanguage: null, targetLanguageFrom: null };
  const { document } = lint(text, { filePath: file, targetLanguage: options.targetLanguage, sourceLanguage: options.sourceLanguage, only: [] });
  return { targetLanguage: document.targetLanguage ?? null, targetLanguageFrom: document.targetLanguageFrom ?? null };
}

const sourcesOfCandidates = new WeakMap<string[], Map<string, string | undefined>>();

/** The candidate files whose source is `sourceFile`; each candidate's source is resolved once. */
function translationsOf(sourceFile: string, candidates: string[], sourceFor: (file: string, text: string) => string | undefined): string[] {
  let sourceOf = sourcesOfCandidates.get(candidates);
  if (!sourceOf) {
    sourceOf = new Map(candidates.map((file) => [file, sourceFor(file, readText(file).text ?? "")]));
    sourcesOfCandidates.set(candidates, sourceOf);
  }
  return candidates.filter((file) => sourceOf!.get(file) === sourceFile);
}

/** Configuration, command-line overrides and the source finder of a run: the same in every thread. */
function runContext(paths: string[], options: CliOptions, io: CliIO, rules: RunRules) {
  const configs = new ConfigLoader({ ruleSet: rules.ruleSet, pluginsFrom: rules.configFile, configFile: options.config, cwd: io.cwd });
  const overrides = {
    sourceLanguage: options.sourceLang,
    targetLanguage: options.targetLang,
    reportUnusedDisableDirectives: options.reportUnusedDisableDirectives ? ("error" as const) : undefined,
    fixRules: fixTypeOf(options),
  };
  const sources = commandLineSourceFinder({ cwd: io.cwd, paths, sourceRoot: options.sourceRoot, configFor: (file) => configs.forFile(file) });
  return { configs, overrides, sources };
}

/** The rule ids `--fix-type` names; undefined without it. */
function fixTypeOf(options: CliOptions): string[] | undefined {
  return options.fixType?.split(",").map((s) => s.trim()).filter(Boolean);
}

function baseEngineOptions(options: CliOptions, sources: ReturnType<typeof sourceFinder>): EngineOptions {
  return {
    only: options.only?.split(",").map((s) => s.trim()).filter(Boolean),
    fix: options.fix,
    fixDryRun: options.fixDryRun,
    targetLanguage: options.targetLang,
    sourceLanguage: options.sourceLang,
    review: reviewFormats.has(options.format),
    sourceFor: sources.sourceFor,
  };
}

export interface FileLinter {
  /** Loads what linting (not keying) needs; call and await before `lint`. */
  ready(): Promise<void>;
  lint(file: string): FileResult;
  /** What a cached result for the file must match; undefined when the file cannot be read. */
  cacheKey(file: string): string | undefined;
}

/**
 * Builds what one thread needs to lint the run's files: per-configuration options, the
 * dictionaries (loaded once per thread, only when the typo rule runs) and the file view.
 */
export async function fileLinter(run: { paths: string[]; options: CliOptions; io: CliIO; sourceDrift?: LintSettings["sourceDrift"]; fileList: string[]; rules?: RunRules }): Promise<FileLinter> {
  const { paths, options, io } = run;
  // A worker thread is not handed the rules: it loads the same plugins by their paths.
  const rules = run.rules ?? (await rulesForRun({ configFile: options.config, cwd: io.cwd }));
  const { configs, overrides, sources } = runContext(paths, options, io, rules);
  const engineOptions = { ...baseEngineOptions(options, sources), ...(rules.fingerprint ? { ruleSet: rules.ruleSet } : {}) };
  // One view for the whole run, so each folder is listed and each linked page read once.
  engineOptions.settings = { ...engineOptions.settings, files: diskFileView(viewRoots({ cwd: io.cwd, paths, sourceRoot: options.sourceRoot })) };
  if (run.sourceDrift) engineOptions.settings = { ...engineOptions.settings, sourceDrift: run.sourceDrift };
  const perConfig = new Map<ResolvedConfig, EngineOptions>();
  let spellers: SpellerLoader | undefined;
  const optionsFor = (file: string) => {
    const config = configs.forFile(file);
    let fileOptions = perConfig.get(config);
    if (!fileOptions) {
      fileOptions = optionsForConfig(engineOptions, config, overrides);
      // Each configuration may name its own dictionaries (`dictionaries`).
      if (spellers) fileOptions.settings = { ...fileOptions.settings, speller: (language) => spellers!(language, config.dictionaries) };
      perConfig.set(config, fileOptions);
    }
    return fileOptions;
  };
  // Which files exist decides where relative links lead, so it is part of every key.
  const runShape = hashText(run.fileList.join("\n"));
  const contexts = new Map<EngineOptions, string>();
  let ready: Promise<void> | undefined;
  return {
    // Hunspell's WebAssembly costs a start-up only worth paying when the typo rule will run on a file.
    ready: () =>
      (ready ??= (async () => {
        const typoRule = builtinRules.find((r) => r.id === "typo");
        if (typoRule && resolveRuleSettings(typoRule, engineOptions).severity !== "off") {
          const { loadSpellers } = await import("./spell/hunspell.js");
          spellers = await loadSpellers();
          perConfig.clear();
        }
      })()),
    lint: (file) => {
      const { result, document } = lintFile(file, optionsFor(file));
      if (options.debug && document) result.debug = [languageNote(document)];
      return result;
    },
    cacheKey: (file) => {
      const read = readText(file);
      if (read.text === undefined) return undefined;
      const fileOptions = optionsFor(file);
      let context = contexts.get(fileOptions);
      if (context === undefined) contexts.set(fileOptions, (context = contextOf({ fileOptions: { ...fileOptions, ruleSet: undefined }, plugins: rules.fingerprint, runShape, dictionaries: configs.forFile(file).dictionaries }, toolVersion())));
      const sourcePath = fileOptions.sourceFor?.(file, read.text);
      const sourceText = sourcePath === undefined ? undefined : (readText(sourcePath).text ?? "");
      return LintCache.key(read.text, { sourceText: sourcePath === undefined ? undefined : `${sourcePath}\0${sourceText}`, context });
    },
  };
}

/** The worker thread's module: bundled beside a bundled command line, compiled beside compiled code. */
function workerUrl(): URL {
  // Run from the TypeScript sources (tests), the worker is the compiled one in dist/.
  if (import.meta.url.endsWith(".ts")) return new URL("../dist/src/workers/lint-worker.js", import.meta.url);
  if (import.meta.url.endsWith(".bundle.mjs")) return new URL("./lint-worker.bundle.mjs", import.meta.url);
  return new URL("./workers/lint-worker.js", import.meta.url);
}

/** Whether any file may pair with a source file named by the command line or a configuration. */
function pairingConfigured(files: string[], options: CliOptions, configs: ConfigLoader): boolean {
  return options.sourceRoot !== undefined || files.some((file) => configs.forFile(file).pairs.length > 0);
}

/**
 * The files to lint in groups, the translations of one source file together (in their order), so
 * that the thread given a group parses that source once. Without a way to find sources (none
 * configured), or for a file without one, each file is a group of its own.
 */
function groupBySource(pending: number[], files: string[], sourceOf: ((file: string) => string | undefined) | undefined): number[][] {
  if (!sourceOf) return pending.map((index) => [index]);
  const bySource = new Map<string, number[]>();
  const groups: number[][] = [];
  for (const index of pending) {
    const source = sourceOf(files[index]);
    const group = source === undefined ? undefined : bySource.get(source);
    if (group) group.push(index);
    else {
      const created = [index];
      groups.push(created);
      if (source !== undefined) bySource.set(source, created);
    }
  }
  return groups;
}

/**
 * How many worker threads lint the run; 0 lints it on this thread. Workers pay a start-up
 * (modules, dictionaries), so only runs with real work get them, and such a run gets one even
 * with `--concurrency 1`: a worker, unlike this thread, can be given a young generation sized
 * for parsing (see LONE_THREAD_YOUNG_GENERATION_MB).
 */
function workerCount(setting: string, files: string[]): number {
  if (files.length < 2) return 0;
  const wanted = setting === "auto" ? availableParallelism() : Math.max(1, Number.parseInt(setting, 10) || 1);
  if (setting !== "auto" && wanted > 1) return Math.min(wanted, files.length);
  let bytes = 0;
  for (const file of files) bytes += fileSize(file);
  return bytes < 1_000_000 || files.length < 8 ? 0 : Math.min(wanted, files.length);
}

/**
 * Parsing Markdown makes millions of short-lived objects (tokens, events, nodes). With V8's
 * default young generation many of them are still alive at each scavenge and get copied, then
 * promoted; a larger one lets them die young. Measured on the bench corpus, a lone lint thread
 * ran 2-17% faster with it; with two threads the gain was within the noise while peak memory
 * grew by some 250 MB, so it is given to a lone thread only.
 */
export const LONE_THREAD_YOUNG_GENERATION_MB = 192;

function languageHint(file: string): string | undefined {
  const tag = detectLanguage({ filePath: file });
  return tag && primaryLanguage(tag);
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** The arguments of the run in progress, for worker threads to rebuild the same run. */
let currentArgv: string[] = [];

export interface LintWorkerInit {
  argv: string[];
  cwd: string;
  sourceDrift?: LintSettings["sourceDrift"];
  fileList: string[];
}

/** Parses a run's arguments again in a worker thread and returns its linter. */
export async function workerLinter(init: LintWorkerInit): Promise<FileLinter> {
  const program = buildProgram();
  program.parse(init.argv, { from: "user" });
  const io: CliIO = { ...processIO, cwd: init.cwd, stdout: () => {}, stderr: () => {} };
  const linter = await fileLinter({ paths: program.args, options: program.opts<CliOptions>(), io, sourceDrift: init.sourceDrift, fileList: init.fileList });
  await linter.ready();
  return linter;
}

/** A file over the size limit is skipped, with a warning: the rest of the run still gets linted. */
function tooLarge(file: string, limit: number, io: CliIO): boolean {
  if (limit <= 0) return false;
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return false; // Reading it reports why it cannot be read.
  }
  if (size <= limit) return false;
  io.stderr(`nl-lint: warning: skipped ${displayPath(file, io.cwd)}: ${size} bytes, over the --max-file-size limit of ${limit} bytes\n`);
  return true;
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
