import type { SourceDrift } from "../core/rule.js";
import type { LintDocument } from "../core/types.js";
import { counterpart, sourceUnits, type SourceUnit, type TranslationSpan } from "./units.js";

/**
 * A place where a translation no longer follows its source: source blocks that are new or
 * changed (`changed`), or source text removed (`removed`), with the translation's blocks that
 * render it. Pure, so the linter's rule and `nl-lint status` name the same blocks.
 */
export interface DriftedBlock {
  change: "changed" | "removed";
  /** The source lines concerned: the changed lines inside the blocks, or for a removal the lines around it. */
  sourceLines: Array<[number, number]>;
  /** The blocks' kinds (`paragraph`, `code`, `yaml`…), for a reader. */
  kinds: string[];
  /** What in the translation renders these blocks (or, for a removal, may still render the removed text). */
  translation?: TranslationSpan;
  /** For a block nothing renders: the translation block after which it belongs. */
  after?: TranslationSpan;
  /** For a removal: the source line (as now) after which text was removed; 0 for the top. */
  removedAfter?: number;
}

function overlaps(unit: SourceUnit, [first, last]: [number, number]): boolean {
  return unit.firstLine <= last && first <= unit.lastLine;
}

function clip(range: [number, number], unit: SourceUnit): [number, number] {
  return [Math.max(range[0], unit.firstLine), Math.min(range[1], unit.lastLine)];
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Front matter and definitions are matched by what they are; everything else by where it is. */
function isBodyUnit(unit: SourceUnit): boolean {
  return unit.kind !== "yaml" && unit.kind !== "definition" && unit.kind !== "footnoteDefinition";
}

interface Run {
  /** Index of the first unit of the run (or, for a removal alone, of the unit after it). */
  from: number;
  /** Index after the run's last unit. */
  to: number;
  units: SourceUnit[];
  /** The source line after which text was removed, when the run holds a removal. */
  removedAfter?: number;
}

/**
 * Groups changed body units and removals into runs that no unchanged unit separates: each run
 * is one place where the translation needs work.
 */
function runsOf(units: SourceUnit[], changed: Map<SourceUnit, unknown>, removalBefore: Map<number, number>, canAnchor: (unit: SourceUnit) => boolean): Run[] {
  const runs: Run[] = [];
  const isChanged = (i: number) => i < units.length && changed.has(units[i]) && isBodyUnit(units[i]);
  let i = 0;
  while (i <= units.length) {
    if (!removalBefore.has(i) && !isChanged(i)) {
      i++;
      continue;
    }
    // A run goes on through unchanged blocks that cannot place it (no translation, component tags).
    let end = i;
    for (let j = i; j < units.length && (isChanged(j) || !canAnchor(units[j])); j++) if (isChanged(j)) end = j + 1;
    const removal = [...removalBefore.keys()].filter((k) => k >= i && k <= end).sort((a, b) => a - b)[0];
    runs.push({
      from: i,
      to: end,
      units: units.slice(i, end).filter((_, k) => isChanged(i + k)),
      ...(removal !== undefined ? { removedAfter: removalBefore.get(removal) } : {}),
    });
    i = end + 1;
  }
  return runs;
}

/** The nearest unchanged unit the translation renders, searching from `index` by `step`. */
function anchor(document: LintDocument, units: SourceUnit[], canAnchor: (unit: SourceUnit) => boolean, index: number, step: 1 | -1): TranslationSpan | undefined {
  for (let i = index; i >= 0 && i < units.length; i += step) if (canAnchor(units[i])) return counterpart(document, units[i]);
  return undefined;
}

/** The translation blocks lying between two offsets, as one span. */
function blocksBetween(document: LintDocument, from: number, to: number): TranslationSpan | undefined {
  const inside = document.segments.filter((s) => s.side === "translation" && s.start >= from && s.end <= to);
  if (inside.length === 0) return undefined;
  const start = Math.min(...inside.map((s) => s.start));
  const end = Math.max(...inside.map((s) => s.end));
  const lines = document.lines;
  return { start, end, firstLine: lines.position(start).line, lastLine: lines.position(Math.max(start, end - 1)).line };
}

/** The union of the run's own counterparts: used when the anchors around it cross (a moved section). */
function ownCounterparts(document: LintDocument, run: Run): TranslationSpan | undefined {
  const spans = run.units.map((u) => counterpart(document, u)).filter((s): s is TranslationSpan => s !== undefined);
  if (spans.length === 0) return undefined;
  const first = spans.reduce((a, b) => (a.start <= b.start ? a : b));
  const last = spans.reduce((a, b) => (a.end >= b.end ? a : b));
  return { start: first.start, end: last.end, firstLine: first.firstLine, lastLine: last.lastLine };
}

/**
 * Maps source lines changed since a translation was made to the source blocks they fall in, and
 * to the translation blocks that now need work. A changed block is placed by the unchanged blocks
 * around it, which still say what the translation renders them as: whatever the translation has
 * between those is the old rendering of the changed text (or nothing, for new text). Pairing the
 * changed block itself would guess from text that no longer matches. Lines outside every block
 * (blank lines) change nothing a reader sees and are left out.
 */
export function driftedBlocks(document: LintDocument, drift: Pick<SourceDrift, "changedLines" | "removedAfter">): DriftedBlock[] {
  const units = sourceUnits(document);
  const changed = new Map<SourceUnit, Array<[number, number]>>();
  const mark = (unit: SourceUnit, range: [number, number]) => changed.set(unit, [...(changed.get(unit) ?? []), clip(range, unit)]);
  for (const range of drift.changedLines) for (const unit of units) if (overlaps(unit, range)) mark(unit, range);
  const removalBefore = new Map<number, number>();
  for (const line of drift.removedAfter) {
    // Text removed between two lines of one block changed that block.
    const inside = units.find((u) => u.firstLine <= line && line + 1 <= u.lastLine);
    if (inside) mark(inside, [line, line + 1]);
    else {
      const next = units.findIndex((u) => u.firstLine > line);
      const index = next < 0 ? units.length : next;
      if (!removalBefore.has(index)) removalBefore.set(index, line);
    }
  }

  const blocks: DriftedBlock[] = [];
  // Front matter and definitions are matched by what they are, not by position.
  for (const [unit, lines] of changed) {
    if (isBodyUnit(unit)) continue;
    const translation = counterpart(document, unit);
    blocks.push({ change: "changed", sourceLines: mergeRanges(lines), kinds: [unit.kind], ...(translation ? { translation } : {}) });
  }
  const canAnchor = (unit: SourceUnit) => isBodyUnit(unit) && !changed.has(unit) && counterpart(document, unit) !== undefined;
  for (const run of runsOf(units, changed, removalBefore, canAnchor)) {
    const before = anchor(document, units, canAnchor, run.from - 1, -1);
    const after = anchor(document, units, canAnchor, run.to, 1);
    const crossed = before && after && before.end > after.start;
    const translation = crossed ? ownCounterparts(document, run) : blocksBetween(document, before?.end ?? 0, after?.start ?? document.text.length);
    const where = translation ? { translation } : before ? { after: before } : {};
    if (run.units.length === 0) {
      const line = run.removedAfter ?? 0;
      blocks.push({ change: "removed", sourceLines: [[Math.max(1, line), line + 1]], kinds: [], removedAfter: line, ...where });
      continue;
    }
    const lines = mergeRanges(run.units.flatMap((u) => changed.get(u) ?? []));
    const kinds = [...new Set(run.units.map((u) => u.kind))];
    blocks.push({ change: "changed", sourceLines: lines, kinds, ...where, ...(run.removedAfter !== undefined ? { removedAfter: run.removedAfter } : {}) });
  }
  return blocks.sort((a, b) => a.sourceLines[0][0] - b.sourceLines[0][0]);
}

/** `12`, `12–14`, `3, 12–14`: source lines as a reader reads them. */
export function describeLines(ranges: Array<[number, number]>): string {
  return ranges.map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`)).join(", ");
}
