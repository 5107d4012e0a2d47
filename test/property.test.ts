import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyFixes, fixUntilStable } from "../src/core/fix.js";
import { lint } from "../src/core/lint.js";
import { stripBom } from "../src/parse/parse.js";

/** Fixed seed so CI is repeatable; NL_LINT_PROPERTY_RUNS=5000 for a longer hunt. */
const runs = Number(process.env.NL_LINT_PROPERTY_RUNS ?? 100);
const params = { seed: 20261125, numRuns: runs };
/** Long hunts get the time they need; the default run stays well inside the usual limit. */
const timeout = Math.max(60_000, runs * 400);

const word = fc.constantFrom(
  "tradução", "modelo", "dataset", "Transformer", "é", "über", "naïve", "e\u0301", "🤗", "👩‍👩‍👧", "数据集", "模型",
  "النموذج", "שלום", "Привет", "framework", "franework", "dair.ai", "3", "2020", "`code`", "*ênfase*", "**forte**",
  "_x_", "<b>", "&amp;", "\\", "|", "~~riscado~~", "[", "]", "(", ")", "<!--", "-->", "--", "#", "{{< ref >}}",
);
const url = fc.constantFrom("https://a.example/x", "http://b.example/y?utm_source=z", "./doc.md", "#anchor", "", "http://Not%20A%20Host", "((https://c.example))");
const link = fc.tuple(fc.array(word, { minLength: 1, maxLength: 3 }), url, fc.integer({ min: 0, max: 6 })).map(([label, target, form]) => {
  const text = label.join(" ");
  return [
    `[${text}](${target})`, `[${text}] (${target})`, `${text}](${target})`, `[${text}]${target})`,
    `[${text}](${target}`, `![${text}](${target})`, `[${text}][ref]`,
  ][form];
});
const sentence = fc.array(fc.oneof({ weight: 5, arbitrary: word }, { weight: 1, arbitrary: link }), { minLength: 1, maxLength: 14 }).map((w) => w.join(" "));
const block = fc.oneof(
  { weight: 5, arbitrary: sentence },
  { weight: 1, arbitrary: sentence.map((s) => `## ${s}`) },
  { weight: 1, arbitrary: fc.array(sentence, { minLength: 1, maxLength: 4 }).map((items) => items.map((i) => `- ${i}`).join("\n")) },
  { weight: 1, arbitrary: fc.array(sentence, { minLength: 1, maxLength: 3 }).map((items) => items.map((i, n) => `${n + 1}. ${i}`).join("\n")) },
  { weight: 1, arbitrary: sentence.map((s) => `> ${s}`) },
  { weight: 1, arbitrary: sentence.map((s) => "```\n" + s + "\n```") },
  { weight: 1, arbitrary: sentence.map((s) => `\\\\\n${s}`) },
  { weight: 1, arbitrary: sentence.map((s) => `| a | b |\n| - | - |\n| ${s.replace(/\|/g, "")} | x |`) },
);
/** A bilingual unit: a translation with its source comment before or after it, or either alone. */
const unit = fc.tuple(block, sentence, fc.integer({ min: 0, max: 4 })).map(([translation, source, layout]) => {
  switch (layout) {
    case 0: return `<!-- ${source} -->\n\n${translation}`;
    case 1: return `${translation}\n\n<!-- ${source} -->`;
    case 2: return `${translation}\n<!-- ${source} -->`;
    case 3: return `<!-- ${source} ->\n\n${translation}`;
    default: return translation;
  }
});
const post = fc
  .tuple(
    fc.array(unit, { minLength: 0, maxLength: 8 }),
    fc.boolean(), // front matter
    fc.boolean(), // CRLF
    fc.boolean(), // BOM
    fc.boolean(), // trailing newline
  )
  .map(([units, frontMatter, crlf, bom, trailing]) => {
    let text = (frontMatter ? "---\ntitle: Teste\nlang: pt-BR\n---\n\n" : "") + units.join("\n\n") + (trailing ? "\n" : "");
    if (crlf) text = text.replace(/\n/g, "\r\n");
    return (bom ? "\uFEFF" : "") + text;
  });

describe("properties of lint on random bilingual posts", () => {
  it("never throws, and every finding lies inside the file on its own side", () => {
    fc.assert(
      fc.property(post, (input) => {
        const { findings, document } = lint(input, { filePath: "post.pt-br.md" });
        const text = stripBom(input).text;
        const comments = document.segments.filter((s) => s.comment).map((s) => s.comment!);
        for (const f of findings) {
          expect(f.fatal, f.message).toBeFalsy();
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(f.start).toBeLessThanOrEqual(f.end);
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.endLine).toBeLessThanOrEqual(document.lines.lineCount);
          expect(f.line < f.endLine || (f.line === f.endLine && f.column <= f.endColumn)).toBe(true);
          if (f.side === "source" && f.ruleId !== "mojibake") {
            expect(comments.some((c) => c.start <= f.start && f.end <= c.end), `${f.ruleId} on the source side outside any comment`).toBe(true);
          }
        }
      }),
      params,
    );
  }, timeout);

  it("read as MDX (or as Markdown where MDX rejects them), never throws and keeps offsets exact", () => {
    fc.assert(
      fc.property(post, (input) => {
        const { findings, document } = lint(input, { filePath: "post.pt-br.mdx" });
        const text = stripBom(input).text;
        for (const f of findings) {
          expect(f.fatal, f.message).toBeFalsy();
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(text.length);
        }
        for (const s of document.segments) expect(text.slice(s.start, s.end)).toBe(s.raw);
      }),
      params,
    );
  }, timeout);

  it("accounts for every segment in exactly one pair", () => {
    fc.assert(
      fc.property(post, (input) => {
        const { document } = lint(input, { only: [] });
        const seen = new Map<number, number>();
        for (const pair of document.pairs) for (const s of [...pair.sources, ...pair.translations]) seen.set(s.id, (seen.get(s.id) ?? 0) + 1);
        expect([...seen.keys()].sort((a, b) => a - b)).toEqual(document.segments.map((s) => s.id).sort((a, b) => a - b));
        expect([...seen.values()].every((n) => n === 1)).toBe(true);
        for (const pair of document.pairs) {
          expect(pair.sources.every((s) => s.side === "source")).toBe(true);
          expect(pair.translations.every((t) => t.side === "translation")).toBe(true);
        }
      }),
      params,
    );
  }, timeout);

  it("fixing twice gives what fixing once gives", () => {
    fc.assert(
      fc.property(post, (input) => {
        const text = stripBom(input).text;
        const lintText = (t: string) => lint(t, { filePath: "post.pt-br.md" }).findings;
        const once = fixUntilStable(text, lintText).output;
        const twice = fixUntilStable(once, lintText).output;
        expect(twice).toBe(once);
      }),
      params,
    );
  }, timeout);

  it("leaves every byte outside the fixed ranges as it was", () => {
    fc.assert(
      fc.property(post, (input) => {
        const text = stripBom(input).text;
        const { findings } = lint(text, { filePath: "post.pt-br.md" });
        const fixes = findings.filter((f) => f.fix).map((f) => f.fix!).sort((a, b) => a.range[0] - b.range[0]);
        const { output } = applyFixes(text, findings);
        // Walk the applied (non-overlapping) fixes and compare the untouched stretches.
        let inAt = 0;
        let outAt = 0;
        let lastEnd = 0;
        for (const fix of fixes) {
          if (fix.range[0] < lastEnd) continue;
          const untouched = text.slice(inAt, fix.range[0]);
          expect(output.slice(outAt, outAt + untouched.length)).toBe(untouched);
          outAt += untouched.length + fix.text.length;
          inAt = fix.range[1];
          lastEnd = fix.range[1];
        }
        expect(output.slice(outAt)).toBe(text.slice(inAt));
      }),
      params,
    );
  }, timeout);
});
