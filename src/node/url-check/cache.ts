import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Outcome } from "./checker.js";

interface Stored {
  version: 1;
  entries: Record<string, { checkedAt: number; outcome: Outcome }>;
}

/** Outcomes worth keeping: an answer about the URL, not about the network of the moment. */
export function isSettled(outcome: Outcome): boolean {
  return outcome.kind !== "unreachable";
}

/**
 * Answers of earlier `--check-urls` runs, each standing for `ttlMs` after it was got. One JSON
 * file, written through a temporary file and a rename.
 */
export class UrlCache {
  private entries: Stored["entries"] = {};
  private dirty = false;

  constructor(readonly location: string, private readonly ttlMs: number, private readonly now: () => number = Date.now) {
    try {
      const stored = JSON.parse(readFileSync(location, "utf8")) as Stored;
      if (stored.version === 1 && stored.entries && typeof stored.entries === "object") this.entries = stored.entries;
    } catch {
      // No cache yet, or an unreadable one: every URL is checked again.
    }
  }

  get(url: string): Outcome | undefined {
    const entry = this.entries[url];
    return entry && this.now() - entry.checkedAt < this.ttlMs ? entry.outcome : undefined;
  }

  set(url: string, outcome: Outcome): void {
    if (!isSettled(outcome)) return;
    this.entries[url] = { checkedAt: this.now(), outcome };
    this.dirty = true;
  }

  save(): void {
    if (!this.dirty) return;
    const now = this.now();
    // Expired answers are dropped, so the file does not grow with every URL ever linked.
    const kept = Object.fromEntries(Object.entries(this.entries).filter(([, e]) => now - e.checkedAt < this.ttlMs));
    mkdirSync(dirname(this.location), { recursive: true });
    const temporary = `${this.location}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ version: 1, entries: kept } satisfies Stored));
    renameSync(temporary, this.location);
    this.dirty = false;
  }
}

/** Where URL answers are kept: beside the lint cache, named after it (`cache.json` → `cache-urls.json`). */
export function urlCacheLocation(lintCacheLocation: string): string {
  return /\.json$/i.test(lintCacheLocation) ? lintCacheLocation.replace(/\.json$/i, "-urls.json") : `${lintCacheLocation}-urls.json`;
}
