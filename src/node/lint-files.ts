import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { builtinRules } from "../../rules/index.js";
import { DEFAULT_CACHE_LOCATION, LintCache, contextOf, hashText } from "./cache.js";
import { ConfigLoader, type ResolvedConfig } from "./config.js";
import { lintFile, readText, readTranslation, type EngineOptions } from "./engine.js";
import { commandLineSourceFinder, describeConfig, optionsForConfig, type CommandLineOverrides } from "./file-options.js";
import { diskFileView, viewRoots } from "./file-view.js";
import { displayPath } from "../formatters/paths.js";
import type { FileResult } from "../formatters/types.js";
import { detectLanguage, languageName, primaryLanguage } from "../text/language.js";
import { lint, resolveRuleSettings } from "../core/lint.js";
import { describePairs } from "../pair/print-pairs.js";
import { reportedIdDescription } from "../core/reported-ids.js";
import type { LintSettings, Rule } from "../core/rule.js";
import { selectFiles } from "./selection.js";
import type { SpellerLoader } from "./hunspell.js";
import { sourceDriftForLint } from "./lint-drift.js";
import type { LintDocument } from "../core/types.js";
import { toolVersion } from "./version.js";
import { mapInWorkers } from "./workers/pool.js";
import { isProjectRule } from "../core/project-rule.js";
import { contextDigests, withProjectFindings, type DigestSource } from "./project-checks.js";
import { rulesForRun, type RunRules } from "./plugins.js";
import { filesOfShard, shardProblem, type ShardSpec } from "./shard.js";

/**
 * What a run of nl-lint over files does: the command line's options as plain data, so that they
 * can be built by a program, written to JSON and handed to worker threads as they are.
 */
export interface LintFilesOptions {
  /** The folder paths, patterns and configuration are relative to; the process's by default. */
  cwd?: string;
  /** A configuration file to use instead of looking for one (`--config`). */
  configFile?: string;
  /** Run only these rules (`--only`). */
  only?: string[];
  /** Write the safe fixes to the files (`--fix`). */
  fix?: boolean;
  /** Compute fixes without writing: each result gets `output` (`--fix-dry-run`). */
  fixDryRun?: boolean;
  /** Apply only these rules' fixes (`--fix-type`). */
  fixTypes?: string[];
  targetLanguage?: string;
  sourceLanguage?: string;
  /** Parallel files: pair each file with the file at the same relative path under this folder. */
  sourceRoot?: string;
  /** .gitignore-style patterns of files to leave out. */
  ignorePatterns?: string[];
  /** Report nl-lint-disable comments that suppress nothing, as errors. */
  reportUnusedDisableDirectives?: boolean;
  /** Lint only Markdown files changed since this git ref (plus uncommitted and new ones). */
  changedSince?: string;
  /** Worker threads: a number, or "auto" (one per core, for large runs). */
  concurrency?: number | "auto";
  /** Reuse results for files that did not change since the last run. */
  cache?: boolean;
  cacheLocation?: string;
  /** Check external URLs online after linting: dead-url and url-redirect findings. */
  checkUrls?: boolean;
  /** Fail when a path, folder or glob names no Markdown file (true by default). */
  errorOnUnmatchedPattern?: boolean;
  /** Skip files larger than this many bytes, with a warning; 0 for no limit (10 MB by default). */
  maxFileSize?: number;
  /** Keep each file's pairs in its result (`review`), for a format that shows them (html). */
  review?: boolean;
  /** Keep the stack traces of internal errors in the findings, and say in `debug` how each file's language was found. */
  debug?: boolean;
  /** Lint only this share of the files (`--shard i/n`), for one of n CI jobs; see src/node/shard.ts. */
  shard?: ShardSpec;
}

export interface LintFilesResult {
  /** One result per file, in the order the files were selected. */
  results: FileResult[];
  /** Warnings about the run as a whole (a file skipped, folders that look swapped), in the order they arose. */
  warnings: string[];
  /** What `checkUrls` has to say (counts, hosts that did not answer), after the findings. */
  urlCheckNotes: string[];
  /** Set when `checkUrls` could not reach the network at all; the results are then those of linting alone. */
  networkFailed: boolean;
  /** The rules the run knew: the built-in ones and those of the configuration's plugins (for a formatter's rule list). */
  rules: Rule[];
}

/** Calls a run makes as it goes, for a caller that shows progress; they are not part of the options, which stay plain data. */
export interface LintFilesHooks {
  /** Each warning of `LintFilesResult.warnings` as soon as it arises (they come before any result). */
  onWarning?(message: string): void;
  /** Once the files are chosen, before any is linted. */
  onStart?(fileCount: number): void;
  /** Each file's result as it is settled, in the files' order (a cached one too); project rules' findings come later, in the returned results only. */
  onResult?(result: FileResult, index: number): void;
}

/** A run that cannot start as asked (an unknown rule, a path that names nothing); each line says one problem. */
export class LintFilesError extends Error {
  constructor(
    readonly problems: string[],
    /** Warnings that arose before the run stopped. */
    readonly warnings: string[] = [],
  ) {
    super(problems.join("\n"));
    this.name = "LintFilesError";
  }
}

/** Larger than any real post; a bigger file is most likely generated or misnamed, and slow to lint. */
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

/** Throws when `only` or `fixTypes` names a rule that does not exist or has no fixes. */
export function checkRuleSelection(options: Pick<LintFilesOptions, "only" | "fixTypes">, ruleSet: readonly Rule[] = builtinRules): void {
  const known = new Set(ruleSet.map((r) => r.id));
  const unknown = options.only?.filter((id) => !known.has(id)) ?? [];
  const engineIds = unknown.filter((id) => reportedIdDescription(id) !== undefined);
  if (engineIds.length > 0) {
    throw new LintFilesError([`${engineIds.join(", ")} in --only: reported by nl-lint itself, not by a rule, so --only cannot choose ${engineIds.length > 1 ? "them" : "it"} (rules: ${[...known].join(", ")})`]);
  }
  if (unknown.length > 0) {
    throw new LintFilesError([`unknown rule${unknown.length > 1 ? "s" : ""} in --only: ${unknown.join(", ")} (known: ${[...known].join(", ")})`]);
  }
  const notFixable = options.fixTypes?.filter((id) => !ruleSet.some((r) => r.id === id && r.fixable)) ?? [];
  if (notFixable.length > 0) {
    const fixable = ruleSet.filter((r) => r.fixable).map((r) => r.id);
    throw new LintFilesError([`not a rule with fixes in --fix-type: ${notFixable.join(", ")} (rules with fixes: ${fixable.join(", ")})`]);
  }
}

/**
 * Lints files from disk as the command line does (ESLint's `lintFiles` in spirit): finds the
 * configuration of each file and its source, uses the cache and worker threads when asked,
 * fixes when asked, and checks URLs online when asked. It never prints and never exits: the
 * results and the run's warnings are returned, and a run that cannot start throws
 * `LintFilesError` (or `ConfigError`, `ChangedFilesError`).
 */
export async function lintFiles(patterns: string[], options: LintFilesOptions = {}, hooks: LintFilesHooks = {}): Promise<LintFilesResult> {
  const rules = await runRules(options);
  checkRuleSelection(options, rules.ruleSet);
  const run = await prepareRun(patterns, options, rules);
  const { files, context } = run;
  for (const warning of run.warnings) hooks.onWarning?.(warning);
  hooks.onStart?.(files.length);
  const settings = runSettings(options);
  const sourceDrift = driftFor(files, context, options, rules, (warning) => {
    run.warnings.push(warning);
    hooks.onWarning?.(warning);
  });
  const results: FileResult[] = new Array(files.length);
  const accept = (index: number, result: FileResult) => {
    results[index] = result;
    hooks.onResult?.(result, index);
  };
  const cache = options.cache && !options.fix && !options.fixDryRun ? new LintCache(resolve(settings.cwd, settings.cacheLocation)) : undefined;
  const linter = await fileLinter({ patterns, options, sourceDrift, fileList: files }, rules);
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
  const sourceOf = pairingConfigured(files, options, context.configs) ? (file: string) => sourceFileOf(file, context.sources.sourceFor) : undefined;
  const groups = groupBySource(pending, files, sourceOf);
  const threads = workerCount(settings.concurrency, pending.map((i) => files[i]));
  const store = (index: number, result: FileResult) => {
    const key = keys.get(index);
    if (cache && key !== undefined && !result.messages.some((m) => m.fatal)) cache.set(files[index], key, result);
    storeDigests(cache, linter, files[index], result);
    accept(index, result);
  };
  if (threads === 0) {
    if (pending.length > 0) await linter.ready();
    for (const group of groups) for (const index of group) store(index, linter.lint(files[index]));
  } else {
    await mapInWorkers<LintWorkerInit, string[], FileResult[]>({
      workerUrl: workerUrl(),
      init: { patterns, options: { ...options, cwd: settings.cwd }, sourceDrift, fileList: files },
      items: groups.map((group) => group.map((i) => files[i])),
      weight: (group) => group.reduce((bytes, file) => bytes + fileSize(file), 0),
      // The language the path names is a hint, enough to keep a dictionary to one thread.
      key: (group) => languageHint(group[0]),
      concurrency: threads,
      youngGenerationMb: threads === 1 ? LONE_THREAD_YOUNG_GENERATION_MB : undefined,
      onResult: (n, groupResults) => groupResults.forEach((result, k) => store(groups[n][k], result)),
    });
  }
  // Project rules: the unchanged files of a --changed-since run are compared with, not reported on.
  const others = run.contextFiles.length > 0 ? contextDigests(run.contextFiles, linter, cache) : [];
  cache?.save();
  results.splice(0, results.length, ...withProjectFindings(results, others, { ruleSet: rules.ruleSet, cwd: settings.cwd, optionsFor: projectRuleOptions(options, context) }));
  const online = options.checkUrls ? await checkUrlsAfterLinting(results, context.configs, options) : { notes: [], networkFailed: false };
  return { results, warnings: run.warnings, urlCheckNotes: online.notes, networkFailed: online.networkFailed, rules: rules.ruleSet };
}

/** The built-in rules and those of the plugins the run's configuration file names. */
export function runRules(options: Pick<LintFilesOptions, "configFile" | "cwd">): Promise<RunRules> {
  return rulesForRun({ configFile: options.configFile, cwd: runSettings(options).cwd });
}

/** The network is asked after linting, from this thread: its findings depend on more than the text. */
async function checkUrlsAfterLinting(results: FileResult[], configs: ConfigLoader, options: LintFilesOptions): Promise<{ notes: string[]; networkFailed: boolean }> {
  const { cwd, cacheLocation } = runSettings(options);
  const { runUrlCheck } = await import("./url-check/run.js");
  const notes: string[] = [];
  const online = await runUrlCheck({
    results,
    config: configs.forFile(join(cwd, "_")).urlCheck ?? {},
    lintCacheLocation: options.cache ? resolve(cwd, cacheLocation) : undefined,
    fix: options.fix,
    stderr: (text) => notes.push(text.replace(/^nl-lint: /, "").replace(/\n$/, "")),
  });
  results.splice(0, results.length, ...online.results);
  return { notes, networkFailed: online.networkFailed };
}

/** One file's pairs as `--print-pairs` shows them, or why the file could not be read. */
export interface FilePairs {
  filePath: string;
  pairs?: string;
  problem?: string;
}

/** How each selected file is split into source/translation pairs (`--print-pairs`); no rule runs. */
export async function describeFilePairs(patterns: string[], options: LintFilesOptions = {}): Promise<{ files: FilePairs[]; warnings: string[] }> {
  const { files, context, warnings } = await prepareRun(patterns, options, await runRules(options));
  const described = files.map((filePath): FilePairs => {
    const read = readTranslation(filePath, context.sources.sourceFor);
    if (read.text === undefined) return { filePath, problem: read.problem };
    const { document } = lint(read.text, { filePath, targetLanguage: options.targetLanguage, only: [], source: read.source });
    return { filePath, pairs: describePairs(document) };
  });
  return { files: described, warnings };
}

/**
 * The configuration that applies to a file (`--print-config`), with the target language it is
 * linted in and where that was found (options, front matter, path, or recognised from the text).
 */
export async function configForFile(filePath: string, options: LintFilesOptions = {}): Promise<Record<string, unknown>> {
  const { cwd } = runSettings(options);
  const rules = await runRules(options);
  const { configs, overrides } = runContext([], options, rules);
  const file = resolve(cwd, filePath);
  const config = configs.forFile(file);
  const fileOptions = optionsForConfig({ only: options.only }, config, overrides);
  return { ...describeConfig(config, fileOptions, rules.ruleSet), ...languageOfFile(file, fileOptions) };
}

function languageOfFile(file: string, options: EngineOptions): { targetLanguage: string | null; targetLanguageFrom: string | null } {
  if (options.targetLanguage) return { targetLanguage: options.targetLanguage, targetLanguageFrom: "options" };
  const text = readText(file).text;
  if (text === undefined) return { targetLanguage: null, targetLanguageFrom: null };
  const { document } = lint(text, { filePath: file, targetLanguage: options.targetLanguage, sourceLanguage: options.sourceLanguage, only: [] });
  return { targetLanguage: document.targetLanguage ?? null, targetLanguageFrom: document.targetLanguageFrom ?? null };
}

/** The options a run falls back to where `LintFilesOptions` leaves something out. */
function runSettings(options: LintFilesOptions) {
  return {
    cwd: options.cwd ?? process.cwd(),
    cacheLocation: options.cacheLocation ?? DEFAULT_CACHE_LOCATION,
    concurrency: options.concurrency ?? "auto",
    maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
  };
}

type RunContext = ReturnType<typeof runContext>;

/** Configuration, overrides and the source finder of a run: the same in every thread. */
function runContext(patterns: string[], options: LintFilesOptions, rules: RunRules) {
  const { cwd } = runSettings(options);
  const configs = new ConfigLoader({ ruleSet: rules.ruleSet, pluginsFrom: rules.configFile, configFile: options.configFile, cwd });
  const overrides: CommandLineOverrides = {
    sourceLanguage: options.sourceLanguage,
    targetLanguage: options.targetLanguage,
    reportUnusedDisableDirectives: options.reportUnusedDisableDirectives ? "error" : undefined,
    fixRules: options.fixTypes,
  };
  const sources = commandLineSourceFinder({ cwd, paths: patterns, sourceRoot: options.sourceRoot, configFor: (file) => configs.forFile(file) });
  return { configs, overrides, sources, rules };
}

/** The files a run lints, and what was said while choosing them; throws when a pattern names nothing. */
async function prepareRun(patterns: string[], options: LintFilesOptions, rules: RunRules): Promise<{ files: string[]; contextFiles: string[]; context: RunContext; warnings: string[] }> {
  const { cwd, maxFileSize } = runSettings(options);
  const context = runContext(patterns, options, rules);
  const { configs, sources } = context;
  const selected = await selectFiles({
    paths: patterns,
    cwd,
    changedSince: options.changedSince,
    ignorePatterns: options.ignorePatterns ?? [],
    configFor: (file) => configs.forFile(file),
    // Parallel mode: a changed source brings the translations made from it into the run.
    translationsOf: (sourceFile, candidates) => translationsOf(sourceFile, candidates, sources.sourceFor),
  });
  const warnings: string[] = [];
  // The source tree's own files are what translations are compared with, not translations.
  const translations = selected.files.filter((file) => !sources.isSource(file));
  const files = shareOfRun(translations, options, context).filter((file) => !tooLarge(file, maxFileSize, cwd, warnings));
  if (selected.unmatched.length > 0 && options.errorOnUnmatchedPattern !== false) {
    throw new LintFilesError(
      selected.unmatched.map((pattern) => `${pattern}: ${selected.reasons[pattern] ?? "no such file, folder or match"}`),
      warnings,
    );
  }
  if (options.sourceRoot !== undefined) {
    const swapped = sourceRootLanguageWarning(files, context, options);
    if (swapped) warnings.push(swapped);
  }
  const contextFiles = options.shard ? otherShardsFiles(translations, files, options, rules) : await unchangedFiles(files, patterns, options, rules, context);
  return { files, contextFiles, context, warnings };
}

/**
 * With --shard and a project rule, the files of the other shards: a project rule compares this
 * shard's files with them (without reporting on them), so that the shards' reports merged equal
 * one whole run's.
 */
function otherShardsFiles(translations: string[], files: string[], options: LintFilesOptions, rules: RunRules): string[] {
  if (!rules.ruleSet.some(isProjectRule)) return [];
  const { cwd, maxFileSize } = runSettings(options);
  const inShard = new Set(files);
  return translations.filter((file) => !inShard.has(file) && !tooLarge(file, maxFileSize, cwd, []));
}

/**
 * With --changed-since and a project rule, the files the paths name that did not change: a
 * project rule compares the changed files with them (without reporting on them).
 */
async function unchangedFiles(files: string[], patterns: string[], options: LintFilesOptions, rules: RunRules, context: RunContext): Promise<string[]> {
  if (options.changedSince === undefined || !rules.ruleSet.some(isProjectRule)) return [];
  const { cwd, maxFileSize } = runSettings(options);
  const { configs, sources } = context;
  // Without paths, --changed-since takes changed files from anywhere; they are compared with the working folder's.
  const all = await selectFiles({ paths: patterns.length > 0 ? patterns : ["."], cwd, ignorePatterns: options.ignorePatterns ?? [], configFor: (file) => configs.forFile(file) });
  const linted = new Set(files);
  return all.files.filter((file) => !linted.has(file) && !sources.isSource(file) && !tooLarge(file, maxFileSize, cwd, []));
}

/** The options of each project rule for its run-level check: those the run's folder's configuration gives it. */
function projectRuleOptions(options: LintFilesOptions, context: RunContext): (rule: Rule) => unknown {
  const { cwd } = runSettings(options);
  const rootOptions = optionsForConfig(baseEngineOptions(options, context), context.configs.forFile(join(cwd, "_")), context.overrides);
  return (rule) => resolveRuleSettings(rule, rootOptions).ruleOptions;
}

/** With a cache, a linted file's digests are kept too, for a later --changed-since run to compare with. */
function storeDigests(cache: LintCache | undefined, linter: FileLinter, file: string, result: FileResult): void {
  if (!cache || !result.digests) return;
  const key = linter.digestKey(file);
  if (key !== undefined) cache.setDigests(file, key, result.digests);
}

/** With `shard`, this job's share of the files: a translation goes with its source, and each file alone otherwise. */
function shareOfRun(files: string[], options: LintFilesOptions, context: RunContext): string[] {
  if (!options.shard) return files;
  const problem = shardProblem(options.shard);
  if (problem) throw new LintFilesError([`shard ${options.shard.index}/${options.shard.count}: ${problem}`]);
  // Every file is asked, not only when pairing is configured: a front-matter `source` names one too.
  const groupOf = (file: string) => sourceFileOf(file, context.sources.sourceFor) ?? file;
  return filesOfShard(files, options.shard, { cwd: runSettings(options).cwd, groupOf });
}

/** A file over the size limit is skipped, with a warning: the rest of the run still gets linted. */
function tooLarge(file: string, limit: number, cwd: string, warnings: string[]): boolean {
  if (limit <= 0) return false;
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return false; // Reading it reports why it cannot be read.
  }
  if (size <= limit) return false;
  warnings.push(`warning: skipped ${displayPath(file, cwd)}: ${size} bytes, over the --max-file-size limit of ${limit} bytes`);
  return true;
}

/** How many source files are read to tell the source tree's language: enough to outvote one odd page. */
const SOURCE_ROOT_SAMPLE = 5;

/**
 * A warning when the files under `sourceRoot` read as another language than the source
 * language: the source and translation folders were probably given the wrong way round, and
 * every finding would be upside down. Pages too short to tell are not counted.
 */
function sourceRootLanguageWarning(files: string[], context: RunContext, options: LintFilesOptions): string | undefined {
  const heard = new Map<string, number>();
  let told = 0;
  for (const file of files.slice(0, 4 * SOURCE_ROOT_SAMPLE)) {
    if (told === SOURCE_ROOT_SAMPLE) break;
    const text = readTranslation(file, context.sources.sourceFor).source?.text;
    // No file path: the source tree's folder names must not answer for its text.
    const language = text === undefined ? undefined : lint(text, { only: [] }).document.targetLanguage;
    if (language === undefined) continue;
    told++;
    heard.set(language, (heard.get(language) ?? 0) + 1);
  }
  const { cwd } = runSettings(options);
  const expected = primaryLanguage(context.overrides.sourceLanguage ?? context.configs.forFile(files[0] ?? join(cwd, "_")).sourceLanguage ?? "en");
  const [language, count] = [...heard].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (language === undefined || primaryLanguage(language) === expected || count! * 2 <= told) return undefined;
  return (
    `warning: the files under --source-root read as ${languageName(language)}, not ${languageName(expected)}, the source language: ` +
    `are the source and translation folders swapped? (set --source-lang if the source really is ${languageName(language)})`
  );
}

/** The source file a translation names or the run pairs it with, without reading the source; an unreadable file is asked about as empty. */
function sourceFileOf(file: string, sourceFor: (file: string, text: string) => string | undefined): string | undefined {
  return sourceFor(file, readText(file).text ?? "");
}

const sourcesOfCandidates = new WeakMap<string[], Map<string, string | undefined>>();

/** The candidate files whose source is `sourceFile`; each candidate's source is resolved once. */
function translationsOf(sourceFile: string, candidates: string[], sourceFor: (file: string, text: string) => string | undefined): string[] {
  let sourceOf = sourcesOfCandidates.get(candidates);
  if (!sourceOf) {
    sourceOf = new Map(candidates.map((file) => [file, sourceFileOf(file, sourceFor)]));
    sourcesOfCandidates.set(candidates, sourceOf);
  }
  return candidates.filter((file) => sourceOf!.get(file) === sourceFile);
}

/** The rules that read a service of `LintSettings` the run has to load or compute first. */
function rulesUsing(service: keyof LintSettings, rules: RunRules): Rule[] {
  return rules.ruleSet.filter((rule) => rule.uses?.includes(service));
}

/** How the sources changed since each translation was made, for the rules that compare with that. */
function driftFor(files: string[], context: RunContext, options: LintFilesOptions, rules: RunRules, warn: (message: string) => void): LintSettings["sourceDrift"] {
  return sourceDriftForLint({
    files,
    warn,
    rules: rulesUsing("sourceDrift", rules),
    sourceFor: context.sources.sourceFor,
    configFor: (file) => context.configs.forFile(file),
    optionsFor: (file) => optionsForConfig(baseEngineOptions(options, context), context.configs.forFile(file), context.overrides),
  });
}

function baseEngineOptions(options: LintFilesOptions, context: RunContext): EngineOptions {
  return {
    only: options.only,
    fix: options.fix,
    fixDryRun: options.fixDryRun,
    targetLanguage: options.targetLanguage,
    sourceLanguage: options.sourceLanguage,
    review: options.review,
    sourceFor: context.sources.sourceFor,
  };
}

export interface FileLinter extends DigestSource {
  /** Loads what linting (not keying) needs; call and await before `lint`. */
  ready(): Promise<void>;
  lint(file: string): FileResult;
  /** What a cached result for the file must match; undefined when the file cannot be read. */
  cacheKey(file: string): string | undefined;
  /** A file's engine options (its configuration's, with the spellers once ready), for a caller that lints text it holds itself: the language server. */
  optionsFor(file: string): EngineOptions;
  /** The configuration that applies to a file. */
  configFor(file: string): ResolvedConfig;
}

/** What a worker thread is handed to lint its share of a run: plain data, the same as the run's own. */
export interface LintWorkerInit {
  patterns: string[];
  options: LintFilesOptions;
  sourceDrift?: LintSettings["sourceDrift"];
  fileList: string[];
}

/**
 * Builds what one thread needs to lint the run's files: per-configuration options, the
 * dictionaries (loaded once per thread, only when a rule that spells is on) and the file view.
 */
export async function fileLinter(run: LintWorkerInit, knownRules?: RunRules): Promise<FileLinter> {
  const { patterns, options } = run;
  const { cwd } = runSettings(options);
  // A worker thread is not handed the rules (functions do not cross threads): it loads the same plugins by their paths.
  const rules = knownRules ?? (await runRules(options));
  const context = runContext(patterns, options, rules);
  const { configs, overrides } = context;
  const engineOptions: EngineOptions = { ...baseEngineOptions(options, context), ...(rules.fingerprint ? { ruleSet: rules.ruleSet } : {}) };
  // One view for the whole run, so each folder is listed and each linked page read once.
  engineOptions.settings = { ...engineOptions.settings, files: diskFileView(viewRoots({ cwd, paths: patterns, sourceRoot: options.sourceRoot })) };
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
    // Hunspell's WebAssembly costs a start-up only worth paying when a rule that spells will run.
    ready: () =>
      (ready ??= (async () => {
        if (rulesUsing("speller", rules).some((rule) => resolveRuleSettings(rule, engineOptions).severity !== "off")) {
          const { loadSpellers } = await import("./hunspell.js");
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
      const fileOptions = optionsFor(file);
      const read = readTranslation(file, fileOptions.sourceFor);
      if (read.text === undefined) return undefined;
      let context = contexts.get(fileOptions);
      if (context === undefined) contexts.set(fileOptions, (context = contextOf({ fileOptions: { ...fileOptions, ruleSet: undefined }, plugins: rules.fingerprint, runShape, dictionaries: configs.forFile(file).dictionaries }, toolVersion())));
      const sourceText = read.sourcePath === undefined ? undefined : `${read.sourcePath}\0${read.source?.text ?? ""}`;
      return LintCache.key(read.text, { sourceText, context });
    },
    ...projectDigests(optionsFor, rules),
    optionsFor,
    configFor: (file) => configs.forFile(file),
  };
}

/**
 * A file's project-rule digests without its findings: the file linted with the project rules that
 * are on for it alone, and their key, which (unlike a result's) does not depend on the run's other
 * files, since no project rule's `collect` looks at them.
 */
function projectDigests(optionsFor: (file: string) => EngineOptions, rules: RunRules): DigestSource {
  // Per configuration: the options of a lint of the project rules alone, and their key's context.
  const perConfig = new Map<EngineOptions, { options: EngineOptions; context: string } | undefined>();
  const projectOptions = (file: string) => {
    const fileOptions = optionsFor(file);
    if (!perConfig.has(fileOptions)) {
      const only = rules.ruleSet.filter((rule) => isProjectRule(rule) && resolveRuleSettings(rule, fileOptions).severity !== "off").map((rule) => rule.id);
      const options = { ...fileOptions, only, fix: false, fixDryRun: false, review: false };
      perConfig.set(fileOptions, only.length > 0 ? { options, context: contextOf({ fileOptions: { ...options, ruleSet: undefined }, plugins: rules.fingerprint }, toolVersion()) } : undefined);
    }
    return perConfig.get(fileOptions);
  };
  return {
    collect: (file) => {
      const project = projectOptions(file);
      return project && lintFile(file, project.options).result.digests;
    },
    digestKey: (file) => {
      const project = projectOptions(file);
      const read = project && readTranslation(file, project.options.sourceFor);
      if (read?.text === undefined) return undefined;
      const sourceText = read.sourcePath === undefined ? undefined : `${read.sourcePath}\0${read.source?.text ?? ""}`;
      return LintCache.key(read.text, { sourceText, context: project!.context });
    },
  };
}

/** Builds a worker thread's linter from what the run handed it, ready to lint. */
export async function workerLinter(init: LintWorkerInit): Promise<FileLinter> {
  const linter = await fileLinter(init);
  await linter.ready();
  return linter;
}

/** How a file's target language was found, for `debug`: a language recognised from the text, or none, is said. */
function languageNote(document: LintDocument): string {
  if (!document.targetLanguage) return "target language unknown: nothing names it (--target-lang, targetLanguage, front matter, path) and the text is too short to recognise";
  const from = document.targetLanguageFrom === "text" ? "recognised from the text (set --target-lang or targetLanguage to override)" : `from the ${document.targetLanguageFrom}`;
  return `target language ${document.targetLanguage}, ${from}`;
}

/** The worker thread's module: bundled beside a bundled command line, compiled beside compiled code. */
function workerUrl(): URL {
  // Run from the TypeScript sources (tests), the worker is the compiled one in dist/.
  if (import.meta.url.endsWith(".ts")) return new URL("../../dist/src/node/workers/lint-worker.js", import.meta.url);
  if (import.meta.url.endsWith(".bundle.mjs")) return new URL("./lint-worker.bundle.mjs", import.meta.url);
  return new URL("./workers/lint-worker.js", import.meta.url);
}

/** Whether any file may pair with a source file named by the options or a configuration. */
function pairingConfigured(files: string[], options: LintFilesOptions, configs: ConfigLoader): boolean {
  return options.sourceRoot !== undefined || files.some((file) => configs.forFile(file).pairs.length > 0 || configs.forFile(file).sourceRoot !== undefined);
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
 * with a concurrency of 1: a worker, unlike this thread, can be given a young generation sized
 * for parsing (see LONE_THREAD_YOUNG_GENERATION_MB).
 */
function workerCount(setting: number | "auto", files: string[]): number {
  if (files.length < 2) return 0;
  const wanted = setting === "auto" ? availableParallelism() : Math.max(1, Math.trunc(setting) || 1);
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
