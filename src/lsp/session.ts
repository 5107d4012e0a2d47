import { fileLinter, type FileLinter } from "../node/lint-files.js";
import { lintRead, readText, translationWithSource } from "../node/engine.js";
import type { ResolvedConfig } from "../node/config.js";
import { ignoredFilter } from "../node/ignore-files.js";
import type { Finding, LintDocument } from "../core/types.js";
import { ParseCache } from "../parse/parse-cache.js";
import { DriftCache } from "./drift.js";
import { sameSettings, type EditorSettings } from "./editor-settings.js";

/** One lint of an editor's text: the findings as the CLI reports them, and the document they were found in. */
export interface LintedText {
  filePath: string;
  /** The text linted, as the editor holds it (a BOM kept). */
  text: string;
  findings: Finding[];
  /** Set when the CLI would leave the file out (`.nl-lintignore`, the configuration's `ignores`): it has no findings. */
  ignored?: boolean;
  /** Undefined when the text could not be linted at all (a `read-error`, an `encoding` problem). */
  document?: LintDocument;
  /** The source file the translation pairs with, in parallel mode (it may not exist). */
  sourcePath?: string;
  config: ResolvedConfig;
}

/**
 * What the server keeps between requests: one files-engine linter for the workspace, so that
 * configurations are found as the CLI finds them, and dictionaries are loaded once and kept.
 * Texts open in the editor are read from the editor, the rest from the disk.
 */
export class LintSession {
  private linter?: Promise<FileLinter>;
  private isIgnored?: (filePath: string) => boolean;
  /** Each open document's parses, kept for its next lint: a keystroke leaves most of them as they were. */
  private readonly parseCaches = new Map<string, ParseCache>();

  private readonly drifts: DriftCache;
  private settings: EditorSettings = {};

  constructor(
    private readonly root: string,
    /** The text of a file open in the editor, or undefined when it is not open. */
    private readonly openText: (filePath: string) => string | undefined,
    /** Told of what stops no lint but makes its findings less complete (git cannot tell drift). */
    warn?: (message: string) => void,
  ) {
    this.drifts = new DriftCache(warn);
  }

  /** Forgets the configurations read (one changed on disk); dictionaries already loaded stay loaded. */
  reset(): void {
    this.linter = undefined;
    this.isIgnored = undefined;
    this.drifts.reset();
  }

  /** Takes the editor's settings; true when they changed, and files must be linted again with them. */
  configure(settings: EditorSettings): boolean {
    if (sameSettings(settings, this.settings)) return false;
    this.settings = { ...settings };
    this.reset();
    return true;
  }

  /**
   * Files were saved: how their sources drifted is asked of git again at their next lint. True
   * when that may change their findings (the rule that reads drift is on for one of them).
   */
  saved(filePaths: string[]): boolean {
    return this.drifts.forget(filePaths);
  }

  private async ready(): Promise<FileLinter> {
    this.linter ??= (async () => {
      // The workspace is linted as `nl-lint [--source-root DIR] [--target-lang TAG] <workspace>` would lint it.
      const { sourceRoot, targetLanguage } = this.settings;
      const options = { cwd: this.root, concurrency: 1, ...(sourceRoot ? { sourceRoot } : {}), ...(targetLanguage ? { targetLanguage } : {}) };
      const linter = await fileLinter({ patterns: [this.root], options, fileList: [] });
      await linter.ready();
      return linter;
    })();
    try {
      return await this.linter;
    } catch (error) {
      // A broken plugin list, say: asked again after the file is mended.
      this.linter = undefined;
      throw error;
    }
  }

  /** Drops what is kept for a document that is no longer open. */
  forget(filePath: string): void {
    this.parseCaches.delete(filePath);
    this.drifts.forget([filePath]);
  }

  private parseCacheOf(filePath: string): ParseCache {
    let cache = this.parseCaches.get(filePath);
    if (!cache) this.parseCaches.set(filePath, (cache = new ParseCache()));
    return cache;
  }

  /** The configuration of a file; throws `ConfigError` when it cannot be used. */
  async configFor(filePath: string): Promise<ResolvedConfig> {
    return (await this.ready()).configFor(filePath);
  }

  /** Lints a text as the CLI lints the file it stands for; throws `ConfigError` for a configuration that cannot be used. */
  async lint(filePath: string, text: string): Promise<LintedText> {
    const linter = await this.ready();
    const config = linter.configFor(filePath);
    this.isIgnored ??= ignoredFilter({ cwd: this.root, patterns: [], configFor: (file) => linter.configFor(file) });
    if (this.isIgnored(filePath)) return { filePath, text, findings: [], ignored: true, config };
    const options = { ...linter.optionsFor(filePath), fix: false, fixDryRun: false, parseCache: this.parseCacheOf(filePath) };
    // As the CLI does, git is asked how the source changed since the translation was made.
    const sourceDrift = this.drifts.driftFor(filePath, linter);
    if (sourceDrift) options.settings = { ...options.settings, sourceDrift };
    const read = translationWithSource(filePath, text, options.sourceFor, (sourcePath) => {
      const open = this.openText(sourcePath);
      return open === undefined ? readText(sourcePath) : { text: open };
    });
    const outcome = lintRead(filePath, read, options);
    return { filePath, text, findings: outcome.result.messages, document: outcome.document, sourcePath: read.sourcePath, config };
  }
}
