import type { ResolvedConfig } from "./config.js";
import { readTranslation } from "./engine.js";
import { resolveRuleSettings, type LintOptions } from "../core/lint.js";
import { frontMatterOfText } from "../parse/front-matter.js";
import type { Rule, SourceDrift } from "../core/rule.js";
import { COMMIT_KEYS, DEFAULT_SKIP_KEYWORDS, findDrift, SHALLOW_NOTE, type DriftPolicy } from "../drift/drift.js";
import { IGNORE_NOTHING, IGNORE_TRIVIAL } from "../drift/trivial-edits.js";
import { parseStamp, STAMP_KEY } from "../drift/fingerprint.js";
import { GitHistory } from "./git.js";

export interface LintDriftOptions {
  files: string[];
  /** The rules that compare with the drift; it is found only for files one of them runs on. */
  rules: Rule[];
  sourceFor(file: string, text: string): string | undefined;
  configFor(file: string): ResolvedConfig;
  optionsFor(file: string): LintOptions;
  git?: GitHistory;
  /** Told once when drift cannot be read from history (a shallow clone), so that no finding is not taken for "current". */
  warn?(message: string): void;
}

/** What counts as drift for a file: its configuration's `drift` key, then `countTrivialEdits` from the command line. */
export function driftPolicyFor(config: ResolvedConfig, countTrivialEdits?: boolean): DriftPolicy {
  const counted = countTrivialEdits ?? config.drift?.countTrivialEdits ?? false;
  return { ignore: counted ? IGNORE_NOTHING : IGNORE_TRIVIAL, skipKeywords: config.drift?.skipKeywords ?? DEFAULT_SKIP_KEYWORDS };
}

/**
 * What `stale-translation` needs from git, for the files it runs on: how each translation's
 * source changed since a recorded commit or since the translation's last commit. A stamp is
 * left to the rule, which compares it with the source it is handed. Undefined when the rule is
 * off for every file (or there is no such rule), so that a lint run without it asks git nothing.
 */
export function sourceDriftForLint(options: LintDriftOptions): Record<string, SourceDrift> | undefined {
  const { rules } = options;
  const wanted = options.files.filter((file) => rules.some((rule) => resolveRuleSettings(rule, options.optionsFor(file)).severity !== "off"));
  if (wanted.length === 0) return undefined;
  const git = options.git ?? new GitHistory();
  const drift: Record<string, SourceDrift> = {};
  let warned = false;
  for (const file of wanted) {
    const { text, sourcePath, source } = readTranslation(file, options.sourceFor);
    if (text === undefined || !sourcePath || !source) continue;
    const sourceText = source.text;
    const config = options.configFor(file);
    const frontMatter = frontMatterOfText(text);
    const found = findDrift(
      {
        translationPath: file,
        frontMatter,
        // Any non-empty answer stands for "there is a stamp": the rule computes the real one.
        stamp: () => (parseStamp(frontMatter?.[STAMP_KEY]) ? { changedLines: [], removedAfter: [] } : undefined),
        sourcePath,
        sourceText,
        commitKeys: [...(config.sourceCommitKey ? [config.sourceCommitKey] : []), ...COMMIT_KEYS],
        policy: driftPolicyFor(config),
      },
      git,
    );
    if (!warned && found.notes.includes(SHALLOW_NOTE)) {
      warned = true;
      options.warn?.(`warning: stale-translation cannot tell drift: ${SHALLOW_NOTE}`);
    }
    if (found.known && found.method !== "stamp") drift[file] = { changedLines: found.changedLines, removedAfter: found.removedAfter, since: found.since };
  }
  return drift;
}
