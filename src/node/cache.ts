import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { FileDigests } from "../core/project-rule.js";
import type { FileResult } from "../formatters/types.js";

export const DEFAULT_CACHE_LOCATION = join("node_modules", ".cache", "nl-lint", "cache.json");

/** What a cached result depends on besides the file itself. */
export interface CacheKeyParts {
  /** The source file's text in parallel mode. */
  sourceText?: string;
  /** Everything that shapes the findings: resolved rules and settings, languages, nl-lint's version. */
  context: string;
}

interface Stored {
  version: 1;
  entries: Record<string, { key: string; result: FileResult }>;
  /**
   * What the project rules collected of files the run did not lint (`--changed-since` compares a
   * changed file with them), under a key that leaves out what only the findings depend on.
   */
  digests?: Record<string, { key: string; digests: FileDigests }>;
}

export function hashText(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

/**
 * Results of earlier runs, keyed by file content, its source's content and the resolved
 * configuration: a hit means the file need not be parsed again. Stored as one JSON file,
 * written through a temporary file and a rename.
 */
export class LintCache {
  private entries: Stored["entries"] = {};
  private digests: NonNullable<Stored["digests"]> = {};
  private dirty = false;

  constructor(readonly location: string) {
    try {
      const stored = JSON.parse(readFileSync(location, "utf8")) as Stored;
      if (stored.version === 1 && stored.entries && typeof stored.entries === "object") this.entries = stored.entries;
      if (stored.version === 1 && stored.digests && typeof stored.digests === "object") this.digests = stored.digests;
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
  }

  static key(text: string, parts: CacheKeyParts): string {
    return hashText(`${hashText(text)}\0${parts.sourceText === undefined ? "" : hashText(parts.sourceText)}\0${parts.context}`);
  }

  get(filePath: string, key: string): FileResult | undefined {
    const entry = this.entries[filePath];
    return entry && entry.key === key ? entry.result : undefined;
  }

  set(filePath: string, key: string, result: FileResult): void {
    this.entries[filePath] = { key, result };
    this.dirty = true;
  }

  getDigests(filePath: string, key: string): FileDigests | undefined {
    const entry = this.digests[filePath];
    return entry && entry.key === key ? entry.digests : undefined;
  }

  setDigests(filePath: string, key: string, digests: FileDigests): void {
    this.digests[filePath] = { key, digests };
    this.dirty = true;
  }

  save(): void {
    if (!this.dirty) return;
    mkdirSync(dirname(this.location), { recursive: true });
    const temporary = `${this.location}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ version: 1, entries: this.entries, digests: this.digests } satisfies Stored));
    renameSync(temporary, this.location);
    this.dirty = false;
  }
}

/** A stable text for the parts of the options that shape findings (functions and services left out). */
export function contextOf(value: unknown, version: string | undefined): string {
  const seen = new WeakSet<object>();
  const stable = (v: unknown): unknown => {
    if (typeof v === "function" || v === undefined) return undefined;
    if (v === null || typeof v !== "object") return v;
    if (seen.has(v)) return undefined;
    seen.add(v);
    if (Array.isArray(v)) return v.map(stable);
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, stable((v as Record<string, unknown>)[k])])
        .filter(([, x]) => x !== undefined),
    );
  };
  return hashText(`${version ?? "dev"}\0${JSON.stringify(stable(value))}`);
}
