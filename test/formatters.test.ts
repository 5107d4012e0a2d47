import Ajv from "ajv";
import addFormats from "ajv-formats";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatCompact } from "../src/formatters/compact.js";
import { formatGithub } from "../src/formatters/github.js";
import { formatSarif } from "../src/formatters/sarif.js";
import { formatStylish } from "../src/formatters/stylish.js";
import { toFileResult, type FileResult } from "../src/formatters/types.js";
import type { Finding } from "../src/core/types.js";

const cwd = "/repo";

function finding(partial: Partial<Finding>): Finding {
  return {
    ruleId: "broken-link", severity: 2, message: "Link will not render.", side: "translation",
    line: 3, column: 12, endLine: 3, endColumn: 40, start: 0, end: 0, ...partial,
  };
}

const results: FileResult[] = [
  toFileResult("/repo/posts/a.md", [
    finding({}),
    finding({ ruleId: "link-count", severity: 1, message: "The translation has 1 link, the source 2.", line: 7, column: 1, endLine: 8, endColumn: 5 }),
  ]),
  toFileResult("/repo/posts/clean.md", []),
];

const rules = [
  { id: "broken-link", description: "Link syntax that will not render.", severity: "error" as const },
  { id: "link-count", description: "Links missing from a translation.", severity: "warn" as const },
];

describe("compact", () => {
  it("prints file:line:col: severity message [rule], one a line", () => {
    expect(formatCompact(results, { color: false, cwd })).toBe(
      "posts/a.md:3:12: error Link will not render. [broken-link]\n" +
        "posts/a.md:7:1: warning The translation has 1 link, the source 2. [link-count]\n",
    );
  });

  it("puts a source-side finding at the source file and escapes control characters", () => {
    const out = formatCompact(
      [toFileResult("/repo/fr/a.md", [finding({ filePath: "/repo/en/a.md", side: "source", message: "Bad \u001b[31mred\nnext" })])],
      { color: false, cwd },
    );
    expect(out).toBe("en/a.md:3:12: error Bad \\u001b[31mred next [broken-link]\n");
  });
});

describe("stylish", () => {
  it("names the source file a parallel translation was compared with, under the file's name", () => {
    const result = { ...toFileResult("/repo/pt/a.md", [finding({})]), sourceFilePath: "/repo/en/a.md" };
    const lines = formatStylish([result], { color: false, cwd }).split("\n");
    expect(lines.slice(1, 3)).toEqual(["pt/a.md", "  compared with en/a.md"]);
  });


  it("escapes control characters that come from a file", () => {
    const out = formatStylish([toFileResult("/repo/a.md", [finding({ message: "x\u0007y" })])], { color: false, cwd });
    expect(out).toContain("x\\u0007y");
    expect(out).not.toContain("\u0007");
  });
});

describe("github", () => {
  it("writes one workflow command a finding, and a summary", () => {
    expect(formatGithub(results, { color: false, cwd })).toBe(
      "::error file=posts/a.md,line=3,col=12,endLine=3,endColumn=40,title=nl-lint broken-link::Link will not render.\n" +
        "::warning file=posts/a.md,line=7,col=1,endLine=8,endColumn=5,title=nl-lint link-count::The translation has 1 link, the source 2.\n" +
        "nl-lint: 1 error and 1 warning in 1 file.\n",
    );
  });

  it("prints nothing when there is nothing to say", () => {
    expect(formatGithub([toFileResult("/repo/a.md", [])], { color: false, cwd })).toBe("");
  });

  it("escapes so that a post cannot forge a command", () => {
    const out = formatGithub(
      [toFileResult("/repo/we,ird:name.md", [finding({ message: "100% sure\r\n::error file=x.md::forged\nend" })])],
      { color: false, cwd },
    );
    const lines = out.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      "::error file=we%2Cird%3Aname.md,line=3,col=12,endLine=3,endColumn=40,title=nl-lint broken-link::100%25 sure%0D%0A::error file=x.md::forged%0Aend",
    );
  });

  it("says that GitHub shows only the first 10 annotations of a type", () => {
    const many = toFileResult("/repo/a.md", Array.from({ length: 11 }, (_, i) => finding({ line: i + 1 })));
    const out = formatGithub([many], { color: false, cwd });
    expect(out.split("\n").filter((l) => l.startsWith("::error "))).toHaveLength(11);
    expect(out).toContain("nl-lint: 11 errors and 0 warnings in 1 file. GitHub annotates only the first 10 errors");
  });
});

const schemaPath = join(import.meta.dirname, "schemas", "sarif-schema-2.1.0.json");

/**
 * The vendored schema is draft-04; ajv 8 reads it once its `id` is spelled `$id`. One of its
 * patterns (the language tag) has a stray `]` that is only legal without the `u` flag.
 */
let compiled: ReturnType<Ajv["compile"]> | undefined;
function sarifValidator() {
  if (compiled) return compiled;
  const { id, $schema: _draft, ...schema } = JSON.parse(readFileSync(schemaPath, "utf8"));
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  compiled = ajv.compile({ $id: id, ...schema });
  return compiled;
}

describe("sarif", () => {
  const sarif = JSON.parse(formatSarif(results, { color: false, cwd, rules, toolVersion: "1.2.3" }));

  it.skipIf(!existsSync(schemaPath))("is valid SARIF 2.1.0", () => {
    const validate = sarifValidator();
    const ok = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it.skipIf(!existsSync(schemaPath))("the schema check does reject a broken log", () => {
    const validate = sarifValidator();
    const broken = structuredClone(sarif);
    broken.runs[0].results[0].level = "fatal";
    expect(validate(broken)).toBe(false);
  });

  it("describes the tool and every rule, with help", () => {
    const driver = sarif.runs[0].tool.driver;
    expect(sarif.version).toBe("2.1.0");
    expect(driver.name).toBe("nl-lint");
    expect(driver.version).toBe("1.2.3");
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(["broken-link", "link-count"]);
    expect(driver.rules[0].shortDescription.text).toBe("Link syntax that will not render.");
    expect(driver.rules[0].help.text).toContain("Link syntax that will not render.");
    expect(driver.rules[1].defaultConfiguration.level).toBe("warning");
  });

  it("gives each result its rule, level, message and a relative location", () => {
    const [first, second] = sarif.runs[0].results;
    expect(first).toMatchObject({
      ruleId: "broken-link",
      ruleIndex: 0,
      level: "error",
      message: { text: "Link will not render." },
      locations: [{ physicalLocation: { artifactLocation: { uri: "posts/a.md", uriBaseId: "%SRCROOT%" }, region: { startLine: 3, startColumn: 12, endLine: 3, endColumn: 40 } } }],
    });
    expect(second).toMatchObject({ ruleId: "link-count", ruleIndex: 1, level: "warning" });
    expect(sarif.runs[0].originalUriBaseIds["%SRCROOT%"].uri).toBe("file:///repo/");
  });

  it("percent-encodes names with spaces, brackets, '#', ':' and CJK, and adds rules it was not told of", () => {
    const odd = toFileResult("/repo/posts/NLP News #6 [PT-BR], 简报.md", [finding({ ruleId: "encoding", message: "Not UTF-8." })]);
    const log = JSON.parse(formatSarif([odd, toFileResult("/repo/a:b?.md", [finding({})])], { color: false, cwd, rules }));
    const uri = (i: number) => log.runs[0].results[i].locations[0].physicalLocation.artifactLocation.uri;
    expect(uri(0)).toBe("posts/NLP%20News%20%236%20%5BPT-BR%5D,%20%E7%AE%80%E6%8A%A5.md");
    expect(decodeURIComponent(uri(0))).toBe("posts/NLP News #6 [PT-BR], 简报.md");
    expect(uri(1)).toBe("a%3Ab%3F.md");
    expect(log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(["broken-link", "link-count", "encoding"]);
    expect(log.runs[0].results[0].ruleIndex).toBe(2);
  });

  it("uses a file URI for a file outside the working folder", () => {
    const log = JSON.parse(formatSarif([toFileResult("/elsewhere/b.md", [finding({})])], { color: false, cwd, rules }));
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: "file:///elsewhere/b.md" });
  });
});
