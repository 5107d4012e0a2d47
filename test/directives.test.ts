import { describe, expect, it } from "vitest";
import { z } from "zod";
import { lint, type LintOptions } from "../src/core/lint.js";
import { defineRule, segmentText } from "../src/core/rule.js";

/** Reports every occurrence of a word in any segment, on the segment's side: findings the tests control. */
function wordRule(id: string, word: string) {
  return defineRule({
    id,
    description: `Flags ${word}.`,
    severity: "error",
    fixable: false,
    schema: z.object({}).strict(),
    messages: { found: `Found ${word}.` },
    check({ document, report }) {
      for (const segment of document.segments) {
        const text = segmentText(document, segment).slice(segment.start, segment.end);
        for (const m of text.matchAll(new RegExp(`\\b${word}\\b`, "g"))) {
          report({ messageId: "found", side: segment.side, start: segment.start + m.index, end: segment.start + m.index + word.length });
        }
      }
    },
  });
}

const ruleSet = [wordRule("flag-bad", "BAD"), wordRule("flag-odd", "ODD")];

function found(code: string, options: Omit<LintOptions, "ruleSet"> = {}): string[] {
  return lint(code, { ruleSet, ...options }).findings.map((f) => `${f.line}:${f.column} ${f.ruleId}${f.side === "source" ? " (source)" : ""}`);
}

describe("nl-lint-disable-next-line", () => {
  it("suppresses the named rule on the next line only", () => {
    const code = "<!-- nl-lint-disable-next-line flag-bad -->\nUm BAD aqui.\n\nOutro BAD ali.\n";
    expect(found(code)).toEqual(["4:7 flag-bad"]);
  });

  it("leaves other rules alone", () => {
    expect(found("<!-- nl-lint-disable-next-line flag-odd -->\nUm BAD e um ODD.\n")).toEqual(["2:4 flag-bad"]);
  });

  it("without a rule list, suppresses every rule", () => {
    expect(found("<!-- nl-lint-disable-next-line -->\nUm BAD e um ODD.\n")).toEqual([]);
  });

  it("reads the reason after -- as a reason, not as rule names", () => {
    const code = "<!-- nl-lint-disable-next-line flag-bad -- flag-odd is fine here -->\nUm BAD e um ODD.\n";
    expect(found(code)).toEqual(["2:13 flag-odd"]);
  });

  it("takes a comma- or space-separated list", () => {
    expect(found("<!-- nl-lint-disable-next-line flag-bad, flag-odd -->\nBAD ODD\n")).toEqual([]);
    expect(found("<!-- nl-lint-disable-next-line flag-bad flag-odd -->\nBAD ODD\n")).toEqual([]);
  });

  it("skips blank and \\\\ spacer lines to the next content line", () => {
    expect(found("<!-- nl-lint-disable-next-line flag-bad -->\n\n\\\\\n\nUm BAD aqui.\n")).toEqual([]);
  });

  it("covers a whole wrapped paragraph that starts on the next line", () => {
    expect(found("<!-- nl-lint-disable-next-line flag-bad -->\nPrimeira linha\ncom BAD na segunda.\n\nDepois BAD.\n")).toEqual(["5:8 flag-bad"]);
  });

  it("does nothing when shown inside a code block", () => {
    const code = "```md\n<!-- nl-lint-disable-next-line -->\n```\nUm BAD aqui.\n";
    expect(found(code)).toEqual(["4:4 flag-bad"]);
  });
});

describe("in an inline bilingual post", () => {
  const post = (directive: string) =>
    `${directive}<!-- The BAD word in the source paragraph. -->\n\nA palavra BAD na tradução.\n\n<!-- Another paragraph with BAD. -->\n\nOutro parágrafo com BAD.\n`;

  it("reports both sides without a directive", () => {
    expect(found(post(""))).toEqual(["1:10 flag-bad (source)", "3:11 flag-bad", "5:29 flag-bad (source)", "7:21 flag-bad"]);
  });

  it("a directive before a source comment covers the comment and its translation", () => {
    expect(found(post("<!-- nl-lint-disable-next-line flag-bad -- quoted term -->\n"))).toEqual(["6:29 flag-bad (source)", "8:21 flag-bad"]);
  });

  it("a directive before a translation covers that translation only", () => {
    const code = "<!-- The BAD word here. -->\n\n<!-- nl-lint-disable-next-line flag-bad -->\nA palavra BAD aqui.\n";
    expect(found(code)).toEqual(["1:10 flag-bad (source)"]);
  });
});

describe("nl-lint-disable-line", () => {
  it("suppresses findings on the comment's own line", () => {
    expect(found("Um BAD aqui. <!-- nl-lint-disable-line flag-bad -->\n\nOutro BAD.\n")).toEqual(["3:7 flag-bad"]);
  });
});

describe("nl-lint-disable … nl-lint-enable", () => {
  it("suppresses between the two comments", () => {
    const code = "BAD antes.\n\n<!-- nl-lint-disable flag-bad -->\n\nBAD dentro.\n\n<!-- nl-lint-enable flag-bad -->\n\nBAD depois.\n";
    expect(found(code)).toEqual(["1:1 flag-bad", "9:1 flag-bad"]);
  });

  it("runs to the end of the file without an enable", () => {
    expect(found("BAD antes.\n\n<!-- nl-lint-disable -->\n\nBAD ODD depois.\n")).toEqual(["1:1 flag-bad"]);
  });

  it("enabling one rule keeps the others disabled", () => {
    const code = "<!-- nl-lint-disable flag-bad, flag-odd -->\n\n<!-- nl-lint-enable flag-odd -->\n\nBAD ODD\n";
    expect(found(code)).toEqual(["5:5 flag-odd"]);
  });

  it("a plain enable ends a disable of every rule", () => {
    expect(found("<!-- nl-lint-disable -->\n\nBAD\n\n<!-- nl-lint-enable -->\n\nODD\n")).toEqual(["7:1 flag-odd"]);
  });
});

describe("nl-lint-disable-file", () => {
  it("suppresses everywhere in the file, wherever it is written", () => {
    expect(found("BAD ODD\n\nBAD\n\n<!-- nl-lint-disable-file flag-bad -->\n")).toEqual(["1:5 flag-odd"]);
    expect(found("BAD ODD\n\n<!-- nl-lint-disable-file -->\n")).toEqual([]);
  });
});

describe("unused directives", () => {
  const report = { reportUnusedDisableDirectives: "error" as const };

  it("are reported, at the directive, when asked", () => {
    const findings = lint("<!-- nl-lint-disable-next-line flag-bad -->\nNada aqui.\n", { ruleSet, ...report }).findings;
    expect(findings.map((f) => [f.ruleId, f.severity, f.line, f.column])).toEqual([["unused-disable-directive", 2, 1, 1]]);
    expect(findings[0].message).toContain("flag-bad");
  });

  it("are not reported unless asked", () => {
    expect(found("<!-- nl-lint-disable-next-line flag-bad -->\nNada aqui.\n")).toEqual([]);
  });

  it("a directive that suppressed something is used", () => {
    expect(found("<!-- nl-lint-disable-next-line flag-bad -->\nBAD\n", report)).toEqual([]);
  });

  it("names each listed rule that suppressed nothing", () => {
    const findings = lint("<!-- nl-lint-disable-next-line flag-bad, flag-odd -->\nBAD\n", { ruleSet, ...report }).findings;
    expect(findings.map((f) => f.message)).toEqual(["Unused 'nl-lint-disable-next-line' directive (no problems were reported from 'flag-odd')."]);
  });

  it("an unknown rule name or directive is reported", () => {
    const findings = lint("<!-- nl-lint-disable-file flag-bda -->\n\n<!-- nl-lint-disabel -->\n\nok\n", { ruleSet, ...report }).findings;
    expect(findings.map((f) => `${f.line} ${f.ruleId}`)).toEqual(["1 unused-disable-directive", "3 unused-disable-directive"]);
    expect(findings[0].message).toContain("no rule 'flag-bda'");
    expect(findings[1].message).toContain("Unknown directive 'nl-lint-disabel'");
  });

  it("a directive for a rule that did not run is not called unused", () => {
    expect(found("<!-- nl-lint-disable-next-line flag-odd -->\nBAD\n", { ...report, only: ["flag-bad"] })).toEqual(["2:1 flag-bad"]);
  });

  it("works for ranges: a disable … enable that covered nothing", () => {
    expect(found("<!-- nl-lint-disable -->\n\nok\n\n<!-- nl-lint-enable -->\n\nBAD\n", { ...report, reportUnusedDisableDirectives: "warn" })).toEqual([
      "1:1 unused-disable-directive",
      "7:1 flag-bad",
    ]);
  });
});

describe("in parallel mode", () => {
  const source = { filePath: "/en/a.md", text: "A BAD source.\n\n<!-- nl-lint-disable-next-line flag-odd -->\nAn ODD one.\n" };

  it("the source file's own directives apply to findings in it", () => {
    const findings = lint("Uma fonte BAD.\n\nUm ODD.\n", { ruleSet, source, filePath: "/pt/a.md" }).findings;
    expect(findings.map((f) => `${f.side} ${f.ruleId} ${f.line}`)).toEqual(["translation flag-bad 1", "translation flag-odd 3", "source flag-bad 1"]);
  });

  it("the translation's disable-file covers findings reported in the source too", () => {
    const findings = lint("<!-- nl-lint-disable-file flag-bad -->\nUma fonte BAD.\n", { ruleSet, source, filePath: "/pt/a.md" }).findings;
    expect(findings).toEqual([]);
  });
});

describe("directives in parallel files", () => {
  const source = { filePath: "/en/post.md", text: "# Title\n\n<!-- nl-lint-disable-next-line flag-bad -->\nThe BAD word.\n\nAnother BAD one, and ODD.\n" };

  it("takes the source file's line directives for source findings, and the translation's for its own", () => {
    const translation = "# Título\n\nA palavra BAD.\n\n<!-- nl-lint-disable-next-line flag-bad -->\nOutra BAD, e ODD.\n";
    expect(found(translation, { source })).toEqual(["3:11 flag-bad", "6:14 flag-odd", "6:9 flag-bad (source)", "6:22 flag-odd (source)"]);
  });

  it("lets the translation's disable-file cover what is reported in its source", () => {
    const translation = "<!-- nl-lint-disable-file flag-odd -->\n\n# Título\n\nA palavra BAD.\n\nOutra BAD, e ODD.\n";
    expect(found(translation, { source })).toEqual(["5:11 flag-bad", "7:7 flag-bad", "6:9 flag-bad (source)"]);
  });

  it("ends a disable block at its enable, for the rule it names", () => {
    const code = "<!-- nl-lint-disable flag-bad, flag-odd -->\n\nBAD e ODD.\n\n<!-- nl-lint-enable flag-bad -->\n\nBAD e ODD.\n\n<!-- nl-lint-disable -->\n\nBAD.\n";
    expect(found(code)).toEqual(["7:1 flag-bad"]);
  });
});

describe("directives in MDX, written as MDX comments", () => {
  it("suppress like HTML comments do, on the next line, on their own line and in a range", () => {
    const code = [
      "{/* nl-lint-disable-next-line flag-bad -- a name */}",
      "Um BAD aqui.",
      "",
      "Outro BAD ali. {/* nl-lint-disable-line flag-bad */}",
      "",
      "{/* nl-lint-disable flag-odd */}",
      "Um ODD e um BAD.",
      "{/* nl-lint-enable flag-odd */}",
      "",
      "Mais um ODD.",
      "",
    ].join("\n");
    expect(found(code, { filePath: "page.mdx" })).toEqual(["7:13 flag-bad", "10:9 flag-odd"]);
  });

  it("in a parallel source file are read with the source's grammar", () => {
    const source = "{/* nl-lint-disable-file flag-odd */}\n\nOne ODD here.\n";
    expect(found("Um ODD aqui.\n", { filePath: "pt/a.mdx", source: { text: source, filePath: "en/a.mdx" } })).toEqual(["1:4 flag-odd"]);
  });
});
