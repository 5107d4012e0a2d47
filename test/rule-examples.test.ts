import { describe, expect, it } from "vitest";
import { builtinRules } from "../rules/index.js";
import { applyFixes } from "../src/core/fix.js";
import { lint, type RuleSetting } from "../src/core/lint.js";
import { lintProject } from "../src/core/lint-project.js";
import type { LintSettings, Rule, RuleExample, Speller } from "../src/core/rule.js";
import { memoryFiles } from "./helpers/memory-files.js";

/**
 * Each rule's documented examples run as tests, as remark-lint's docs do: a valid example gives no
 * finding of its rule, an invalid one gives exactly its messages in order, and `output` is the text
 * after its fixes. A new rule in `builtinRules` is picked up without touching this file.
 */

/** A speller that knows exactly the listed words; its suggestions are all of them, for the rule to filter. */
function listSpeller(words: string[]): Speller {
  const known = new Set(words);
  return {
    correct: (word) => known.has(word) || known.has(word.toLowerCase()),
    suggest: () => [...words],
  };
}

/** The services an example's plain data stands for. */
function exampleSettings(example: RuleExample): LintSettings {
  const { dictionaries, files, drift, ...plain } = example.settings ?? {};
  const settings: LintSettings = { ...plain };
  if (dictionaries) settings.speller = (language) => (dictionaries[language] ? listSpeller(dictionaries[language]) : undefined);
  if (files) settings.files = memoryFiles(files, ["/"]);
  if (drift) {
    if (!example.filePath) throw new Error("an example with drift needs a filePath: drift is keyed by the translation's path");
    settings.sourceDrift = { [example.filePath]: drift };
  }
  return settings;
}

/** Lints an example with its rule alone, switched on with the example's options. */
export function runExample(rule: Rule, example: RuleExample) {
  const text = example.code;
  const options = {
    targetLanguage: example.targetLanguage,
    ruleSet: [rule],
    rules: { [rule.id]: [rule.severity, example.options ?? {}] as RuleSetting },
    settings: exampleSettings(example),
  };
  const source = example.source !== undefined ? { source: { text: example.source, filePath: example.sourcePath } } : {};
  const { findings } = example.otherFiles
    ? lintProject([{ filePath: example.filePath ?? "/example.md", text, ...source }, ...example.otherFiles.map((f) => ({ filePath: f.filePath, text: f.code }))], options)[0]
    : lint(text, { filePath: example.filePath, ...source, ...options });
  const own = findings.filter((f) => f.ruleId === rule.id);
  const fixed = own.some((f) => f.fix) ? applyFixes(text, own).output : undefined;
  return { messages: own.map((f) => f.message), fixed };
}

/** Where an example and its rule disagree, in words; empty when the example holds. */
export function exampleProblems(rule: Rule, example: RuleExample, kind: "valid" | "invalid"): string[] {
  const { messages, fixed } = runExample(rule, example);
  const expected = kind === "valid" ? [] : (example.messages ?? []);
  const problems: string[] = [];
  if (kind === "invalid" && expected.length === 0) problems.push("an invalid example must list its messages");
  if (kind === "valid" && (example.messages?.length || example.output !== undefined)) problems.push("a valid example lists no messages and no output");
  if (JSON.stringify(messages) !== JSON.stringify(expected)) {
    problems.push(`messages differ:\n  expected ${JSON.stringify(expected, null, 2)}\n  actual   ${JSON.stringify(messages, null, 2)}`);
  }
  if (fixed !== undefined && kind === "invalid" && example.output === undefined) problems.push(`the rule fixes this example: give its output:\n${fixed}`);
  if (example.output !== undefined && fixed !== example.output) {
    problems.push(`output differs:\n--- expected\n${example.output}\n--- actual\n${fixed ?? "(no fix)"}`);
  }
  return problems;
}

for (const rule of builtinRules) {
  describe(`${rule.id} examples`, () => {
    const examples = rule.examples ?? { valid: [], invalid: [] };

    it("has at least two valid and two invalid examples, and a fixed one when the rule fixes", () => {
      expect(examples.valid.length, "valid examples").toBeGreaterThanOrEqual(2);
      expect(examples.invalid.length, "invalid examples").toBeGreaterThanOrEqual(2);
      if (rule.fixable) expect(examples.invalid.some((e) => e.output !== undefined), "an example with output").toBe(true);
    });

    for (const kind of ["valid", "invalid"] as const) {
      for (const example of examples[kind]) {
        it(`${kind}: ${example.title}`, () => {
          expect(exampleProblems(rule, example, kind).join("\n\n")).toBe("");
        });
      }
    }
  });
}

describe("the examples runner", () => {
  const rule = builtinRules.find((r) => r.id === "broken-link")!;
  const example: RuleExample = {
    title: "a space between the brackets and the parentheses",
    code: "Leia o [guia] (https://example.org/guia).\n",
    messages: ["Link will not render: space between ']' and '(' in '[guia] (https://example.org/guia)'."],
    output: "Leia o [guia](https://example.org/guia).\n",
  };

  it("accepts an example that matches its rule", () => {
    expect(exampleProblems(rule, example, "invalid")).toEqual([]);
  });

  it("fails an example whose message the rule does not give word for word", () => {
    const reworded = { ...example, messages: ["Link will not render: space between ']' and '('."] };
    expect(exampleProblems(rule, reworded, "invalid").join("\n")).toContain("messages differ");
  });

  it("fails an example whose fixed text differs, or a fixed example that gives none", () => {
    expect(exampleProblems(rule, { ...example, output: example.code }, "invalid").join("\n")).toContain("output differs");
    const { output: _, ...withoutOutput } = example;
    expect(exampleProblems(rule, withoutOutput, "invalid").join("\n")).toContain("give its output");
  });

  it("fails a valid example the rule reports", () => {
    const { messages: _m, output: _o, ...code } = example;
    expect(exampleProblems(rule, code, "valid").join("\n")).toContain("messages differ");
  });
});
