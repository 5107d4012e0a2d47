import type { LintDocument } from "../../core/types.js";
import { coverage, type Coverage } from "./coverage.js";
import { driftedBlocks, type DriftedBlock } from "../../drift/drift-blocks.js";
import { recordedCommit, type Drift } from "../../drift/drift.js";
import { changedLinesDiff, removalDiff, type DiffPart } from "../../drift/word-diff.js";

/** A place the translation must follow, with the source's words there before and now. */
export type StatusChange = DriftedBlock & { diff: DiffPart[] };

/** What `nl-lint status` says of one translation. */
export interface FileStatus {
  file: string;
  /** The source file, when something names one (parallel mode). */
  source?: string;
  /** False when the named source file does not exist. */
  sourceFound: boolean;
  mode: "inline" | "parallel";
  language?: string;
  /** Undefined when there is no source to compare with. */
  coverage?: Coverage;
  /** What the translation's front matter says of its own freshness, as sites record it. */
  declared: { commitKey?: string; commit?: string; drifted?: string };
  /**
   * True when source blocks changed since the translation was made, false when none did,
   * null when nothing could tell (no history, no stamp) or it does not apply (inline posts keep
   * their source beside the translation).
   */
  behind: boolean | null;
  drift?: Omit<Drift, "before">;
  changes: StatusChange[];
}

/** A language's translations taken together. */
export interface LanguageStatus {
  language: string;
  files: number;
  behind: number;
  current: number;
  unknown: number;
  sourceMissing: number;
  /** Translations whose front matter says they lag their source (`drifted_from_default`). */
  markedDrifted: number;
  sourceBlocks: number;
  translated: number;
  sourceLanguage: number;
  missing: number;
}

function declaredOf(frontMatter: Record<string, unknown> | null, commitKeys: string[]): FileStatus["declared"] {
  const recorded = recordedCommit(frontMatter, commitKeys);
  const drifted = frontMatter?.drifted_from_default;
  return {
    ...(recorded ? { commitKey: recorded.key, commit: recorded.commit } : {}),
    ...(drifted !== undefined && drifted !== null && drifted !== false ? { drifted: String(drifted) } : {}),
  };
}

/** The status of a translation aligned with its source (or an inline post), given how its source drifted. */
export function statusOf(document: LintDocument, options: { file: string; source?: string; drift?: Drift; commitKeys: string[] }): FileStatus {
  const mode = document.mode === "parallel" ? "parallel" : "inline";
  const drift = mode === "parallel" ? options.drift : undefined;
  const changes = drift?.known ? driftedBlocks(document, drift).map((block) => withDiff(block, drift.before, document.sourceText)) : [];
  return {
    file: options.file,
    ...(options.source ? { source: options.source } : {}),
    sourceFound: true,
    mode,
    ...(document.targetLanguage ? { language: document.targetLanguage } : {}),
    coverage: coverage(document),
    declared: declaredOf(document.frontMatter, options.commitKeys),
    behind: drift?.known ? changes.length > 0 : null,
    ...(drift ? { drift: withoutBefore(drift) } : {}),
    changes,
  };
}

/** Drift as reported: the source's old text served the diffs and is left out. */
function withoutBefore({ before: _, ...reported }: Drift): Omit<Drift, "before"> {
  return reported;
}

/** A changed block with its word diff: the whole stretch of source lines it names. */
function withDiff(block: DriftedBlock, before: string | undefined, now: string): StatusChange {
  const first = block.sourceLines[0][0];
  const last = block.sourceLines[block.sourceLines.length - 1][1];
  const diff = block.change === "removed" ? removalDiff(before, now, block.removedAfter ?? 0) : changedLinesDiff(before, now, first, last);
  return { ...block, diff };
}

/** A translation whose named source file is missing: nothing to measure, and the source is "gone". */
export function missingSourceStatus(options: { file: string; source: string; language?: string; frontMatter: Record<string, unknown> | null; commitKeys: string[] }): FileStatus {
  return {
    file: options.file,
    source: options.source,
    sourceFound: false,
    mode: "parallel",
    ...(options.language ? { language: options.language } : {}),
    declared: declaredOf(options.frontMatter, options.commitKeys),
    behind: null,
    changes: [],
  };
}

/** Totals per language, in the order languages first appear. */
export function languageTotals(files: FileStatus[]): LanguageStatus[] {
  const byLanguage = new Map<string, LanguageStatus>();
  for (const file of files) {
    const language = file.language ?? "unknown";
    let total = byLanguage.get(language);
    if (!total) {
      total = { language, files: 0, behind: 0, current: 0, unknown: 0, sourceMissing: 0, markedDrifted: 0, sourceBlocks: 0, translated: 0, sourceLanguage: 0, missing: 0 };
      byLanguage.set(language, total);
    }
    total.files++;
    if (file.declared.drifted !== undefined) total.markedDrifted++;
    if (!file.sourceFound) total.sourceMissing++;
    else if (file.behind === true) total.behind++;
    else if (file.behind === false) total.current++;
    else total.unknown++;
    if (file.coverage) {
      total.sourceBlocks += file.coverage.sourceBlocks;
      total.translated += file.coverage.translated;
      total.sourceLanguage += file.coverage.sourceLanguage;
      total.missing += file.coverage.missing;
    }
  }
  return [...byLanguage.values()];
}

/** A count as a share of source blocks, 0–100; a file without blocks is fully translated. */
export function percent(count: number, of: number): number {
  return of === 0 ? (count === 0 ? 0 : 100) : (100 * count) / of;
}

export function translatedPercent(total: { translated: number; sourceBlocks: number }): number {
  return total.sourceBlocks === 0 ? 100 : percent(total.translated, total.sourceBlocks);
}
