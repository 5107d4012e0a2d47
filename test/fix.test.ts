import { chmodSync, lstatSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import brokenLink from "../rules/broken-link.js";
import mojibake from "../rules/mojibake/index.js";
import { lintFile, type EngineOptions } from "../src/node/engine.js";
import { applyFixes, fixUntilStable } from "../src/core/fix.js";
import { lint } from "../src/core/lint.js";
import { defineRule } from "../src/core/rule.js";
import type { Finding } from "../src/core/types.js";

const ruleSet = [brokenLink];

function folder(): string {
  return mkdtempSync(join(tmpdir(), "nl-lint-fix-"));
}

function fileWith(bytes: string | Buffer, name = "post.md"): string {
  const path = join(folder(), name);
  writeFileSync(path, bytes);
  return path;
}

function fixFile(path: string, options: EngineOptions = {}) {
  return lintFile(path, { ruleSet, fix: true, ...options });
}

/** One report a pass, at the first "aa": the second fix only exists once the first is applied. */
const collapse = defineRule({
  id: "collapse",
  description: "Doubled letters, one pair at a time.",
  severity: "error",
  fixable: true,
  schema: z.object({}).strict(),
  messages: { doubled: "Doubled letter." },
  check({ document, report }) {
    const at = document.text.indexOf("aa");
    if (at >= 0) report({ messageId: "doubled", side: "translation", start: at, end: at + 2, fix: { range: [at, at + 2], text: "a" } });
  },
});

describe("applyFixes", () => {
  const finding = (range: [number, number], text: string): Finding => ({
    ruleId: "x", severity: 2, message: "", side: "translation", line: 1, column: 1, endLine: 1, endColumn: 1, start: range[0], end: range[1], fix: { range, text },
  });

  it("skips a fix that overlaps one already applied", () => {
    expect(applyFixes("abcdef", [finding([1, 3], "X"), finding([2, 4], "Y"), finding([4, 5], "Z")]).output).toBe("aXdZf");
  });

  it("writes the lines a fix adds with the file's own line ending", () => {
    expect(applyFixes("one\r\ntwo\r\n", [finding([5, 5], "new\n")]).output).toBe("one\r\nnew\r\ntwo\r\n");
    expect(applyFixes("one\ntwo\n", [finding([4, 4], "new\n")]).output).toBe("one\nnew\ntwo\n");
  });

  it("fixUntilStable applies fixes that only appear after an earlier one", () => {
    const result = fixUntilStable("aaaa b", (t) => lint(t, { ruleSet: [collapse] }).findings);
    expect(result.output).toBe("a b");
    expect(result.findings).toEqual([]);
  });

  it("stops after a bounded number of passes", () => {
    const result = fixUntilStable("a".repeat(40), (t) => lint(t, { ruleSet: [collapse] }).findings, { passes: 5 });
    expect(result.output).toBe("a".repeat(35));
  });
});

describe("--fix on files", () => {
  const broken = "Veja o [site] (https://example.org).";
  const fixed = "Veja o [site](https://example.org).";

  it("changes only the fixed bytes: CRLF, BOM and a missing final newline are kept", () => {
    const before = `\uFEFF# Título\r\n\r\n${broken}\r\n\r\nFim sem quebra`;
    const path = fileWith(before);
    fixFile(path);
    expect(readFileSync(path, "utf8")).toBe(`\uFEFF# Título\r\n\r\n${fixed}\r\n\r\nFim sem quebra`);
  });

  it("keeps the file's mode and leaves no temporary file behind", () => {
    const path = fileWith(`${broken}\n`);
    chmodSync(path, 0o640);
    fixFile(path);
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(join(path, ".."))).toEqual(["post.md"]);
  });

  it("is idempotent: fixing the fixed file changes nothing and does not write it", () => {
    const path = fileWith(`${broken}\n\n${broken.replace("site", "blog")}\n`);
    fixFile(path);
    const once = readFileSync(path, "utf8");
    const inode = statSync(path).ino;
    const second = fixFile(path);
    expect(readFileSync(path, "utf8")).toBe(once);
    expect(statSync(path).ino).toBe(inode);
    expect(second.result.messages).toEqual([]);
  });

  it("does not touch a file with nothing to fix", () => {
    const path = fileWith(`${fixed}\n`);
    const inode = statSync(path).ino;
    const mtime = statSync(path).mtimeMs;
    fixFile(path);
    expect(statSync(path).ino).toBe(inode);
    expect(statSync(path).mtimeMs).toBe(mtime);
  });

  it("fixes the target of a symbolic link and keeps the link", () => {
    const target = fileWith(`${broken}\n`);
    const link = join(target, "..", "link.md");
    symlinkSync(target, link);
    fixFile(link);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, "utf8")).toBe(`${fixed}\n`);
  });

  it("does not write a file that changed on disk while it was linted, and says so", () => {
    const path = fileWith(`${broken}\n`);
    const meddler = defineRule({
      id: "meddler",
      description: "Edits the file behind the linter's back, as an editor would.",
      severity: "warn",
      fixable: false,
      schema: z.object({}).strict(),
      messages: {},
      check() {
        writeFileSync(path, "Someone else's edit.\n");
      },
    });
    const outcome = lintFile(path, { ruleSet: [brokenLink, meddler], fix: true });
    expect(readFileSync(path, "utf8")).toBe("Someone else's edit.\n");
    expect(outcome.result.messages.map((m) => m.ruleId)).toEqual(["fix-conflict", "broken-link"]);
    expect(outcome.result.messages[0].message).toContain("changed on disk");
  });
});

describe("--fix-dry-run", () => {
  it("gives the would-be output and writes nothing", () => {
    const before = "Veja o [site] (https://example.org).\n";
    const path = fileWith(before);
    const inode = statSync(path).ino;
    const outcome = lintFile(path, { ruleSet, fixDryRun: true });
    expect(outcome.result.output).toBe("Veja o [site](https://example.org).\n");
    expect(readFileSync(path, "utf8")).toBe(before);
    expect(statSync(path).ino).toBe(inode);
  });

  it("gives no output for a file it would not change, as ESLint does", () => {
    const path = fileWith("Tudo certo.\n");
    expect(lintFile(path, { ruleSet, fixDryRun: true }).result.output).toBeUndefined();
  });
});

/** A rule with one report a match of `pattern` and a fix that writes `replacement`: the tests' fixes, good and bad. */
function replacing(id: string, pattern: RegExp, replacement: string) {
  return defineRule({
    id,
    description: `Replaces ${pattern} with ${JSON.stringify(replacement)}.`,
    severity: "warn",
    fixable: true,
    schema: z.object({}).strict(),
    messages: { found: "Found {{text}}." },
    check({ document, report }) {
      for (const m of document.text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))) {
        const [start, end] = [m.index, m.index + m[0].length];
        report({ messageId: "found", data: { text: m[0] }, side: "translation", start, end, fix: { range: [start, end], text: replacement } });
      }
    },
  });
}

describe("fixes verified by linting again", () => {
  const fixWith = (text: string, rules: ReturnType<typeof replacing>[], fixRules?: string[]) =>
    fixUntilStable(text, (t) => lint(t, { ruleSet: rules }).findings, fixRules ? { allowed: (f) => fixRules.includes(f.ruleId) } : {});

  it("rolls back a fix that brings a finding of another rule, and offers it as a suggestion", () => {
    // A French word "fixed" into the mojibake of its accented letter: the mojibake rule then reports it.
    const damaging = replacing("accent-to-bytes", /café/, "cafÃ©");
    const text = "Le café est servi à la terrasse.\n";
    const outcome = fixUntilStable(text, (t) => lint(t, { ruleSet: [damaging, mojibake] }).findings);
    expect(outcome.output).toBe(text);
    expect(outcome.changed).toBe(false);
    expect(outcome.rolledBack).toBe(1);
    const [finding] = outcome.findings;
    expect(finding).toMatchObject({ ruleId: "accent-to-bytes", message: "Found café." });
    expect(finding.fix).toBeUndefined();
    expect(finding.suggestions?.[0].fix).toEqual({ range: [3, 7], text: "cafÃ©" });
  });

  it("rolls back a fix that leaves its own finding", () => {
    // The fix rewrites the doubled word it was meant to remove as it was (Portuguese "de de").
    const stubborn = replacing("doubled-word", /\bde de\b/, "de de");
    const outcome = fixWith("O livro de de Machado.\n", [stubborn]);
    expect(outcome.output).toBe("O livro de de Machado.\n");
    expect(outcome.findings.map((f) => [f.ruleId, Boolean(f.fix)])).toEqual([["doubled-word", false]]);
  });

  it("keeps the sound fixes of a pass and rolls back only the bad one among them", () => {
    const spacing = replacing("double-space", / {2}/, " ");
    // Turning the Turkish dotless ı into "i" makes "ışık" read "işik", which the second rule reports.
    const dotless = replacing("dotless-i", /ı(?=şık)/, "i");
    const watcher = replacing("wrong-word", /işık/, "ışık");
    const text = "Bir  ışık  yandı,  bu  ışık  söndü.\n";
    const outcome = fixUntilStable(text, (t) => lint(t, { ruleSet: [spacing, dotless, watcher] }).findings);
    expect(outcome.output).toBe("Bir ışık yandı, bu ışık söndü.\n");
    expect(outcome.findings.map((f) => [f.ruleId, f.column, Boolean(f.fix)])).toEqual([
      ["dotless-i", 5, false],
      ["dotless-i", 20, false],
    ]);
    expect(outcome.rolledBack).toBe(2);
  });

  it("passes converge: a fix that only appears after another is applied, then nothing is left", () => {
    // German "ss" after a long vowel, one layer a pass: "Strasse" → "Straße", then the capital rule sees it.
    const eszett = replacing("eszett", /Strasse/, "Straße");
    const capital = replacing("lower-strasse", /straße/, "Straße");
    const lower = replacing("to-lower", /Die Straße/, "die straße");
    const outcome = fixWith("Wir gehen Strasse entlang.\n", [eszett, capital, lower]);
    expect(outcome.output).toBe("Wir gehen Straße entlang.\n");
    expect(outcome.findings).toEqual([]);
    expect(outcome.applied).toBe(1);
  });

  it("stops after a bounded number of passes even when every fix is sound", () => {
    const outcome = fixUntilStable("a".repeat(12), (t) => lint(t, { ruleSet: [collapse] }).findings, { passes: 3 });
    expect(outcome.output).toBe("a".repeat(9));
    expect(outcome.applied).toBe(3);
  });

  it("applies only the fixes of the allowed rules (--fix-type)", () => {
    const spacing = replacing("double-space", / {2}/, " ");
    const quotes = replacing("straight-quotes", /"(\p{L}+)"/u, "«$1»");
    const outcome = fixWith('Zażółć  "gęślą" jaźń.\n', [spacing, quotes], ["double-space"]);
    expect(outcome.output).toBe('Zażółć "gęślą" jaźń.\n');
    expect(outcome.findings.map((f) => [f.ruleId, Boolean(f.fix)])).toEqual([["straight-quotes", true]]);
  });
});

describe("--fix-type and fix.rules on files", () => {
  it("fixes only the named rules and reports the rest with their fixes", () => {
    const path = fileWith("Uma nova edi√ß√£o: veja o [site] (https://example.org).\n");
    const outcome = lintFile(path, { ruleSet: [brokenLink, mojibake], fix: true, fixRules: ["mojibake"] });
    expect(readFileSync(path, "utf8")).toBe("Uma nova edição: veja o [site] (https://example.org).\n");
    expect(outcome.result.messages.map((m) => [m.ruleId, Boolean(m.fix)])).toEqual([["broken-link", true]]);
  });
});
