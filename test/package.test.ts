// The package as a user gets it: packed, installed from the tarball into a fresh project, then
// imported, type-checked and run there. It tests what `package.json` ships and exports, which no
// test that imports ../src can see. It packs the build `npm test` has just made.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const windows = process.platform === "win32";

function command(program: string, args: string[], cwd: string, timeout = 120_000): SpawnSyncReturns<string> {
  return spawnSync(program, args, { cwd, encoding: "utf8", timeout, shell: windows });
}

function succeed(result: SpawnSyncReturns<string>, what: string): string {
  if (result.error || result.status !== 0) throw new Error(`${what} failed (${result.error?.message ?? `exit ${result.status}`}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

const npmRuns = command("npm", ["--version"], root, 30_000).status === 0;

// Skipping hides a broken package, so a CI run without npm fails instead.
it.runIf(!npmRuns && !!process.env.CI)("npm pack can run in CI", () => {
  throw new Error("npm is not available, so the packed package cannot be tested");
});

const POST = "---\nlang: pt-br\n---\n\n<!-- Read [the guide](https://guide.example/start) first. -->\nLeia o guia primeiro.\n";

/** The README's code blocks headed `<!-- readme-example: PATH -->`, by path: the custom rule and its test. */
function readmeExamples(): Record<string, string> {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/<!-- readme-example: (\S+) -->\n```\w*\n([\s\S]*?)```/g)];
  return Object.fromEntries(blocks.map((m) => [m[1], m[2]]));
}

const CONSUMER = `import { applyFixes, builtinRules, defineRule, formatterNames, lint, loadFormatter, toFileResult, z } from "nl-lint";
import type { Finding, LintDocument, LintOptions, LintResult, LintSettings, Pair, Rule, RuleContext, Segment, Severity, Speller } from "nl-lint";
import { RuleTester, type InvalidCase } from "nl-lint/testing";

const speller: Speller = { correct: (word: string) => word.length > 0 };
const settings: LintSettings = { speller: () => speller, words: ["nl-lint"] };
const rule: Rule = defineRule({
  id: "short-pair", description: "A pair whose translation is much shorter.", severity: "warn", fixable: false,
  schema: z.object({ ratio: z.number().default(0.5) }).strict(),
  messages: { short: "The translation is {{percent}}% of its source." },
  check({ document, options, report }) {
    const pairs: Pair[] = document.pairs;
    for (const pair of pairs) {
      const [source, translation]: Array<Segment | undefined> = [pair.sources[0], pair.translations[0]];
      if (!source || !translation) continue;
      const ratio = (translation.end - translation.start) / (source.end - source.start);
      if (ratio < options.ratio) report({ messageId: "short", data: { percent: Math.round(ratio * 100) }, side: "translation", start: translation.start, end: translation.end });
    }
  },
});
const options: LintOptions = { filePath: "post.md", ruleSet: [...builtinRules, rule], rules: { "short-pair": ["error", { ratio: 0.8 }] }, settings };
const result: LintResult = lint("text", options);
const document: LintDocument = result.document;
const findings: Finding[] = result.findings;
const level: Severity = "warn";
const cases: InvalidCase[] = [{ code: "x", errors: [{ messageId: "short" }] }];
const check: (context: RuleContext<{ ratio: number }>) => void = rule.check;
void [document, findings, level, cases, check, applyFixes("x", findings).output, formatterNames.includes("json"), RuleTester];
void loadFormatter("json").then((format) => format([toFileResult("post.md", findings)], { color: false, cwd: "." }));
`;

describe.skipIf(!npmRuns)("the packed package, installed in a fresh project", () => {
  let project = "";

  beforeAll(() => {
    if (!existsSync(join(root, "dist", "src", "index.js"))) throw new Error("no build to pack: run npm run build (npm test does)");
    const work = mkdtempSync(join(tmpdir(), "nl-lint-package-"));
    // The build is packed as it is: a second build here would rewrite dist/ under tests running beside this one.
    const packed = JSON.parse(succeed(command("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], root), "npm pack")) as Array<{ filename: string }>;
    project = join(work, "project");
    mkdirSync(project);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    succeed(command("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", join(work, packed[0].filename)], project, 170_000), "npm install of the tarball");
  }, 180_000);

  it("imports every entry point as an ES module", () => {
    const script = 'const api = await import("nl-lint"); const testing = await import("nl-lint/testing"); console.log(JSON.stringify({ api: Object.keys(api), testing: Object.keys(testing) }));';
    const exported = JSON.parse(succeed(command("node", ["--input-type=module", "-e", script], project), "importing the package"));
    expect(exported.api).toEqual(expect.arrayContaining(["lint", "lintFiles", "LintFilesError", "defineRule", "builtinRules", "applyFixes", "loadFormatter", "formatterNames", "toFileResult", "z"]));
    expect(exported.testing).toEqual(["RuleTester"]);
  });

  it("type-checks a strict TypeScript consumer against the shipped declarations", () => {
    writeFileSync(join(project, "consumer.ts"), CONSUMER);
    writeFileSync(join(project, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", noEmit: true, skipLibCheck: false, types: [] }, files: ["consumer.ts"] }));
    succeed(command(join(root, "node_modules", ".bin", windows ? "tsc.cmd" : "tsc"), ["-p", "tsconfig.json"], project), "tsc on the consumer");
  });

  it("lints an inline post with lint() and formats the findings", () => {
    writeFileSync(join(project, "lint.mjs"), `import { lint, loadFormatter, toFileResult } from "nl-lint";
const { findings } = lint(${JSON.stringify(POST)}, { filePath: "post.md" });
const format = await loadFormatter("compact");
console.log(format([toFileResult("post.md", findings)], { color: false, cwd: process.cwd() }));
`);
    const output = succeed(command("node", ["lint.mjs"], project), "lint()");
    // The translation dropped the source's only link.
    expect(output).toMatch(/^post\.md:6:\d+: error .*\[link-count\]$/m);
  });

  it("lints a folder with the files engine, as the command line would, without printing", () => {
    mkdirSync(join(project, "posts"), { recursive: true });
    writeFileSync(join(project, "posts", "post.md"), POST);
    writeFileSync(join(project, "files.mjs"), `import { lintFiles } from "nl-lint";
const run = await lintFiles(["posts"], { cwd: process.cwd(), concurrency: 0 });
console.log(JSON.stringify(run.results.map((r) => ({ file: r.filePath.split("/").slice(-2).join("/"), rules: r.messages.map((m) => m.ruleId + ":" + m.line) }))));
`);
    const output = succeed(command("node", ["files.mjs"], project), "lintFiles()");
    expect(JSON.parse(output)).toEqual([{ file: "posts/post.md", rules: ["link-count:6", "link-target:6"] }]);
  });

  it("runs the README's custom rule and its tests through nl-lint/testing under node:test, and fails a wrong one", () => {
    const examples = readmeExamples();
    expect(Object.keys(examples)).toEqual(["rules/no-draft.mjs", "rules/no-draft.test.mjs"]);
    mkdirSync(join(project, "rules"), { recursive: true });
    for (const [path, text] of Object.entries(examples)) writeFileSync(join(project, path), text);
    const right = command("node", ["--test", "--test-reporter=tap", "rules/no-draft.test.mjs"], project);
    expect(right.status, right.stdout + right.stderr).toBe(0);
    expect(right.stdout).toMatch(/^# pass 3$/m);
    // The same test expecting the marker on the comment's line must fail.
    writeFileSync(join(project, "rules/wrong.test.mjs"), examples["rules/no-draft.test.mjs"].replace("line: 2", "line: 1"));
    const wrong = command("node", ["--test", "--test-reporter=tap", "rules/wrong.test.mjs"], project);
    expect(wrong.status).not.toBe(0);
    expect(wrong.stdout).toMatch(/^# fail 1$/m);
  });

  it("installs a working command line that loads a plugin written against the package", () => {
    mkdirSync(join(project, "rules"), { recursive: true });
    writeFileSync(join(project, "rules/no-draft.mjs"), readmeExamples()["rules/no-draft.mjs"]);
    writeFileSync(join(project, ".nl-lint.json"), JSON.stringify({ plugins: ["./rules/no-draft.mjs"], rules: { "no-draft": "error" } }));
    writeFileSync(join(project, "post.md"), POST.replace("primeiro.", "primeiro. DRAFT"));
    const cli = command(join(project, "node_modules", ".bin", windows ? "nl-lint.cmd" : "nl-lint"), ["--format", "compact", "--only", "link-count,no-draft", "post.md"], project);
    expect(cli.stderr).toBe("");
    const [links, draft, ...rest] = cli.stdout.trim().split("\n");
    expect(links).toMatch(/^post\.md:6:1: error .*\[link-count\]$/);
    expect(draft).toBe("post.md:6:23: error Remove the DRAFT marker before publishing. [no-draft]");
    expect(rest).toEqual([]);
    expect(cli.status).toBe(1);
    expect(JSON.parse(readFileSync(join(project, "node_modules", "nl-lint", "package.json"), "utf8")).name).toBe("nl-lint");
  });
});
