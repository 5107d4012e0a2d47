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
  /** Set when the entry is a configured glossary term's use rather than a segment: `key` is then the term, `rendering` the allowed form. */
  term?: true;
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

/** How much a rendering is used, compared element by element: the first element decides, the next breaks ties. */
type Weight = (group: Occurrence[]) => number[];

function compareWeights(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/**
 * The occurrences of one source whose rendering is not the one most used. When no rendering
 * weighs more than every other, there is no norm to measure against, and all are deviations.
 */
function deviationsAmong(sameSource: Occurrence[], weight: Weight): Deviation[] {
  const weighed = [...groupBy(sameSource, (o) => o.entry.rendering).values()].map((group) => ({ group, weight: weight(group) }));
  if (weighed.length < 2) return [];
  weighed.sort((a, b) => compareWeights(b.weight, a.weight));
  const leads = compareWeights(weighed[0].weight, weighed[1].weight) > 0;
  const renderings = weighed.map(({ group }) => ({ text: group[0].entry.translation, count: group.length, first: group[0].where }));
  const deviations: Deviation[] = [];
  for (const [index, { group }] of weighed.entries()) {
    if (leads && index === 0) continue;
    const others = renderings.filter((_, other) => other !== index);
    for (const { entry, filePath } of group) deviations.push({ entry, filePath, others });
  }
  return deviations;
}

/** Segments whose rendering of their source is not the one most used, by number of occurrences. */
export function renderingsOf(files: Array<ProjectFile<Entry[]>>): Deviation[] {
  const segments = [...occurrences(files)].filter((o) => !o.entry.term);
  return [...groupBy(segments, (o) => o.entry.key).values()].flatMap((sameSource) => deviationsAmong(sameSource, (group) => [group.length]));
}

const fileCount = (group: Occurrence[]): number => new Set(group.map((o) => o.filePath)).size;

/**
 * Uses of a glossary term rendered with an allowed form other than the run's usual one. The usual
 * form is the one the most files use (a reader meets a rendering page by page), then the one used
 * most often. Forms that differ only within one file are not compared: a page may name both (a
 * term and the English it stands for), and the glossary allows both.
 */
export function termRenderingsOf(files: Array<ProjectFile<Entry[]>>): Deviation[] {
  const uses = [...occurrences(files)].filter((o) => o.entry.term);
  return [...groupBy(uses, (o) => o.entry.key).values()]
    .filter(differsAcrossFiles)
    .flatMap((sameTerm) => deviationsAmong(sameTerm, (group) => [fileCount(group), group.length]));
}

/**
 * Two files render the term with different forms: with two files or more, that is so unless all
 * use one form, which `deviationsAmong` passes by anyway.
 */
function differsAcrossFiles(sameTerm: Occurrence[]): boolean {
  return fileCount(sameTerm) > 1;
}
