import type { SourceDrift } from "../core/rule.js";
import { grammarFor } from "../parse/parse.js";
import { STAMP_KEY, STAMP_SINCE } from "./fingerprint.js";
import { driftSkippingCommits } from "./skipped-commits.js";
import { IGNORE_NOTHING, IGNORE_TRIVIAL, significantDrift, type IgnoredChange, type IgnoredEdits } from "./trivial-edits.js";

/** Front-matter keys that record the source commit a translation was made from, as sites name them. */
export const COMMIT_KEYS = ["default_lang_commit", "sourceCommit", "l10n.sourceCommit"];

/** One commit that touched a file, with the file's name in it (and the name before, for a rename). */
export interface FileCommit {
  hash: string;
  /** Commit time, seconds since the epoch. */
  time: number;
  subject: string;
  /** The rest of the commit message, after the subject. */
  body?: string;
  /** `A`, `M`, `R100`… as `git log --name-status` gives it. */
  status: string;
  path: string;
  /** For a rename or copy: the file's name before the commit. */
  previousPath?: string;
}

/**
 * The questions drift asks a file's history; the Node shell answers them from git (`GitHistory`
 * in src/node/git.ts), so that this code stays pure.
 */
export interface SourceHistory {
  topOf(filePath: string): string | undefined;
  pathIn(top: string, filePath: string): string;
  resolveCommit(top: string, rev: string): string | undefined;
  fileLog(top: string, path: string, since?: string): FileCommit[];
  fileAt(top: string, commit: string, path: string): string | undefined;
  /** Whether the repository is a shallow clone: its history stops short, so comparisons with it can be wrong. */
  isShallow(top: string): boolean;
}

/** Why drift is unknown in a shallow clone, and what to change. */
export const SHALLOW_NOTE =
  "the repository is a shallow clone, so its history cannot say what changed: fetch all of it (actions/checkout with `fetch-depth: 0`, or `git fetch --unshallow`), or stamp the translations (`nl-lint status --stamp`)";

/** Which source changes are drift: edits and commits that need no re-translation are left out. */
export interface DriftPolicy {
  ignore: IgnoredEdits;
  /** A commit whose message holds one of these (any case) is skipped: its changes are not drift. */
  skipKeywords: string[];
}

export const DEFAULT_SKIP_KEYWORDS = ["[nl-lint skip]", "fix typo"];
export const DEFAULT_DRIFT_POLICY: DriftPolicy = { ignore: IGNORE_TRIVIAL, skipKeywords: DEFAULT_SKIP_KEYWORDS };

export type DriftMethod = "recorded commit" | "stamp" | "git history" | "none";

export interface SourceCommit {
  hash: string;
  time: number;
  subject: string;
}

/** How a translation's source changed since the translation was made, and how that was found out. */
export interface Drift extends SourceDrift {
  method: DriftMethod;
  /** False when no way could tell (no recorded commit in reach, no stamp, no git). */
  known: boolean;
  /** The commit the source was compared at: the recorded one, or the translation's last. */
  base?: string;
  /** The source's commits since `base`, newest first. */
  commits: SourceCommit[];
  /** Why a better way was not used, for the reader of the report. */
  notes: string[];
  /** Source changes and commits left out as needing no re-translation, and why (`--verbose`). */
  ignored: IgnoredChange[];
  /** The source's text at `base`, to show what changed; kept out of reports. */
  before?: string;
}

export interface DriftQuery {
  translationPath: string;
  frontMatter: Record<string, unknown> | null;
  /** The lines changed since the translation's stamp, when it has one this version reads. */
  stamp(): Pick<SourceDrift, "changedLines" | "removedAfter"> | undefined;
  sourcePath: string;
  /** The source as it is now (in the work tree). */
  sourceText: string;
  /** Front-matter keys to read a recorded commit from, first match wins. */
  commitKeys: string[];
  /** What counts as drift; `DEFAULT_DRIFT_POLICY` when absent. */
  policy?: DriftPolicy;
}

function valueAt(data: Record<string, unknown> | null, dotted: string): unknown {
  let value: unknown = data;
  for (const part of dotted.split(".")) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** The recorded source commit and the key it was found under. */
export function recordedCommit(frontMatter: Record<string, unknown> | null, keys: string[]): { key: string; commit: string } | undefined {
  for (const key of keys) {
    const value = valueAt(frontMatter, key);
    if (typeof value === "string" && value.trim() !== "") return { key, commit: value.trim() };
  }
  return undefined;
}

/** Changed and removed lines of `now` against `before`, as 1-based lines of `now`, every edit counted. */
export function lineDrift(before: string, now: string): Pick<SourceDrift, "changedLines" | "removedAfter"> {
  const { changedLines, removedAfter } = significantDrift(before, now, IGNORE_NOTHING);
  return { changedLines, removedAfter };
}

const short = (hash: string) => hash.slice(0, 7);

/** The skip keyword a commit's message holds, if any. */
function skipKeyword(commit: FileCommit, keywords: string[]): string | undefined {
  const message = `${commit.subject}\n${commit.body ?? ""}`.toLowerCase();
  return keywords.find((keyword) => keyword.trim() !== "" && message.includes(keyword.toLowerCase()));
}

/** The source's changes since `before` that need re-translation, commits with a skip keyword left out. */
function changesSince(git: SourceHistory, top: string, log: FileCommit[], before: string, query: DriftQuery) {
  const policy = query.policy ?? DEFAULT_DRIFT_POLICY;
  const skipped = log.map((commit) => ({ commit, keyword: skipKeyword(commit, policy.skipKeywords) })).filter((s) => s.keyword !== undefined);
  // Read as the source's own grammar: in an MDX page indented lines are JSX children, not code.
  const grammar = grammarFor({ filePath: query.sourcePath });
  if (skipped.length === 0) return significantDrift(before, query.sourceText, policy.ignore, grammar);
  const skippedHashes = new Set(skipped.map((s) => s.commit.hash));
  const versions = [...log]
    .reverse()
    .map((commit) => ({ text: git.fileAt(top, commit.hash, commit.path) ?? "", counted: !skippedHashes.has(commit.hash) }));
  const found = driftSkippingCommits(before, [...versions, { text: query.sourceText, counted: true }], policy.ignore, grammar);
  const commitsSkipped = skipped.map(({ commit, keyword }) => ({ commit: short(commit.hash), reason: `commit "${commit.subject}" skipped: its message has "${keyword}"` }));
  return { ...found, ignored: [...commitsSkipped, ...found.ignored] };
}

/** Compares the source now with the source at `base`, following renames back to its name then. */
function compareWithCommit(git: SourceHistory, top: string, query: DriftQuery, base: string): Omit<Drift, "method" | "since" | "notes"> & { note?: string } {
  const path = git.pathIn(top, query.sourcePath);
  const log = git.fileLog(top, path, base);
  const oldest = log[log.length - 1];
  const pathAtBase = oldest ? (oldest.previousPath ?? oldest.path) : path;
  const before = oldest?.status === "A" ? undefined : git.fileAt(top, base, pathAtBase);
  const commits = log.map(({ hash, time, subject }) => ({ hash, time, subject }));
  return {
    known: true,
    base,
    commits,
    before: before ?? "",
    ...changesSince(git, top, log, before ?? "", query),
    ...(before === undefined ? { note: `the source did not exist at ${short(base)}: all of it counts as new` } : {}),
  };
}

/** The translation's last commit that changed it, a pure rename not counting as work on it. */
function lastTranslationCommit(git: SourceHistory, top: string, translationPath: string): string | undefined {
  return git.fileLog(top, git.pathIn(top, translationPath)).find((c) => c.status !== "R100")?.hash;
}

/**
 * How a translation's source changed since the translation was made, the best way available:
 * 1. a source commit recorded in the translation's front matter, compared in the source's git
 *    repository;
 * 2. a stamp of the source's blocks (`nl-lint status --stamp`), which says exactly what was
 *    synced, with or without git;
 * 3. the source's commits after the translation's last commit, when both are in one repository.
 */
export function findDrift(query: DriftQuery, git: SourceHistory): Drift {
  const notes: string[] = [];
  const sourceTop = git.topOf(query.sourcePath);
  const recorded = recordedCommit(query.frontMatter, query.commitKeys);
  const shallow = sourceTop !== undefined && git.isShallow(sourceTop);
  if (recorded) {
    const full = sourceTop ? git.resolveCommit(sourceTop, recorded.commit) : undefined;
    if (sourceTop && full) {
      const { note, ...found } = compareWithCommit(git, sourceTop, query, full);
      const count = found.commits.length;
      return {
        method: "recorded commit",
        ...found,
        since: `since ${short(full)} (its ${recorded.key}; ${count} source commit${count === 1 ? "" : "s"} since)`,
        notes: note ? [note] : [],
      };
    }
    // The commit itself is in the report's `declared`; a note without it reads the same for every file.
    notes.push(
      shallow
        ? SHALLOW_NOTE
        : sourceTop
        ? `the commit in ${recorded.key} is not in the source's repository (rewritten history, or another repository)`
        : `${recorded.key} is recorded, but the source is not in a git repository`,
    );
  }

  const stamp = query.stamp();
  if (stamp) return { method: "stamp", known: true, commits: [], ...stamp, since: STAMP_SINCE, notes, ignored: [] };
  if (query.frontMatter && STAMP_KEY in query.frontMatter) notes.push(`${STAMP_KEY} is not a stamp this version of nl-lint reads; stamp again`);

  const translationTop = git.topOf(query.translationPath);
  // A shallow history's oldest commit seems to add every file: the translation would look newer than it is.
  if (shallow) {
    if (!notes.includes(SHALLOW_NOTE)) notes.push(SHALLOW_NOTE);
  } else if (sourceTop && translationTop === sourceTop) {
    const last = lastTranslationCommit(git, sourceTop, query.translationPath);
    if (last) {
      const { note, ...found } = compareWithCommit(git, sourceTop, query, last);
      const count = found.commits.length;
      return {
        method: "git history",
        ...found,
        since: `since the translation's last commit ${short(last)} (${count} source commit${count === 1 ? "" : "s"} since)`,
        notes: note ? [...notes, note] : notes,
      };
    }
    notes.push("the translation has no commit yet");
  } else if (sourceTop || translationTop) {
    notes.push("the source and the translation are not in one git repository");
  } else if (!recorded) {
    notes.push("no recorded source commit, no stamp, and no git repository");
  }
  return { method: "none", known: false, commits: [], changedLines: [], removedAfter: [], since: "", notes, ignored: [] };
}
