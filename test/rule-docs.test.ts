import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtinRules } from "../rules/index.js";
import { defineRule } from "../src/core/rule.js";
import { RULE_DOCS_FOLDER, rulePage, rulePages, rulesTable, withRulesTable } from "../src/core/rule-docs.js";
import * as z from "zod";

const root = join(import.meta.dirname, "..");
const REGENERATE = "stale: run `npm run docs` to regenerate docs/rules/ and the README's rules table";

function onDisk(path: string): string | undefined {
  const file = join(root, path);
  return existsSync(file) ? readFileSync(file, "utf8") : undefined;
}

describe("the generated rule docs", () => {
  for (const [path, text] of rulePages(builtinRules)) {
    it(`${path} is up to date`, () => {
      expect(onDisk(path), `${path} is ${REGENERATE}`).toBe(text);
    });
  }

  it("docs/rules/ holds a page for each rule and nothing else", () => {
    const pages = readdirSync(join(root, RULE_DOCS_FOLDER)).filter((name) => name.endsWith(".md")).sort();
    expect(pages, `docs/rules/ is ${REGENERATE}`).toEqual(builtinRules.map((r) => `${r.id}.md`).sort());
  });

  it("the README's rules table is up to date, each rule linked to its page", () => {
    const readme = onDisk("README.md")!;
    expect(readme, `README.md's rules table is ${REGENERATE}`).toBe(withRulesTable(readme, builtinRules));
    for (const rule of builtinRules) expect(readme).toContain(`| [\`${rule.id}\`](docs/rules/${rule.id}.md) |`);
  });
});

describe("a rule's page", () => {
  const rule = defineRule({
    id: "sample-rule",
    description: "A rule made up for this test.",
    severity: "warn",
    enabledByDefault: false,
    fixable: true,
    schema: z.object({ limit: z.number().int().min(2).default(3).describe("How many is too many."), names: z.array(z.string()).default([]) }).strict(),
    messages: { found: "Found {{what}}." },
    examples: {
      valid: [{ title: "Nothing to find.", code: "Tudo certo.\n" }],
      invalid: [
        {
          title: "A parallel pair with a fix.",
          source: "Use ```code``` here.\n",
          code: "Usa ```código``` aquí.\n",
          targetLanguage: "es",
          messages: ["Found it."],
          output: "Usa `código` aquí.\n",
        },
      ],
    },
    check() {},
  });
  const page = rulePage(rule);

  it("states the defaults, and that the rule is off until turned on", () => {
    expect(page).toContain("- Severity: `warn`");
    expect(page).toContain("- On by default: no");
    expect(page).toContain("- Fixable: yes");
  });

  it("lists each option with its type, default and description from the zod schema", () => {
    expect(page).toContain("| `limit` | a whole number, at least 2 | `3` | How many is too many. |");
    expect(page).toContain("| `names` | an array of strings | `[]` |  |");
  });

  it("shows an example's source, translation, messages and fixed text, fenced so that backticks inside show", () => {
    expect(page).toContain("Source:\n\n````markdown\nUse ```code``` here.\n````");
    expect(page).toContain("Reported:\n\n```text\nFound it.\n```");
    expect(page).toContain("After `--fix`:\n\n```markdown\nUsa `código` aquí.\n```");
    expect(page).toContain("- Language of the translation: `es`.");
  });

  it("is linked from the table, off by default", () => {
    expect(rulesTable([rule])).toContain("| [`sample-rule`](docs/rules/sample-rule.md) | off | yes | A rule made up for this test. |");
  });
});
