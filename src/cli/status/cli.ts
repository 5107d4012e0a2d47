import { Command, Option } from "commander";
import { parseArguments, reportConfigError, writeReport, type CliIO } from "../io.js";
import { ConfigError, ConfigLoader } from "../../node/config.js";
import { rulesForRun } from "../../node/plugins.js";
import { readText, readTranslation, writeAtomically } from "../../node/engine.js";
import { commandLineSourceFinder, optionsForConfig } from "../../node/file-options.js";
import { displayPath } from "../../formatters/paths.js";
import { lint } from "../../core/lint.js";
import { selectFiles } from "../../node/selection.js";
import type { LintDocument } from "../../core/types.js";
import { COMMIT_KEYS, findDrift, SHALLOW_NOTE, type DriftPolicy } from "../../drift/drift.js";
import { driftPolicyFor } from "../../node/lint-drift.js";
import { driftSinceStamp, STAMP_KEY, stampValue } from "../../drift/fingerprint.js";
import { formatJson, formatTable, ignoredChanges } from "./format.js";
import { FrontMatterEditError, setFrontMatterKey } from "./front-matter-key.js";
import { GitHistory } from "../../node/git.js";
import { languageTotals, missingSourceStatus, statusOf, translatedPercent, type FileStatus, type LanguageStatus } from "./report.js";
import { dirname, resolve } from "node:path";
import { ChangedFilesError, changedMarkdownFiles } from "../../node/changed.js";
import { formatDashboard } from "./dashboard.js";
import { pageRows } from "./page-rows.js";
import { formatPrComment } from "./pr-comment.js";

interface StatusOptions {
  format: "table" | "json" | "html" | "markdown";
  changedSince?: string;
  outputFile?: string;
  sourceRoot?: string;
  sourceLang?: string;
  targetLang?: string;
  config?: string;
  ignorePattern: string[];
  stamp?: boolean;
  failUnder?: number;
  countTrivialEdits?: boolean;
  verbose?: boolean;
}

function buildProgram(): Command {
  return new Command()
    .name("nl-lint status")
    .description("Report how much of each translation is translated, and which translations are behind their source.")
    .argument("[paths...]", "translations: files, directories or globs")
    .addOption(new Option("-f, --format <name>", "output format").choices(["table", "json", "html", "markdown"]).default("table"))
    .option("-o, --output-file <file>", "write the report to a file")
    .option("--changed-since <ref>", "markdown: name the pages changed since this git ref (a pull request's base) and what they leave outdated or missing")
    .option("--source-root <dir>", "parallel files: pair each file with the file at the same relative path under this folder")
    .option("--source-lang <tag>", "language of the sources (default: from the configuration, or en)")
    .option("--target-lang <tag>", "language of the translations (default: from front matter or the path)")
    .option("-c, --config <file>", "use this configuration file instead of looking for one")
    .option("--ignore-pattern <pattern>", "leave out files matching this .gitignore-style pattern (repeatable)", (v: string, all: string[]) => [...all, v], [] as string[])
    .option("--stamp", `record in each translation's front matter (${STAMP_KEY}) the blocks of its source as they are now`)
    .option("--count-trivial-edits", "count source edits of whitespace, wrapping, punctuation or link targets only as drift (ignored by default)")
    .option("--verbose", "say which source changes and commits were not counted as drift, and why")
    .option("--fail-under <percent>", "exit 1 when a language's translated share is under this percentage", (v) => Number.parseFloat(v))
    .exitOverride();
}

interface Context {
  io: CliIO;
  options: StatusOptions;
  configs: ConfigLoader;
  sourceFor(file: string, text: string): string | undefined;
  git: GitHistory;
}

/** A file read and paired with its source, ready to measure (and to stamp). */
interface Prepared {
  file: string;
  text: string;
  commitKeys: string[];
  policy: DriftPolicy;
  sourcePath?: string;
  /** Undefined when the named source file is missing. */
  document?: LintDocument;
  frontMatter: Record<string, unknown> | null;
  language?: string;
}

/** Reads and pairs one file; undefined when it is no translation (no source anywhere) or unreadable. */
function prepare(file: string, context: Context): Prepared | undefined {
  const { io, options, configs } = context;
  const read = readTranslation(file, context.sourceFor);
  if (read.text === undefined) {
    io.stderr(`nl-lint: ${displayPath(file, io.cwd)}: ${read.problem}\n`);
    return undefined;
  }
  const config = configs.forFile(file);
  const languages = optionsForConfig({}, config, { sourceLanguage: options.sourceLang, targetLanguage: options.targetLang });
  const commitKeys = [...(config.sourceCommitKey ? [config.sourceCommitKey] : []), ...COMMIT_KEYS];
  const { sourcePath, source } = read;
  const lintOptions = { filePath: file, only: [], sourceLanguage: languages.sourceLanguage, targetLanguage: languages.targetLanguage };
  const { document } = lint(read.text, { ...lintOptions, source });
  const policy = driftPolicyFor(config, options.countTrivialEdits);
  const base = { file, text: read.text, commitKeys, policy, frontMatter: document.frontMatter, language: document.targetLanguage };
  if (sourcePath && !source) return { ...base, sourcePath };
  if (document.mode === "monolingual") return undefined;
  return { ...base, sourcePath, document };
}

/** The file's status; `stamped` says the stamp was just written, so the source is current by it. */
function measure(prepared: Prepared, context: Context, stamped = false): FileStatus {
  const { file, document, sourcePath, commitKeys } = prepared;
  if (!document) return missingSourceStatus({ file, source: sourcePath!, language: prepared.language, frontMatter: prepared.frontMatter, commitKeys });
  const frontMatter = stamped ? { ...document.frontMatter, [STAMP_KEY]: stampValue(document) } : document.frontMatter;
  const drift =
    document.mode === "parallel" && sourcePath
      ? findDrift(
          {
            translationPath: file,
            frontMatter,
            stamp: () => (stamped ? { changedLines: [], removedAfter: [] } : driftSinceStamp(document)),
            sourcePath,
            sourceText: document.sourceText,
            commitKeys,
            policy: prepared.policy,
          },
          context.git,
        )
      : undefined;
  return statusOf(document, { file, source: sourcePath, drift, commitKeys });
}

/** Writes the stamp into one translation: "stamped", "current" (already there), or why it could not. */
function stampOne(prepared: Prepared): string {
  const document = prepared.document!;
  const value = stampValue(document);
  if (document.frontMatter?.[STAMP_KEY] === value) return "current";
  let updated: string;
  try {
    updated = setFrontMatterKey(prepared.text, STAMP_KEY, value);
  } catch (error) {
    if (error instanceof FrontMatterEditError) return error.message;
    throw error;
  }
  // Writing over an edit made meanwhile would lose it.
  if (readText(prepared.file).text !== prepared.text) return "it changed on disk while being read; stamp again";
  writeAtomically(prepared.file, updated);
  return "stamped";
}

/** Measures every translation, stamping the parallel ones first when asked. */
function statuses(files: string[], context: Context): FileStatus[] {
  const { io } = context;
  const counts = { stamped: 0, current: 0 };
  const out: FileStatus[] = [];
  for (const file of files) {
    const prepared = prepare(file, context);
    if (!prepared) continue;
    let stamped = false;
    if (context.options.stamp && prepared.document?.mode === "parallel") {
      const outcome = stampOne(prepared);
      if (outcome === "stamped" || outcome === "current") {
        counts[outcome]++;
        stamped = true;
      } else io.stderr(`nl-lint: not stamped: ${displayPath(file, io.cwd)}: ${outcome}\n`);
    }
    out.push(measure(prepared, context, stamped));
  }
  if (context.options.stamp) {
    const { stamped, current } = counts;
    io.stderr(`nl-lint: stamped ${stamped} translation${stamped === 1 ? "" : "s"}${current > 0 ? ` (${current} already current)` : ""}\n`);
  }
  return out;
}

/** `nl-lint status [paths]`: returns the exit code (0 reported, 1 under --fail-under, 2 usage or internal error). */
export async function runStatus(argv: string[], io: CliIO): Promise<number> {
  const program = buildProgram();
  const ended = parseArguments(program, argv, io, "nl-lint status");
  if (ended !== undefined) return ended;
  const options = program.opts<StatusOptions>();
  const paths = program.args;
  if (paths.length === 0) {
    io.stderr("nl-lint status: no paths given. Usage: nl-lint status [options] <paths...>\n");
    return 2;
  }
  if (options.changedSince !== undefined && options.format !== "markdown") {
    io.stderr("nl-lint status: --changed-since goes with --format markdown (the pull-request comment)\n");
    return 2;
  }
  if (options.failUnder !== undefined && !(options.failUnder >= 0 && options.failUnder <= 100)) {
    io.stderr("nl-lint status: --fail-under takes a percentage from 0 to 100\n");
    return 2;
  }
  try {
    return await report(paths, options, io);
  } catch (error) {
    if (error instanceof ChangedFilesError) {
      io.stderr(`nl-lint status: ${error.message}\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      reportConfigError(error, io);
      return 2;
    }
    io.stderr(`nl-lint status: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

/** The report in the format asked for; the page-level formats also list the pages a language folder lacks. */
function formatted(measured: FileStatus[], languages: LanguageStatus[], run: { paths: string[]; options: StatusOptions; io: CliIO }): string {
  const { options, io } = run;
  if (options.format === "json") return formatJson(measured, languages);
  if (options.format === "table") return formatTable(measured, languages, io.cwd);
  const rows = pageRows(measured, { cwd: io.cwd, sourceRoot: options.sourceRoot, paths: run.paths });
  if (options.format === "html") return formatDashboard(rows, options.outputFile ? dirname(resolve(io.cwd, options.outputFile)) : io.cwd);
  const touched = options.changedSince === undefined ? undefined : new Set(changedMarkdownFiles(io.cwd, options.changedSince));
  return formatPrComment(rows, touched);
}

async function report(paths: string[], options: StatusOptions, io: CliIO): Promise<number> {
  // Plugin rules are loaded so that a configuration that sets them is read as `lint` reads it.
  const rules = await rulesForRun({ configFile: options.config, cwd: io.cwd });
  const configs = new ConfigLoader({ ruleSet: rules.ruleSet, pluginsFrom: rules.configFile, configFile: options.config, cwd: io.cwd });
  const selected = await selectFiles({ paths, cwd: io.cwd, ignorePatterns: options.ignorePattern, configFor: (file) => configs.forFile(file) });
  if (selected.unmatched.length > 0) {
    for (const pattern of selected.unmatched) io.stderr(`nl-lint status: no such file, directory or match: ${pattern}\n`);
    return 2;
  }
  const sources = commandLineSourceFinder({ cwd: io.cwd, paths, sourceRoot: options.sourceRoot, configFor: (file) => configs.forFile(file) });
  const files = selected.files.filter((file) => !sources.isSource(file));
  const context: Context = { io, options, configs, sourceFor: sources.sourceFor, git: new GitHistory() };
  const measured = statuses(files, context);
  if (options.verbose) io.stderr(ignoredChanges(measured, io.cwd));
  // Said once, not per file: the fix is one change to the checkout.
  if (measured.some((f) => f.drift?.notes.includes(SHALLOW_NOTE))) io.stderr(`nl-lint status: drift unknown: ${SHALLOW_NOTE}\n`);
  const languages = languageTotals(measured);
  writeReport(io, options.outputFile, formatted(measured, languages, { paths, options, io }));

  if (options.failUnder === undefined) return 0;
  const under = languages.filter((l) => translatedPercent(l) < options.failUnder!);
  for (const l of under) io.stderr(`nl-lint status: ${l.language}: ${translatedPercent(l).toFixed(1)}% translated, under --fail-under ${options.failUnder}\n`);
  return under.length > 0 ? 1 : 0;
}
