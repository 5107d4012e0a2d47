import { describe, expect, it } from "vitest";
import { applyFixes } from "../../src/fix.js";
import { lint, type LintOptions } from "../../src/lint.js";
import { stripBom } from "../../src/parse.js";
import type { Rule } from "../../src/rule.js";
import type { Finding } from "../../src/types.js";

export interface ValidCase {
  name?: string;
  code: string;
  options?: unknown;
  lint?: Omit<LintOptions, "rules" | "ruleSet" | "only">;
}

export interface ExpectedError {
  messageId: string;
  line?: number;
  column?: number;
  side?: "source" | "translation";
  /** A piece of text the message must contain. */
  messageIncludes?: string;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** The text after applying all fixes; `null` when the rule offers no fix here. */
  output?: string | null;
}

function findingsOf(rule: Rule, c: ValidCase): Finding[] {
  return lint(c.code, {
    ...c.lint,
    ruleSet: [rule],
    rules: c.options === undefined ? {} : { [rule.id]: [rule.severity, c.options] },
  }).findings;
}

/**
 * ESLint's RuleTester, in small: valid snippets give no finding, invalid ones give exactly the
 * listed findings, and a fixable rule's fixes produce `output`.
 */
export function runRuleTests(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    for (const [index, c] of cases.valid.entries()) {
      it(`valid #${index + 1}${c.name ? `: ${c.name}` : ""}`, () => {
        const findings = findingsOf(rule, c);
        expect(findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([]);
      });
    }
    for (const [index, c] of cases.invalid.entries()) {
      it(`invalid #${index + 1}${c.name ? `: ${c.name}` : ""}`, () => {
        if (c.errors.length === 0) throw new Error("an invalid case must expect at least one error");
        const findings = findingsOf(rule, c);
        expect(findings.map((f) => f.messageId)).toEqual(c.errors.map((e) => e.messageId));
        c.errors.forEach((expected, i) => {
          const actual = findings[i];
          if (expected.line !== undefined) expect(actual.line, `line of error ${i + 1}`).toBe(expected.line);
          if (expected.column !== undefined) expect(actual.column, `column of error ${i + 1}`).toBe(expected.column);
          if (expected.side !== undefined) expect(actual.side).toBe(expected.side);
          if (expected.messageIncludes !== undefined) expect(actual.message).toContain(expected.messageIncludes);
        });
        const fixable = findings.some((f) => f.fix);
        if (fixable && !rule.fixable) throw new Error(`${rule.id} offers a fix but is not marked fixable`);
        if (c.output !== undefined) {
          if (c.output === null) expect(fixable, "no fix expected").toBe(false);
          // Fix ranges count from after a BOM, as ESLint's do; the BOM itself is kept.
          else {
            const { text, bom } = stripBom(c.code);
            expect((bom ? "\uFEFF" : "") + applyFixes(text, findings).output).toBe(c.output);
          }
        } else if (fixable) {
          throw new Error("this case has a fix: give its expected output");
        }
      });
    }
  });
}
