import type { Nodes, Root } from "mdast";

/** A parse kept for the next lint: the tree, and the offsets where nesting was cut (see `guardNesting`). */
interface Kept<T> {
  value: T;
  cuts: readonly number[];
}

/**
 * Parse results kept from one lint of a document to the next, owned by the caller (the language
 * server keeps one per open document). A keystroke changes one block: the insides of the other
 * comments of an inline post, and the source file of a parallel one, are the same texts as before,
 * and their trees are taken from here instead of being parsed again. A lint keeps what it used and
 * drops the rest, so the cache holds about one document's parses.
 */
export class ParseCache {
  private readonly kept = new Map<string, Kept<unknown>>();
  private readonly usedThisLint = new Set<string>();
  private depth = 0;
  /** How many parses this cache could not answer and had made (for tests and measurements). */
  parsed = 0;

  /** The parse of `key`, made by `parse` only when this cache does not hold it. */
  get<T>(key: string, parse: (cuts: number[]) => T): Kept<T> {
    let kept = this.kept.get(key) as Kept<T> | undefined;
    if (!kept) {
      const cuts: number[] = [];
      kept = { value: parse(cuts), cuts };
      this.parsed++;
      this.kept.set(key, kept);
    }
    this.usedThisLint.add(key);
    return kept;
  }

  /** Runs one lint with this cache; when the outermost ends, what it did not use is dropped. */
  during<T>(run: () => T): T {
    if (this.depth === 0) this.usedThisLint.clear();
    this.depth++;
    try {
      return run();
    } finally {
      this.depth--;
      if (this.depth === 0) for (const key of this.kept.keys()) if (!this.usedThisLint.has(key)) this.kept.delete(key);
    }
  }

  /** How many parses are kept (for tests). */
  get size(): number {
    return this.kept.size;
  }
}

// The lint running now, and its cache: `lint()` is synchronous, so the cache is handed to the
// parser this way rather than through every stage between them (document, segments, directives).
let active: ParseCache | undefined;

/** Runs `run` with `cache` as the parser's cache (none when undefined); the one before is restored after. */
export function withParseCache<T>(cache: ParseCache | undefined, run: () => T): T {
  const before = active;
  active = cache;
  try {
    return cache ? cache.during(run) : run();
  } finally {
    active = before;
  }
}

/** The cache of the lint running now, if its caller gave one. */
export function activeParseCache(): ParseCache | undefined {
  return active;
}

/**
 * A copy of a tree that shares no node, children list or `data` with it (other values are
 * never changed downstream): a kept fragment's tree is copied before its positions are moved.
 * Walked with a stack, as `visitNodes` is: trees nest without bound.
 */
export function copyTree(root: Root): Root {
  const copy = { ...root };
  const stack: Nodes[] = [copy];
  while (stack.length > 0) {
    const node = stack.pop()! as Nodes & { data?: object };
    if (node.data) node.data = { ...node.data };
    if (!("children" in node)) continue;
    const children = node.children.map((child) => ({ ...child }));
    (node as { children: Nodes[] }).children = children;
    for (const child of children) stack.push(child);
  }
  return copy;
}
