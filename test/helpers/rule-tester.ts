import { describe, it } from "vitest";
import type { Rule } from "../../src/core/rule.js";
import { RuleTester, type RuleTests } from "../../src/testing.js";

export type { ExpectedError, InvalidCase, ValidCase } from "../../src/testing.js";
export { RuleTester };

// The project's rule tests run through the tester it ships (nl-lint/testing), inside vitest.
RuleTester.describe = describe;
RuleTester.it = it;

export function runRuleTests(rule: Rule, cases: RuleTests): void {
  new RuleTester().run(rule, cases);
}
