import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffSequences, type Hunk } from "../../src/drift/sequence-diff.js";

/** Rebuilds `b` from `a` and the hunks: what a correct diff must allow. */
function apply(a: string[], b: string[], hunks: Hunk[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (const h of hunks) {
    out.push(...a.slice(at, h.aStart), ...b.slice(h.bStart, h.bEnd));
    at = h.aEnd;
  }
  return [...out, ...a.slice(at)];
}

describe("diffSequences", () => {
  it("finds nothing between equal sequences", () => {
    expect(diffSequences(["a", "b"], ["a", "b"])).toEqual([]);
  });

  it("names a changed line, an insertion and a deletion by their positions", () => {
    expect(diffSequences(["a", "b", "c"], ["a", "B", "c"])).toEqual([{ aStart: 1, aEnd: 2, bStart: 1, bEnd: 2 }]);
    expect(diffSequences(["a", "c"], ["a", "b", "c"])).toEqual([{ aStart: 1, aEnd: 1, bStart: 1, bEnd: 2 }]);
    expect(diffSequences(["a", "b", "c"], ["a", "c"])).toEqual([{ aStart: 1, aEnd: 2, bStart: 1, bEnd: 1 }]);
  });

  it("keeps two separate edits apart", () => {
    expect(diffSequences(["a", "b", "c", "d", "e"], ["x", "b", "c", "d", "y"])).toEqual([
      { aStart: 0, aEnd: 1, bStart: 0, bEnd: 1 },
      { aStart: 4, aEnd: 5, bStart: 4, bEnd: 5 },
    ]);
  });

  it("always describes a way from one sequence to the other, with matched items equal (fixed seed)", () => {
    const sequence = fc.array(fc.constantFrom("a", "b", "c", "d"), { maxLength: 30 });
    fc.assert(
      fc.property(sequence, sequence, (a, b) => {
        const hunks = diffSequences(a, b);
        expect(apply(a, b, hunks)).toEqual(b);
        // Hunks are in order and do not touch: otherwise they would be one.
        for (let i = 1; i < hunks.length; i++) expect(hunks[i].aStart).toBeGreaterThan(hunks[i - 1].aEnd - 1);
      }),
      { seed: 9, numRuns: 300 },
    );
  });
});
