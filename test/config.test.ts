import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { validateConfig } from "../src/node/config-schema.js";
import { ConfigError, ConfigLoader } from "../src/node/config.js";
import { starterConfig } from "../src/cli/init.js";
import { defineRule } from "../src/core/rule.js";

/** A rule with options, so that option errors can be checked whatever the built-in rules take. */
const spelling = defineRule({
  id: "typo",
  description: "Misspelled words.",
  severity: "warn",
  fixable: false,
  schema: z.object({ words: z.array(z.string()).optional(), minLength: z.number().int().min(1).optional() }).strict(),
  messages: { found: "x" },
  check() {},
});
const links = defineRule({ id: "broken-link", description: "Broken links.", severity: "error", fixable: false, schema: z.object({}).strict(), messages: {}, check() {} });
const ruleSet = [links, spelling];

let root: string;
afterEach(() => root && rmSync(root, { recursive: true, force: true }));

function tree(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), "nl-lint-config-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function problemsOf(raw: unknown): string[] {
  const checked = validateConfig(raw, ruleSet);
  return "problems" in checked ? checked.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)) : [];
}

function loadError(files: Record<string, string>, file = "docs/post.md"): string {
  const dir = tree(files);
  try {
    new ConfigLoader({ ruleSet, cwd: dir }).forFile(join(dir, file));
  } catch (error) {
    if (error instanceof ConfigError) return error.describe(error.filePath.slice(dir.length + 1));
    throw error;
  }
  throw new Error("no error");
}

describe("configuration discovery", () => {
  it("finds the nearest configuration from the file's folder upwards", () => {
    const dir = tree({
      ".nl-lint.json": JSON.stringify({ rules: { typo: "off" } }),
      "docs/pt/.nl-lint.yaml": "rules:\n  typo: error\n",
      "docs/pt/deep/post.md": "",
      "docs/en/post.md": "",
    });
    const loader = new ConfigLoader({ ruleSet, cwd: dir });
    expect(loader.forFile(join(dir, "docs/pt/deep/post.md")).rules).toEqual({ typo: "error" });
    expect(loader.forFile(join(dir, "docs/pt/deep/post.md")).filePath).toBe(join(dir, "docs/pt/.nl-lint.yaml"));
    expect(loader.forFile(join(dir, "docs/en/post.md")).rules).toEqual({ typo: "off" });
  });

  it("in one folder, .nl-lint.json wins over .nl-lint.yaml, then nl-lint.config.json, then package.json", () => {
    const all = {
      ".nl-lint.json": JSON.stringify({ targetLanguage: "from-json" }),
      ".nl-lint.yaml": "targetLanguage: from-yaml\n",
      "nl-lint.config.json": JSON.stringify({ targetLanguage: "from-config-json" }),
      "package.json": JSON.stringify({ name: "x", "nl-lint": { targetLanguage: "from-package" } }),
    };
    const order = ["from-json", "from-yaml", "from-config-json", "from-package"];
    const names = Object.keys(all);
    for (let i = 0; i < names.length; i++) {
      const files = Object.fromEntries(names.slice(i).map((n) => [n, all[n as keyof typeof all]]));
      const dir = tree(files);
      expect(new ConfigLoader({ ruleSet, cwd: dir }).forFile(join(dir, "a.md")).targetLanguage).toBe(order[i]);
      rmSync(dir, { recursive: true });
    }
  });

  it("a package.json without an nl-lint key does not stop the search", () => {
    const dir = tree({ ".nl-lint.json": JSON.stringify({ words: ["fastpages"] }), "site/package.json": JSON.stringify({ name: "site" }) });
    expect(new ConfigLoader({ ruleSet, cwd: dir }).forFile(join(dir, "site/a.md")).settings.words).toEqual(["fastpages"]);
  });

  it("an explicit --config file applies to every file and no search is made", () => {
    const dir = tree({ ".nl-lint.json": JSON.stringify({ targetLanguage: "fr" }), "ci/strict.yaml": "targetLanguage: de\n" });
    const loader = new ConfigLoader({ ruleSet, cwd: dir, configFile: "ci/strict.yaml" });
    expect(loader.forFile(join(dir, "a.md")).targetLanguage).toBe("de");
  });

  it("without any configuration, the defaults apply", () => {
    const dir = tree({ "a.md": "" });
    const config = new ConfigLoader({ ruleSet, cwd: dir }).forFile(join(dir, "a.md"));
    expect(config).toMatchObject({ rules: {}, pairs: [], ignores: [], settings: {} });
  });

  it("exposes pairs, word lists and languages as written, relative to the configuration's folder", () => {
    const dir = tree({
      "site/.nl-lint.yaml": [
        "sourceLanguage: en",
        "targetLanguage: pt-BR",
        "pairs:",
        "  - source: content/en/**",
        "    translation: content/{lang}/**",
        "words: [fastpages, BERTology]",
        "corrections:",
        "  recieve: receive",
        "urlLocalizations:",
        "  - source: https://react.dev/",
        "    translation: https://pt-br.react.dev/",
        "rules:",
        "  typo: [error, {words: [Hugging]}]",
        "reportUnusedDisableDirectives: warn",
      ].join("\n"),
    });
    const config = new ConfigLoader({ ruleSet, cwd: dir }).forFile(join(dir, "site/content/pt-br/a.md"));
    expect(config).toEqual({
      filePath: join(dir, "site/.nl-lint.yaml"),
      baseDir: join(dir, "site"),
      sourceLanguage: "en",
      targetLanguage: "pt-BR",
      pairs: [{ source: "content/en/**", translation: "content/{lang}/**" }],
      ignores: [],
      rules: { typo: ["error", { words: ["Hugging"] }] },
      settings: {
        words: ["fastpages", "BERTology"],
        corrections: { recieve: "receive" },
        urlLocalizations: [{ source: "https://react.dev/", translation: "https://pt-br.react.dev/" }],
      },
      reportUnusedDisableDirectives: "warn",
    });
  });
});

describe("configuration errors name the file, the key path and what was expected", () => {
  it("a rule's option, checked by the rule's own schema", () => {
    expect(loadError({ ".nl-lint.json": JSON.stringify({ rules: { typo: ["warn", { words: "fastpages" }] } }) })).toBe(
      `.nl-lint.json: rules.typo.words: expected an array of strings, got the string "fastpages"`,
    );
  });

  it("a wrong item of a list is reported at the list", () => {
    expect(problemsOf({ rules: { typo: ["warn", { words: ["ok", 3] }] } })).toEqual(["rules.typo.words: expected an array of strings (item 2 is the number 3)"]);
    expect(problemsOf({ words: ["ok", null] })).toEqual(["words: expected an array of strings (item 2 is null)"]);
  });

  it("an option a rule does not take", () => {
    expect(problemsOf({ rules: { typo: ["warn", { word: [] }] } })).toEqual([`rules.typo: unknown key "word" (expected one of: words, minLength)`]);
    expect(problemsOf({ rules: { "broken-link": ["error", { strict: true }] } })).toEqual([`rules.broken-link: unknown key "strict" (this takes no options)`]);
  });

  it("an option out of range", () => {
    expect(problemsOf({ rules: { typo: ["warn", { minLength: 0 }] } })).toEqual(["rules.typo.minLength: expected number to be >=1"]);
  });

  it("a severity that is not off, warn or error", () => {
    expect(problemsOf({ rules: { typo: "on" } })).toEqual([`rules.typo: expected "off", "warn" or "error", or [severity, options], got "on"`]);
    expect(problemsOf({ rules: { typo: [2] } })).toEqual([`rules.typo[0]: expected "off", "warn" or "error", or [severity, options], got 2`]);
    expect(problemsOf({ rules: { typo: ["warn", {}, {}] } })).toEqual([`rules.typo: expected "off", "warn" or "error", or [severity, options]: a list of at most 2 items`]);
  });

  it("an unknown rule, with a near name suggested", () => {
    expect(problemsOf({ rules: { tpyo: "warn" } })).toEqual(["rules.tpyo: unknown rule (did you mean typo?); known rules: broken-link, typo"]);
  });

  it("each top-level setting", () => {
    expect(problemsOf({ words: "fastpages" })).toEqual([`words: expected an array of strings, got the string "fastpages"`]);
    expect(problemsOf({ sourceLanguage: 5 })).toEqual(["sourceLanguage: expected a string, got the number 5"]);
    expect(problemsOf({ corrections: { recieve: 3 } })).toEqual(["corrections.recieve: expected a string, got the number 3"]);
    expect(problemsOf({ corrections: ["a"] })).toEqual(["corrections: expected an object whose values are strings, got an array"]);
    expect(problemsOf({ ignores: [1] })).toEqual(["ignores: expected an array of strings (item 1 is the number 1)"]);
    expect(problemsOf({ pairs: [{ source: "en/**" }] })).toEqual(["pairs[0].translation: required: expected a string"]);
    expect(problemsOf({ pairs: [{ source: "en/**", translation: "{language}/**" }] })).toEqual(["pairs[0].translation: unknown placeholder {language}: the only one is {lang}"]);
    expect(problemsOf({ urlLocalizations: [{ source: "https://docs.example.dev/", translation: "https://docs.example.dev/{locale}/" }] })).toEqual([
      "urlLocalizations[0].translation: unknown placeholder {locale}: the only one is {lang}",
    ]);
    expect(problemsOf({ urlLocalizations: [{ source: "https://docs.example.dev/", translation: "https://{lang}.docs.example.dev/" }] })).toEqual([]);
    expect(problemsOf({ urlLocalizations: { "https://a/": "https://b/" } })).toEqual([
      "urlLocalizations: expected an array of objects, got an object",
    ]);
    expect(problemsOf({ reportUnusedDisableDirectives: true })).toEqual([`reportUnusedDisableDirectives: expected one of "off", "warn", "error", got true`]);
    expect(problemsOf({ rule: {} })[0]).toMatch(/^unknown key "rule" \(expected one of: .*rules/);
    expect(problemsOf([])).toEqual(["expected an object of settings, got an array"]);
  });

  it("several problems are all listed", () => {
    expect(problemsOf({ words: 1, sourceLanguage: [] })).toHaveLength(2);
  });

  it("syntax errors in JSON and YAML", () => {
    expect(loadError({ ".nl-lint.json": "{ \"rules\": " })).toMatch(/^\.nl-lint\.json: cannot parse JSON: /);
    expect(loadError({ ".nl-lint.yaml": "rules:\n  typo: [warn\n" })).toMatch(/^\.nl-lint\.yaml: cannot parse YAML: .*line/);
  });

  it("the nl-lint key of package.json", () => {
    expect(loadError({ "package.json": JSON.stringify({ name: "x", "nl-lint": { words: "x" } }) })).toBe(
      `package.json: nl-lint.words: expected an array of strings, got the string "x"`,
    );
  });

  it("a missing --config file", () => {
    const dir = tree({});
    expect(() => new ConfigLoader({ ruleSet, cwd: dir, configFile: "nope.json" })).toThrow(/nope\.json: cannot read: ENOENT/);
  });
});

describe("the starter configuration (--init)", () => {
  it("is valid, lists every rule at its default severity, and explains itself", () => {
    const text = starterConfig(ruleSet);
    const checked = validateConfig(parseYaml(text), ruleSet);
    expect("config" in checked && checked.config.rules).toEqual({ "broken-link": "error", typo: "warn" });
    expect(text).toContain("# pairs:");
    expect(text).toMatch(/typo: +warn +# Misspelled words\./);
  });

  it("stays valid with every commented example turned on", () => {
    const uncommented = starterConfig(ruleSet)
      .split("\n")
      .map((line) => line.replace(/^# ( *[-\w$]+:.*|  .*)$/, "$1"))
      .filter((line) => !line.startsWith("#"))
      .join("\n");
    const raw = parseYaml(uncommented);
    expect(Object.keys(raw)).toEqual(expect.arrayContaining(["pairs", "ignores", "words", "corrections", "urlLocalizations", "targetLanguage"]));
    expect(problemsOf(raw)).toEqual([]);
  });
});
