import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtinRules } from "../rules/index.js";

const rulesDir = join(import.meta.dirname, "..", "rules");
const testsDir = join(import.meta.dirname, "rules");

describe("every rule module", () => {
  // A rule is a file `rules/<id>.ts`, or a folder `rules/<id>/` whose `index.ts` defines it (its helpers beside it).
  const files = readdirSync(rulesDir, { withFileTypes: true })
    .filter((e) => (e.isFile() && e.name.endsWith(".ts") && e.name !== "index.ts") || (e.isDirectory() && existsSync(join(rulesDir, e.name, "index.ts"))))
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
