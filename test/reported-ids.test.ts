import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { builtinRules } from "../rules/index.js";
import { formatSarif } from "../src/formatters/sarif.js";
import { toFileResult } from "../src/formatters/types.js";
import { reportedIdDescription, reportedIds, reportedIdsTable } from "../src/core/reported-ids.js";

const root = join(fileURLToPath(import.meta.url), "..", "..");

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("the ids nl-lint reports itself", () => {
  it("are all in the registry: every id written as a finding's ruleId in src/ is a rule's or a registered one", () => {
    const written = new Set<string>();
    for (const file of sourceFiles(join(root, "src"))) {
      const text = readFileSync(file, "utf8");
      // A finding made in place (`ruleId: "x"`) or through the engine's fileProblem(file, message, "x").
      for (const match of text.matchAll(/ruleId: "([a-z-]+)"|fileProblem\([^()]*?, "([a-z-]+)"/g)) written.add(match[1] ?? match[2]);
    }
    expect(written.size).toBeGreaterThan(3);
    const ruleIds = new Set(builtinRules.map((r) => r.id));
    expect([...written].filter((id) => !ruleIds.has(id) && reportedIdDescription(id) === undefined)).toEqual([]);
  });

  it("never take a rule's id", () => {
    const ruleIds = new Set(builtinRules.map((r) => r.id));
    expect(reportedIds.filter((entry) => ruleIds.has(entry.id))).toEqual([]);
  });

  it("are described in SARIF from the registry", () => {
    const finding = { ruleId: "nesting-limit", severity: 1 as const, message: "deep", side: "translation" as const, line: 1, column: 1, endLine: 1, endColumn: 2, start: 0, end: 1 };
    const log = JSON.parse(formatSarif([toFileResult("/tmp/a.md", [finding])], { color: false, cwd: "/tmp" }));
    const [rule] = log.runs[0].tool.driver.rules;
    expect(rule.id).toBe("nesting-limit");
    expect(rule.shortDescription.text).toMatch(/^Block quotes or lists nested deeper/);
  });

  it("are listed in the README as the registry says (regenerate the table when this fails)", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const table = readme.match(/<!-- reported-ids:start -->\n([\s\S]*?)\n<!-- reported-ids:end -->/)?.[1];
    expect(table).toBe(reportedIdsTable());
    for (const entry of reportedIds) expect(table).toContain(`\`${entry.id}\``);
  });
});
