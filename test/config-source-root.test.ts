import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../src/node/config.js";
import { lintFiles } from "../src/node/lint-files.js";
import { writeTempFiles } from "./helpers/temp-files.js";

/** The configuration's `sourceRoot`: the folder `--source-root` names, written down once for a project. */

const SOURCE = "# Kettles\n\nThe [steel kettle](https://example.org/steel) and the [glass kettle](https://example.org/glass) boil fast.\n";
const TRANSLATION = "# Chaleiras\n\nA chaleira de aço e a [de vidro](https://example.org/glass) fervem rápido.\n";

function site(config: object) {
  return writeTempFiles({ "docs/.nl-lint.json": JSON.stringify(config), "docs/en/kettles.md": SOURCE, "docs/pt-br/kettles.md": TRANSLATION }, "nl-lint-source-root-");
}

describe("the configuration's sourceRoot", () => {
  it("pairs each translation with the file at the same relative path under it, and lints no source as a translation", async () => {
    const root = site({ sourceRoot: "en" });
    const { results } = await lintFiles([root], { cwd: root, concurrency: 1 });
    expect(results.map((r) => r.filePath)).toEqual([join(root, "docs", "pt-br", "kettles.md")]);
    expect(results[0].sourceFilePath).toBe(join(root, "docs", "en", "kettles.md"));
    expect(results[0].messages.map((m) => m.ruleId)).toContain("link-count");
  });

  it("gives way to --source-root", async () => {
    const root = writeTempFiles({
      "docs/.nl-lint.json": JSON.stringify({ sourceRoot: "old-en" }),
      "docs/old-en/kettles.md": "# Kettles\n\nNo links here.\n",
      "docs/en/kettles.md": SOURCE,
      "docs/pt-br/kettles.md": TRANSLATION,
    }, "nl-lint-source-root-");
    const { results } = await lintFiles([join(root, "docs", "pt-br")], { cwd: root, concurrency: 1, sourceRoot: join(root, "docs", "en") });
    expect(results[0].sourceFilePath).toBe(join(root, "docs", "en", "kettles.md"));
  });

  it("stops the run, naming the configuration file and the key, when it names no folder", async () => {
    const root = site({ sourceRoot: "english" });
    const run = lintFiles([root], { cwd: root, concurrency: 1 });
    await expect(run).rejects.toThrow(ConfigError);
    await expect(run).rejects.toThrow(`${join(root, "docs", ".nl-lint.json")}: sourceRoot: no such folder: ${join(root, "docs", "english")}`);
  });
});
