import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lint } from "../src/core/lint.js";

const folder = join(import.meta.dirname, "..", "fixtures", "examples");

/** `line rule` lines of a fixture's `.expected` file, comments and blank lines aside. */
function expectedFindings(file: string): string[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"))
    .sort();
}

describe("bundled example posts give exactly the findings written beside them", () => {
  for (const name of readdirSync(folder).filter((f) => f.endsWith(".md"))) {
    it(name, () => {
      const path = join(folder, name);
      const { findings } = lint(readFileSync(path, "utf8"), { filePath: path });
      const actual = findings.map((f) => `${f.line} ${f.ruleId}`).sort();
      expect(actual).toEqual(expectedFindings(path.replace(/\.md$/, ".expected")));
    });
  }
});
