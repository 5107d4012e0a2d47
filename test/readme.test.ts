import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { builtinRules } from "../rules/index.js";

const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");

it("the README's rule table lists every rule with its description, as the rules define them", () => {
  const table = readme.slice(readme.indexOf("<!-- rules:start -->"), readme.indexOf("<!-- rules:end -->"));
  for (const rule of builtinRules) {
    expect(table, `README row for ${rule.id} (regenerate: node scripts/rules-table.mjs --write)`).toContain(
      `| \`${rule.id}\` | ${rule.enabledByDefault === false ? "off" : rule.severity} | ${rule.fixable ? "yes" : ""} | ${rule.description} |`,
    );
  }
  const rows = table.split("\n").filter((l) => l.startsWith("| `"));
  expect(rows).toHaveLength(builtinRules.length);
});

it("the README's first screen gives the install-and-lint command and the test command", () => {
  const firstScreen = readme.split("\n").slice(0, 25).join("\n");
  expect(firstScreen).toContain("npm ci && node bin/nl-lint.js fixtures/examples");
  expect(firstScreen).toContain("npm test");
});
