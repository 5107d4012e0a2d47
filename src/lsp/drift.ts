import type { SourceDrift } from "../core/rule.js";
import type { FileLinter } from "../node/lint-files.js";
import { sourceDriftForLint } from "../node/lint-drift.js";
import { GitHistory } from "../node/git.js";
import { builtinRules } from "../../rules/index.js";

/**
 * How each open translation's source changed since the translation was made (for
 * `stale-translation`), asked of git as the CLI asks it: from the files as saved. Asking git
 * takes a few processes, so the answer is kept for each file until it, or its source, is saved
 * again (or the configuration changes); typing asks git nothing.
 */
export class DriftCache {
  /** Each file's drift; `asked` says whether git was asked (the rule is on for the file). */
  private readonly known = new Map<string, { drift?: SourceDrift; asked: boolean }>();
  private git = new GitHistory();

  constructor(
    /** Told when git cannot tell drift (a shallow clone), so that silence is not taken for "current". */
    private readonly warn: (message: string) => void = () => undefined,
  ) {}

  /** The drift of a file as `settings.sourceDrift` holds it; undefined when none is known or the rule is off. */
  driftFor(file: string, linter: FileLinter): Record<string, SourceDrift> | undefined {
    let entry = this.known.get(file);
    if (!entry) {
      entry = this.ask(file, linter);
      this.known.set(file, entry);
    }
    return entry.drift ? { [file]: entry.drift } : undefined;
  }

  private ask(file: string, linter: FileLinter): { drift?: SourceDrift; asked: boolean } {
    const options = linter.optionsFor(file);
    const rules = (options.ruleSet ?? builtinRules).filter((rule) => rule.uses?.includes("sourceDrift"));
    const found = sourceDriftForLint({
      files: [file],
      rules,
      sourceFor: options.sourceFor ?? (() => undefined),
      configFor: (path) => linter.configFor(path),
      optionsFor: (path) => linter.optionsFor(path),
      git: this.git,
      warn: this.warn,
    });
    return { drift: found?.[file], asked: found !== undefined };
  }

  /**
   * Forgets the drift of files (one closed; one saved, with the translations whose source it is):
   * it is asked again at their next lint. True when git had been asked for one of them.
   */
  forget(files: string[]): boolean {
    let asked = false;
    for (const file of files) {
      asked ||= this.known.get(file)?.asked ?? false;
      this.known.delete(file);
    }
    return asked;
  }

  /** Forgets everything: the configuration changed, and with it which rules run and which files pair. */
  reset(): void {
    this.known.clear();
    this.git = new GitHistory();
  }
}
