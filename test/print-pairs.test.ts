import { describe, expect, it } from "vitest";
import { buildDocument } from "../src/core/document.js";
import { describePairs } from "../src/pair/print-pairs.js";

describe("describePairs", () => {
  it("shows code as written, underscores and backticks included", () => {
    const text = "<!-- Call `buf.push_str(\"x\")` to append. -->\n\nChame `buf.push_str(\"x\")` para acrescentar.\n";
    const out = describePairs(buildDocument(text));
    expect(out).toContain('Call `buf.push_str("x")` to append.');
    expect(out).toContain('Chame `buf.push_str("x")` para acrescentar.');
  });

  it("leaves out the comment markers between the lines of a source kept one comment a line", () => {
    const text = "<!-- The first line -->\n<!-- and the second. -->\nA primeira linha e a segunda.\n";
    expect(describePairs(buildDocument(text))).toContain("The first line and the second.  ↔");
  });
});
