import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtinRules } from "../rules/index.js";

const rulesDir = join(import.meta.dirname, "..", "rules");
const testsDir = join(import.meta.dirname, "rules");

describe("every rule module", () => {
  // A rule is a file `<id>.ts`, or a folder `<id>/` with an index.ts when it has helpers of its own.
  const modules = readdirSync(rulesDir, { withFileTypes: true })
    .filter((entry) => (entry.isFile() && entry.name.endsWith(".ts") && entry.name !== "index.ts") || (entry.isDirectory() && existsSync(join(rulesDir, entry.name, "index.ts"))))
    .map((entry) => entry.name.replace(/\.ts$/, ""));

  it("is registered, and every registered rule has its own file or folder", () => {
    expect(builtinRules.map((r) => r.id).sort()).toEqual(modules.sort());
  });

  for (const rule of builtinRules) {
    it(`${rule.id}: has a kebab-case id, a one-line description, messages, an options schema and tests`, () => {
      expect(rule.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(rule.description.length).toBeGreaterThan(10);
      expect(rule.description).not.toContain("\n");
      expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
      expect(rule.schema.safeParse({}).success).toBe(true);
      expect(["warn", "error"]).toContain(rule.severity);
      expect(readdirSync(testsDir)).toContain(`${rule.id}.test.ts`);
    });
  }
});
