// `nl-lint/testing`: the rule tester nl-lint's own rule tests use, for teams that write rules.
// It asserts with node:assert and runs in any test framework (or none), so it is never imported
// by the pure core or a rule.
import assert from "node:assert/strict";
import { applyFixes } from "./core/fix.js";
import { lint, type LintOptions } from "./core/lint.js";
import { lintProject, type ProjectText } from "./core/lint-project.js";
import { stripBom } from "./parse/parse.js";
import type { Rule } from "./core/rule.js";
import type { Finding, Side } from "./core/types.js";

/** What a case may set of `lint()`'s options besides the rule and its options. */
export type CaseLintOptions = Omit<LintOptions, "rules" | "ruleSet" | "only">;

export interface ValidCase {
  /** Shown in the test's name. */
  name?: string;
  /** The translation: a whole file, with its source in comments unless `source` is given. */
  code: string;
  /** The source file of a parallel translation: its text, or its text and path. */
  source?: string | { text: string; filePath?: string };
  /** The translation's path, when the rule reads it (languages, relative links). */
  filePath?: string;
  /** The rule's options, when not its defaults. */
  options?: unknown;
  /** Any other option of `lint()` (settings, languages, grammar). */
  lint?: CaseLintOptions;
  /** For a project rule: the other files of the run, linted with the case; only the case's own findings are checked. */
  otherFiles?: ProjectText[];
}

export interface ExpectedError {
  messageId?: string;
  /** The whole message, after its `{{data}}` is filled in. */
  message?: string;
  /** A piece of text the message must contain. */
  messageIncludes?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  side?: Side;
}

export interface InvalidCase extends ValidCase {
  /** The findings, in order: each by its message id, its message, or both. */
  errors: ExpectedError[];
  /** The text after applying all fixes; `null` when the rule offers no fix here. Required when it does. */
  output?: string | null;
}

export interface RuleTests {
  valid: Array<ValidCase | string>;
  invalid: InvalidCase[];
}

type Block = (name: string, body: () => void) => void;

/** The framework's `describe`/`it` when it puts them in globals (vitest with globals, mocha, jest). */
function globalBlock(name: "describe" | "it"): Block | undefined {
  const candidate = (globalThis as Record<string, unknown>)[name];
  return typeof candidate === "function" ? (candidate as Block) : undefined;
}

/** Without a framework a case runs at once, and its failure is thrown to the caller. */
const runAtOnce: Block = (_name, body) => body();

function caseName(kind: "valid" | "invalid", index: number, c: ValidCase): string {
  return `${kind} #${index + 1}${c.name ? `: ${c.name}` : ""}`;
}

function sourceOf(c: ValidCase): LintOptions["source"] {
  if (c.source === undefined) return c.lint?.source;
  return typeof c.source === "string" ? { text: c.source } : c.source;
}

function describeFinding(f: Finding): string {
  return `${f.line}:${f.column} ${f.side} ${f.messageId ?? f.ruleId}: ${f.message}`;
}

/** Which of `expected`'s fields differ in `actual`; an error names only what the case states. */
function mismatches(expected: ExpectedError, actual: Finding): string[] {
  const out: string[] = [];
  const fields = ["messageId", "message", "line", "column", "endLine", "endColumn", "side"] as const;
  for (const field of fields) {
    if (expected[field] !== undefined && expected[field] !== actual[field]) {
      out.push(`${field} ${JSON.stringify(actual[field])}, expected ${JSON.stringify(expected[field])}`);
    }
  }
  if (expected.messageIncludes !== undefined && !actual.message.includes(expected.messageIncludes)) {
    out.push(`message ${JSON.stringify(actual.message)} lacks ${JSON.stringify(expected.messageIncludes)}`);
  }
  return out;
}

/**
 * ESLint's RuleTester for nl-lint rules: valid snippets give no finding, invalid ones give exactly
 * the listed findings, and a fixable rule's fixes produce `output`. Each case is an `it` inside a
 * `describe` named after the rule; assign `RuleTester.describe`/`RuleTester.it` for a framework
 * that does not put them in globals (node:test, vitest without globals).
 */
export class RuleTester {
  static describe?: Block;
  static it?: Block;

  /** `defaults`: options of `lint()` every case starts from (a case's `lint` wins). */
  constructor(private readonly defaults: CaseLintOptions = {}) {}

  run(rule: Rule, tests: RuleTests): void {
    const describe = RuleTester.describe ?? globalBlock("describe") ?? runAtOnce;
    const it = RuleTester.it ?? globalBlock("it") ?? runAtOnce;
    describe(rule.id, () => {
      tests.valid.forEach((item, index) => {
        const c = typeof item === "string" ? { code: item } : item;
        it(caseName("valid", index, c), () => this.checkValid(rule, c));
      });
      tests.invalid.forEach((c, index) => it(caseName("invalid", index, c), () => this.checkInvalid(rule, c)));
    });
  }

  /** The findings of the rule alone on a case. */
  findings(rule: Rule, c: ValidCase): Finding[] {
    const source = sourceOf(c);
    const filePath = c.filePath ?? c.lint?.filePath ?? this.defaults.filePath;
    const options: LintOptions = {
      ...this.defaults,
      ...c.lint,
      ...(source ? { source } : {}),
      ...(filePath !== undefined ? { filePath } : {}),
      ruleSet: [rule],
      rules: c.options === undefined ? {} : { [rule.id]: [rule.severity, c.options] },
    };
    if (!c.otherFiles) return lint(c.code, options).findings;
    const { filePath: _, source: _s, ...runOptions } = options;
    return lintProject([{ filePath: filePath ?? "/case.md", text: c.code, ...(source ? { source } : {}) }, ...c.otherFiles], runOptions)[0].findings;
  }

  private checkValid(rule: Rule, c: ValidCase): void {
    const findings = this.findings(rule, c);
    assert.deepEqual(findings.map(describeFinding), [], "a valid case must give no finding");
  }

  private checkInvalid(rule: Rule, c: InvalidCase): void {
    assert.ok(c.errors.length > 0, "an invalid case must expect at least one error");
    for (const e of c.errors) assert.ok(e.messageId !== undefined || e.message !== undefined, "each expected error needs a messageId or a message");
    const findings = this.findings(rule, c);
    for (const f of findings) assert.ok(f.messageId === undefined || f.messageId in rule.messages, `${rule.id} reported messageId "${f.messageId}", which its messages lack`);
    assert.equal(findings.length, c.errors.length, `expected ${c.errors.length} finding(s), got ${findings.length}:\n${findings.map(describeFinding).join("\n")}`);
    c.errors.forEach((expected, i) => {
      const wrong = mismatches(expected, findings[i]);
      assert.deepEqual(wrong, [], `finding ${i + 1} (${describeFinding(findings[i])})`);
    });
    this.checkOutput(rule, c, findings);
  }

  private checkOutput(rule: Rule, c: InvalidCase, findings: Finding[]): void {
    const fixable = findings.some((f) => f.fix);
    assert.ok(!fixable || rule.fixable, `${rule.id} offers a fix but is not marked fixable`);
    if (c.output === undefined) {
      assert.ok(!fixable, "this case has a fix: give its expected output");
      return;
    }
    if (c.output === null) {
      assert.ok(!fixable, "no fix expected");
      return;
    }
    // Fix ranges count from after a BOM, as ESLint's do; the BOM itself is kept.
    const { text, bom } = stripBom(c.code);
    assert.equal((bom ? "\uFEFF" : "") + applyFixes(text, findings).output, c.output);
  }
}
