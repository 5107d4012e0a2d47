import type { RuleExamples } from "../../src/core/rule.js";

export const examples: RuleExamples = { valid: [], invalid: [] };
