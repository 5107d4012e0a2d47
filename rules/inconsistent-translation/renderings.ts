import type { Location, ProjectFile } from "../../src/core/project-rule.js";

/** What a file keeps of one pair (its digest is a list of them): source and translation, as shown and as compared, and where. */
export interface Entry {
  /** The source's comparable form: the key renderings are grouped by. */
  key: string;
  source: string;
  translation: string;
  /** The translation's comparable form. */
  rendering: string;
  at: Location;
}

/** One way a source is rendered across the run: as first shown, how often, and where first. */
export interface Rendering {
  text: string;
  count: number;
  /** `path:line` of its first occurrence. */
  first: string;
}

interface Occurrence {
  entry: Entry;
  filePath: string;
  where: string;
}

/** A rendering that deviates: the occurrence to report and the other renderings of its source. */
export interface Deviation {
  entry: Entry;
  filePath: string;
  others: Rendering[];
}

function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function* occurrences(files: Array<ProjectFile<Entry[]>>): Iterable<Occurrence> {
  for (const { filePath, displayPath, digest } of files) {
    for (const entry of digest) yield { entry, filePath, where: `${displayPath}:${entry.at.line}` };
  }
}

/**
 * The occurrences whose rendering of their source is not the one most used. When no rendering
 * is used more than every other, there is no norm to measure against, and all are deviations.
 */
export function renderingsOf(files: Array<ProjectFile<Entry[]>>): Deviation[] {
  const deviations: Deviation[] = [];
  for (const sameSource of groupBy(occurrences(files), (o) => o.entry.key).values()) {
    const byRendering = [...groupBy(sameSource, (o) => o.entry.rendering).values()].sort((a, b) => b.length - a.length);
    if (byRendering.length < 2) continue;
    const leads = byRendering[0].length > byRendering[1].length;
    const renderings = byRendering.map((group) => ({ group, rendering: { text: group[0].entry.translation, count: group.length, first: group[0].where } }));
    for (const [index, { group }] of renderings.entries()) {
      if (leads && index === 0) continue;
      const others = renderings.filter((_, other) => other !== index).map((r) => r.rendering);
      for (const { entry, filePath } of group) deviations.push({ entry, filePath, others });
    }
  }
  return deviations;
}
