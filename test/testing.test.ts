import { AssertionError } from "node:assert";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import * as z from "zod";
import { defineRule, matchedPairs } from "../src/core/rule.js";
import { RuleTester } from "../src/testing.js";

/** Reports "colour" in a translation whose source says "color", and fixes it. */
const spelling = defineRule({
  id: "us-spelling",
  description: "A translation keeps the source's US spelling.",
  severity: "warn",
  fixable: true,
  schema: z.object({ word: z.string().default("colour") }).strict(),
  messages: { spelling: "Write {{word}} as the source does." },
  check({ document, options, report }) {
    for (const pair of matchedPairs(document)) {
      for (const segment of pair.translations) {
        const at = document.text.indexOf(options.word, segment.start);
        if (at < 0 || at >= segment.end) continue;
        report({ messageId: "spelling", data: { word: options.word }, side: "translation", start: at, end: at + options.word.length, fix: { range: [at, at + options.word.length], text: "color" } });
      }
    }
  },
});

const root = join(import.meta.dirname, "..");

const INLINE = "<!-- Pick a color. -->\nPick a colour.\n";

afterEach(() => {
  RuleTester.describe = undefined;
  RuleTester.it = undefined;
});

describe("RuleTester without a test framework", () => {
  it("runs each case at once and returns when all hold, inline and parallel", () => {
    new RuleTester().run(spelling, {
      valid: ["<!-- Pick a color. -->\nPick a color.\n", { code: "Pick a shade.\n", source: "Pick a color.\n" }],
      invalid: [
        { code: INLINE, errors: [{ messageId: "spelling", line: 2, column: 8, endColumn: 14, side: "translation" }], output: "<!-- Pick a color. -->\nPick a color.\n" },
        { name: "a parallel pair", code: "Pick a colour.\n", source: { text: "Pick a color.\n", filePath: "en/pick.md" }, errors: [{ message: "Write colour as the source does." }], output: "Pick a color.\n" },
        { name: "options", code: "<!-- Pick a grey. -->\nPick a gray.\n", options: { word: "gray" }, errors: [{ messageId: "spelling", messageIncludes: "gray" }], output: "<!-- Pick a grey. -->\nPick a color.\n" },
      ],
    });
  });

  it("throws an AssertionError for a valid case that gives a finding", () => {
    expect(() => new RuleTester().run(spelling, { valid: [INLINE], invalid: [] })).toThrow(AssertionError);
  });

  it("throws for an invalid case whose findings differ in count, id or position", () => {
    const wrong = [
      { code: INLINE, errors: [{ messageId: "spelling" }, { messageId: "spelling" }], output: "<!-- Pick a color. -->\nPick a color.\n" },
      { code: INLINE, errors: [{ messageId: "other" }], output: "<!-- Pick a color. -->\nPick a color.\n" },
      { code: INLINE, errors: [{ messageId: "spelling", line: 1 }], output: "<!-- Pick a color. -->\nPick a color.\n" },
      { code: INLINE, errors: [{ messageId: "spelling" }], output: INLINE },
    ];
    for (const c of wrong) expect(() => new RuleTester().run(spelling, { valid: [], invalid: [c] }), JSON.stringify(c.errors)).toThrow(AssertionError);
  });

  it("throws when the rule reports a message id its messages lack", () => {
    const unlisted = defineRule({ ...spelling, messages: {} });
    expect(() => new RuleTester().run(unlisted, { valid: [], invalid: [{ code: INLINE, errors: [{ messageId: "spelling" }], output: "<!-- Pick a color. -->\nPick a color.\n" }] })).toThrow(/messageId "spelling", which its messages lack/);
  });

  it("asks for the output of a case that has a fix", () => {
    expect(() => new RuleTester().run(spelling, { valid: [], invalid: [{ code: INLINE, errors: [{ messageId: "spelling" }] }] })).toThrow(/give its expected output/);
  });
});

describe("nl-lint/testing stays out of the linter", () => {
  it("is imported by no module of src/ or rules/ (it uses node:assert)", () => {
    const files = ["src", "rules"].flatMap((folder) => readdirSync(join(root, folder), { recursive: true, encoding: "utf8" }).map((f) => join(folder, f)));
    const modules = files.filter((f) => f.endsWith(".ts") && f !== join("src", "testing.ts"));
    expect(modules.length).toBeGreaterThan(20);
    expect(modules.filter((f) => /from\s+["'][^"']*\/testing\.js["']/.test(readFileSync(join(root, f), "utf8")))).toEqual([]);
  });
});

describe("RuleTester in a framework", () => {
  it("names a block after the rule and a test after each case, through the describe and it it is given", () => {
    const names: string[] = [];
    RuleTester.describe = (name, body) => {
      names.push(`describe ${name}`);
      body();
    };
    RuleTester.it = (name) => names.push(`it ${name}`);
    new RuleTester().run(spelling, { valid: ["Text.\n"], invalid: [{ name: "a slip", code: INLINE, errors: [{ messageId: "spelling" }] }] });
    expect(names).toEqual(["describe us-spelling", "it valid #1", "it invalid #1: a slip"]);
  });
});
