import type { SourceDrift } from "../core/rule.js";
import type { LintDocument } from "../core/types.js";
import { diffSequences } from "./sequence-diff.js";
import { sourceUnits, unitText } from "./units.js";

/**
 * The front-matter key `nl-lint status --stamp` writes into a translation: the fingerprint of
 * each block of the source it was translated from, so that a later run can tell which source
 * blocks changed since, without git.
 *
 * The value is `v1` and then one 8-digit hex FNV-1a hash per source block, in source order:
 * `nl-lint-source: v1 9f3a0c12 00be71d4 …`. A block's text is hashed with runs of white space
 * made one space, so that reflowing a paragraph is not a change.
 */
export const STAMP_KEY = "nl-lint-source";

const VERSION = "v1";

/** How messages say what a stamp compares with. */
export const STAMP_SINCE = "since the translation was stamped";

const encoder = new TextEncoder();

/** FNV-1a, 32 bits: enough to tell one block from its edited self, and computable anywhere. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of encoder.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/** The fingerprints of the source's blocks, in order. */
export function sourceFingerprints(document: LintDocument): string[] {
  return sourceUnits(document).map((unit) => fnv1a(unitText(document, unit)));
}

/** The stamp's value for a translation of this document's source. */
export function stampValue(document: LintDocument): string {
  return [VERSION, ...sourceFingerprints(document)].join(" ");
}

/** The fingerprints a stamp holds; undefined when the value is no stamp this version understands. */
export function parseStamp(value: unknown): string[] | undefined {
  if (typeof value !== "string") return undefined;
  const [version, ...hashes] = value.trim().split(/\s+/);
  if (version !== VERSION || !hashes.every((h) => /^[0-9a-f]{8}$/.test(h))) return undefined;
  return hashes;
}

/** The lines changed since the stamp in a document's front matter; undefined without a stamp. */
export function driftSinceStamp(document: LintDocument): Pick<SourceDrift, "changedLines" | "removedAfter"> | undefined {
  const stamp = stampOf(document);
  return stamp ? stampDrift(document, stamp) : undefined;
}

/** The stamp in a document's front matter, if it has one. */
export function stampOf(document: LintDocument): string[] | undefined {
  return parseStamp(document.frontMatter?.[STAMP_KEY]);
}

/**
 * Which source lines changed since a stamp: the blocks whose fingerprints the stamp does not hold
 * in that order are changed or new; stamped blocks missing now were removed.
 */
export function stampDrift(document: LintDocument, stamped: string[]): Pick<SourceDrift, "changedLines" | "removedAfter"> {
  const units = sourceUnits(document);
  const now = sourceFingerprints(document);
  const changedLines: Array<[number, number]> = [];
  const removedAfter: number[] = [];
  for (const hunk of diffSequences(stamped, now)) {
    for (const unit of units.slice(hunk.bStart, hunk.bEnd)) changedLines.push([unit.firstLine, unit.lastLine]);
    // Fewer blocks than before: some went, which the translation may still carry.
    if (hunk.aEnd - hunk.aStart > hunk.bEnd - hunk.bStart) removedAfter.push(hunk.bStart === 0 ? 0 : units[hunk.bStart - 1].lastLine);
  }
  return { changedLines, removedAfter };
}
