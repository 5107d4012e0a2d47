import { describe, expect, it } from "vitest";
import { changedLinesDiff, removalDiff } from "../../src/drift/word-diff.js";

const BEFORE = "# Fruit\n\nApples are red.\n\nPears are green\nand sweet.\n\nPlums are purple.\n";

describe("the changed source words of a block", () => {
  it("maps the block's lines now back to the lines they came from, past an insertion above", () => {
    const now = "# Fruit\n\nA new first line.\n\nApples are red.\n\nPears are yellow\nand sweet.\n\nPlums are purple.\n";
    expect(changedLinesDiff(BEFORE, now, 7, 8)).toEqual([
      { op: "same", text: "Pears are " },
      { op: "removed", text: "green" },
      { op: "added", text: "yellow" },
      { op: "same", text: "\nand sweet." },
    ]);
    expect(changedLinesDiff(BEFORE, now, 3, 3)).toEqual([{ op: "added", text: "A new first line." }]);
  });

  it("without the old text (a stamp), shows the lines as added", () => {
    expect(changedLinesDiff(undefined, BEFORE, 3, 3)).toEqual([{ op: "added", text: "Apples are red." }]);
  });

  it("shows removed text as removed", () => {
    const now = "# Fruit\n\nApples are red.\n\nPlums are purple.\n";
    expect(removalDiff(BEFORE, now, 4)).toEqual([{ op: "removed", text: "Pears are green\nand sweet.\n" }]);
  });
});
