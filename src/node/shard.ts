import { statSync } from "node:fs";
import { isAbsolute, relative, sep } from "node:path";
import { hashText } from "./cache.js";

/** `--shard i/n`: this job lints the i-th of n shares of the run's files (1 ≤ i ≤ n). */
export interface ShardSpec {
  index: number;
  count: number;
}

/** Why a `--shard` value cannot be used; undefined when it is a valid spec. */
export function shardProblem(spec: ShardSpec): string | undefined {
  const { index, count } = spec;
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1) return "the shard count must be a whole number of 1 or more";
  if (index < 1 || index > count) return `the shard must be between 1 and ${count} (shards are numbered from 1)`;
  return undefined;
}

/** Reads `i/n` as the command line writes it; throws an Error saying what is wrong. */
export function parseShard(text: string): ShardSpec {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) throw new Error(`'${text}' is not i/n (e.g. 2/3: the second of three shards)`);
  const spec = { index: Number(match[1]), count: Number(match[2]) };
  const problem = shardProblem(spec);
  if (problem) throw new Error(`'${text}': ${problem}`);
  return spec;
}

/** Files that must be linted by the same job (a source's translations), and what linting them costs. */
export interface ShardGroup {
  /** Stable from run to run and machine to machine: a path relative to the run's folder. */
  key: string;
  weight: number;
}

/**
 * How much more than an even share a shard may take before a group goes to its next choice.
 * Larger keeps more groups on their first choice (fewer move when files are added); smaller
 * balances the jobs more tightly. A tenth costs at most a tenth of a job's time.
 */
const LOAD_SLACK = 0.1;

/**
 * Assigns each group a shard (0-based), by consistent hashing with bounded loads (Mirrokni,
 * Thorup and Zadimoghaddam, 2018):
 * - Each group ranks the shards by a hash of its key and the shard (rendezvous hashing), so its
 *   first choice depends on nothing but its own key: adding or removing a file leaves the others'
 *   choices as they were, and no run-to-run state has to be kept.
 * - Hashing alone balances counts, not bytes: one large page can make a job twice as long as the
 *   others. So groups are placed largest first, each in the first shard of its ranking that stays
 *   within (1 + LOAD_SLACK) × an even share; only a group that fits nowhere goes to the lightest.
 * A plain greedy bin packing over sorted paths would balance as well, but one file added early in
 * the order would shift every file after it.
 */
export function assignShards(groups: readonly ShardGroup[], count: number): Map<string, number> {
  const total = groups.reduce((sum, group) => sum + group.weight, 0);
  const largest = groups.reduce((most, group) => Math.max(most, group.weight), 0);
  const capacity = Math.max(largest, ((1 + LOAD_SLACK) * total) / count);
  const loads = new Array<number>(count).fill(0);
  const assigned = new Map<string, number>();
  const order = [...groups].sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const group of order) {
    const fits = shardRanking(group.key, count).find((shard) => loads[shard] + group.weight <= capacity);
    const shard = fits ?? lightest(loads);
    loads[shard] += group.weight;
    assigned.set(group.key, shard);
  }
  return assigned;
}

/** The shards in the order a key prefers them: by a hash of the key and each shard, highest first. */
function shardRanking(key: string, count: number): number[] {
  const scores = Array.from({ length: count }, (_, shard) => Number.parseInt(hashText(`${key}\0${shard}`).slice(0, 12), 16));
  return scores.map((_, shard) => shard).sort((a, b) => scores[b] - scores[a] || a - b);
}

function lightest(loads: number[]): number {
  return loads.reduce((best, load, shard) => (load < loads[best] ? shard : best), 0);
}

/**
 * The files of `files` that fall in the shard, in their order. `groupOf` names the file that holds
 * a group together: a translation's source (its translations then go together, and a source that
 * is linted too goes with them), or the file itself.
 */
export function filesOfShard(files: readonly string[], spec: ShardSpec, options: { cwd: string; groupOf: (file: string) => string }): string[] {
  const keyOf = new Map(files.map((file) => [file, stableKey(options.groupOf(file), options.cwd)]));
  const weights = new Map<string, number>();
  for (const file of files) weights.set(keyOf.get(file)!, (weights.get(keyOf.get(file)!) ?? 0) + costOf(file));
  const assigned = assignShards([...weights].map(([key, weight]) => ({ key, weight })), spec.count);
  return files.filter((file) => assigned.get(keyOf.get(file)!) === spec.index - 1);
}

/** A path as the same on every CI machine and operating system: relative to the run's folder, with `/`. */
function stableKey(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? file : rel.split(sep).join("/");
}

/** A file's bytes, which linting time follows; an unreadable file still costs its read and report. */
function costOf(file: string): number {
  try {
    return Math.max(1, statSync(file).size);
  } catch {
    return 1;
  }
}
