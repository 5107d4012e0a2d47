import { describe, expect, it } from "vitest";
import { explicitHeadingId } from "../src/anchors.js";
import { featuresOf } from "../src/features.js";
import type { Segment } from "../src/types.js";

/** Seconds one call takes; the budgets below are far above linear time and far below the old blow-ups. */
function secondsFor(work: () => unknown): number {
  const start = performance.now();
  work();
  return (performance.now() - start) / 1000;
}

describe("inputs built to make regular expressions backtrack", () => {
  it("reads a heading's attribute block with many '=' and no closing brace at once", () => {
    // Once split in exponentially many ways: 22 pairs took 11 s, 40 would take days.
    const heading = `## Title {${"ab=".repeat(40)} tail`;
    expect(secondsFor(() => expect(explicitHeadingId(heading)).toBeUndefined())).toBeLessThan(0.5);
    expect(explicitHeadingId("## Next steps {#next .big lang=en}")).toMatchObject({ id: "next" });
  });

  it("finds a paragraph's names and code in linear time, through long runs of letters and backticks", () => {
    // Each position of such a run used to rescan the rest of it: 40,000 letters took 9 s.
    const paragraph = (raw: string) => ({ id: 0, side: "translation", kind: "paragraph", start: 0, end: raw.length, raw, nodes: [] }) as Segment;
    const letters = paragraph(`Texto ${"b".repeat(200_000)} e o iPhone com \`npm ci\`.`);
    const ticks = paragraph(`Código ${"`".repeat(200_000)} fim.`);
    expect(secondsFor(() => featuresOf(letters))).toBeLessThan(1);
    expect(secondsFor(() => featuresOf(ticks))).toBeLessThan(1);
    expect([...featuresOf(letters).names]).toEqual(["iphone"]);
    expect([...featuresOf(letters).code]).toEqual(["npm ci"]);
  });
});
