import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { writeTempFiles } from "./helpers/temp-files.js";
import { runCli } from "./helpers/cli.js";

// Plugins import the built package, as a user's do from "nl-lint"; `npm test` builds it first.
const API = pathToFileURL(join(import.meta.dirname, "..", "dist", "src", "index.js")).href;
const BIN = join(import.meta.dirname, "..", "bin", "nl-lint.js");

/** A plugin rule that reports a marker word (by default DRAFT) left in a translation. */
function markerRule(id: string): string {
  return `defineRule({
  id: ${JSON.stringify(id)},
  description: "A draft marker is left in the text.",
  severity: "warn",
  fixable: false,
  schema: z.object({ marker: z.string().default("DRAFT") }).strict(),
  messages: { marker: "Remove the marker {{marker}}." },
  check({ document, options, report }) {
    for (let at = document.text.indexOf(options.marker); at >= 0; at = document.text.indexOf(options.marker, at + 1)) {
      report({ messageId: "marker", data: { marker: options.marker }, side: "translation", start: at, end: at + options.marker.length });
    }
  },
})`;
}

const PLUGIN = `import { defineRule, z } from ${JSON.stringify(API)};\nexport default ${markerRule("draft-marker")};\n`;

const POST = "---\nlang: pt-br\n---\n\n<!-- The cat sleeps on the mat. -->\nO gato dorme no tapete. DRAFT\n";

function project(files: Record<string, string>): string {
  return writeTempFiles(files, "nl-lint-plugins-");
}

const cli = (cwd: string, argv: string[]) => runCli(cwd, argv);

/** The JSON report's findings as `file line:column ruleId severity`. */
function findingsOf(stdout: string): string[] {
  const results = JSON.parse(stdout) as Array<{ filePath: string; messages: Array<{ line: number; column: number; ruleId: string; severity: number }> }>;
  return results.flatMap((r) => r.messages.map((m) => `${r.filePath.split(/[\\/]/).pop()} ${m.line}:${m.column} ${m.ruleId} ${m.severity}`));
}

describe("plugins: rule modules named by the configuration", { timeout: 60_000 }, () => {
  it("runs a plugin's rule with the configuration's severity and options, like a built-in one", async () => {
    const dir = project({
      "house/marker.mjs": PLUGIN,
      ".nl-lint.json": JSON.stringify({ plugins: ["./house/marker.mjs"], rules: { "draft-marker": ["error", { marker: "gato" }] } }),
      "docs/post.md": POST,
    });
    const result = await cli(dir, ["--format", "json", "docs/post.md"]);
    expect(result.stderr).toBe("");
    expect(findingsOf(result.stdout)).toEqual(["post.md 6:3 draft-marker 2"]);
    expect(result.code).toBe(1);
  });

  it("takes --only, disable directives and the formatters' rule list", async () => {
    const dir = project({
      "house/marker.mjs": PLUGIN,
      ".nl-lint.yaml": "plugins: [./house/marker.mjs]\n",
      "post.md": POST,
      "quiet.md": POST.replace("O gato", "<!-- nl-lint-disable-next-line draft-marker -->\nO gato"),
    });
    const only = await cli(dir, ["--format", "json", "--only", "draft-marker", "post.md", "quiet.md"]);
    expect(findingsOf(only.stdout)).toEqual(["post.md 6:25 draft-marker 1"]);
    const sarif = JSON.parse((await cli(dir, ["--format", "sarif", "post.md"])).stdout);
    expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toContain("draft-marker");
    const config = JSON.parse((await cli(dir, ["--print-config", "post.md"])).stdout);
    expect(config.rules["draft-marker"]).toBe("warn");
  });

  it("loads plugins in worker threads too, by their paths", async () => {
    const posts = Object.fromEntries(["a", "b", "c", "d"].map((name) => [`docs/${name}.md`, POST]));
    const dir = project({ "house/marker.mjs": PLUGIN, ".nl-lint.json": JSON.stringify({ plugins: ["./house/marker.mjs"] }), ...posts });
    const threaded = await cli(dir, ["--format", "json", "--concurrency", "2", "docs"]);
    expect(threaded.stderr).toBe("");
    expect(findingsOf(threaded.stdout)).toEqual(["a", "b", "c", "d"].map((name) => `${name}.md 6:25 draft-marker 1`));
  });

  it("drops cached results when a plugin's file changes", () => {
    const dir = project({ "house/marker.mjs": PLUGIN, ".nl-lint.json": JSON.stringify({ plugins: ["./house/marker.mjs"] }), "post.md": POST });
    // A process of its own for each run: a process imports a module once, however its file changes.
    const messages = () => {
      const result = spawnSync(process.execPath, [BIN, "--format", "json", "--cache", "--only", "draft-marker", "post.md"], { cwd: dir, encoding: "utf8" });
      return (JSON.parse(result.stdout) as Array<{ messages: Array<{ message: string }> }>)[0].messages.map((m) => m.message);
    };
    expect(messages()).toEqual(["Remove the marker DRAFT."]);
    expect(messages()).toEqual(["Remove the marker DRAFT."]);
    writeFileSync(join(dir, "house/marker.mjs"), PLUGIN.replace("Remove the marker", "Delete the marker"));
    expect(messages()).toEqual(["Delete the marker DRAFT."]);
  });

  it("loads a package by name from the configuration's folder, and a `rules` array export", async () => {
    const dir = project({
      "node_modules/house-rules/package.json": JSON.stringify({ name: "house-rules", type: "module", exports: { ".": "./index.js" } }),
      "node_modules/house-rules/index.js": `import { defineRule, z } from ${JSON.stringify(API)};\nexport const rules = [${markerRule("house-draft")}, ${markerRule("house-todo")}];\n`,
      "site/.nl-lint.json": JSON.stringify({ plugins: ["house-rules"], rules: { "house-todo": ["warn", { marker: "tapete" }] } }),
      "site/post.md": POST,
    });
    const result = await cli(join(dir, "site"), ["--format", "json", "post.md"]);
    expect(result.stderr).toBe("");
    expect(findingsOf(result.stdout)).toEqual(["post.md 6:17 house-todo 1", "post.md 6:25 house-draft 1"]);
  });

  it("a bad plugin is one clear error per plugin, naming the configuration file, never a stack trace", async () => {
    const dir = project({
      "house/marker.mjs": PLUGIN,
      "house/same-id.mjs": PLUGIN,
      "house/builtin-id.mjs": `import { defineRule, z } from ${JSON.stringify(API)};\nexport default ${markerRule("typo")};\n`,
      "house/not-a-rule.mjs": "export default { id: 'half-made', description: 'no check' };\n",
      "house/nothing.mjs": "export const helper = 1;\n",
      "house/broken.mjs": "export default {\n",
      ".nl-lint.json": JSON.stringify({
        plugins: ["./house/marker.mjs", "./house/same-id.mjs", "./house/builtin-id.mjs", "./house/not-a-rule.mjs", "./house/nothing.mjs", "./house/broken.mjs", "./house/missing.mjs", "no-such-house-package"],
      }),
      "post.md": POST,
    });
    const result = await cli(dir, ["post.md"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines.map((l) => l.slice(0, l.indexOf('":') + 2))).toEqual([
      'nl-lint: .nl-lint.json: plugins[1]: "./house/same-id.mjs":',
      'nl-lint: .nl-lint.json: plugins[2]: "./house/builtin-id.mjs":',
      'nl-lint: .nl-lint.json: plugins[3]: "./house/not-a-rule.mjs":',
      'nl-lint: .nl-lint.json: plugins[4]: "./house/nothing.mjs":',
      'nl-lint: .nl-lint.json: plugins[5]: "./house/broken.mjs":',
      'nl-lint: .nl-lint.json: plugins[6]: "./house/missing.mjs":',
      'nl-lint: .nl-lint.json: plugins[7]: "no-such-house-package":',
    ]);
    expect(lines[0]).toContain('"draft-marker" is already taken by plugin "./house/marker.mjs"');
    expect(lines[1]).toContain('"typo" is already taken by a built-in rule');
    expect(lines[2]).toMatch(/not a rule .*lacks .*check \(a function\)/);
    expect(lines[3]).toContain("exports no rule");
    expect(lines[4]).toContain("cannot load");
    expect(lines[5]).toContain("no such file");
    expect(lines[6]).toContain("cannot find the package");
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it("a plugin rule's settings are checked against its schema, and only the run's configuration may load plugins", async () => {
    const badOptions = project({
      "house/marker.mjs": PLUGIN,
      ".nl-lint.json": JSON.stringify({ plugins: ["./house/marker.mjs"], rules: { "draft-marker": ["warn", { marker: 3 }] } }),
      "post.md": POST,
    });
    const wrong = await cli(badOptions, ["post.md"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^nl-lint: \.nl-lint\.json: rules\.draft-marker\.marker: /);

    const nested = project({
      "house/marker.mjs": PLUGIN,
      ".nl-lint.json": "{}",
      "docs/.nl-lint.json": JSON.stringify({ plugins: ["../house/marker.mjs"] }),
      "docs/post.md": POST,
    });
    const refused = await cli(nested, ["docs/post.md"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^nl-lint: docs\/\.nl-lint\.json: plugins: only the configuration a run starts from/);
  });
});
