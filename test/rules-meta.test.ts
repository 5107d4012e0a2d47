import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtinRules } from "../rules/index.js";

const rulesDir = join(import.meta.dirname, "..", "rules");
const testsDir = join(import.meta.dirname, "rules");

describe("every rule module", () => {
  // A rule is a file, or a folder whose index.ts holds it beside the helpers only it uses.
  const files = readdirSync(rulesDir, { withFileTypes: true })
    .filter((e) => (e.isFile() && e.name.endsWith(".ts") && e.name !== "index.ts") || (e.isDirectory() && readdirSync(join(rulesDir, e.name)).includes("index.ts")))
    .map((e) => (e.isDirectory() ? `${e.name}.ts` : e.name));

  it("is registered, and every registered rule has its own file", () => {
    expect(builtinRules.map((r) => `${r.id}.ts`).sort()).toEqual(files.sort());
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
