import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintFiles } from "../src/node/lint-files.js";
import { writeTempFiles } from "./helpers/temp-files.js";

/**
 * A real editor as the language client: Debian's Neovim (0.7, built-in LSP client) run headless
 * opens a post with nl-lint's server configured (test/helpers/nvim-lsp-init.lua) and writes the
 * diagnostics it shows; they must be the findings the files engine reports. Skips, saying why,
 * where `nvim` is not installed (.ci/run installs it).
 */

const repoRoot = join(import.meta.dirname, "..");
const nvim = spawnSync("nvim", ["--version"], { encoding: "utf8" });
const nvimMissing = nvim.status !== 0 ? "nvim is not installed (apt-get install neovim; .ci/run does)" : undefined;
if (nvimMissing) console.warn(`skipping the Neovim test: ${nvimMissing}`);

const seedsFolder = join(repoRoot, "..", "shared", "seeds");
const seed = existsSync(seedsFolder) ? readdirSync(seedsFolder).find((name) => name.startsWith("000_")) : undefined;

const OWN_POST = `<!-- The bridge opens at [nine](https://example.org/bridge) every morning. -->

A ponte abre às nove todas as manhãs, tambÃ©m aos domingos.
`;

/** The post Neovim opens: the seed when ../shared is there, else a post of our own. */
function post(): { root: string; path: string } {
  if (seed) return { root: seedsFolder, path: join(seedsFolder, seed) };
  const root = writeTempFiles({ "bridge.md": OWN_POST }, "nl-lint-nvim-");
  return { root, path: join(root, "bridge.md") };
}

type Shown = { code: string; lnum: number; col: number; end_lnum: number; end_col: number };

/** Opens `path` in headless Neovim with nl-lint's server (and the client's `settings`), and returns the diagnostics it showed. */
function shownByNeovim(root: string, path: string, settings?: object): Shown[] {
  const out = join(writeTempFiles({}, "nl-lint-nvim-out-"), "diagnostics.json");
  const run = spawnSync("nvim", ["--headless", "-u", join(repoRoot, "test", "helpers", "nvim-lsp-init.lua"), path], {
    cwd: root,
    encoding: "utf8",
    timeout: 120_000,
    env: {
      ...process.env, NL_LINT_OUT: out, NL_LINT_NODE: process.execPath, NL_LINT_BIN: join(repoRoot, "bin", "nl-lint.js"), NL_LINT_ROOT: root,
      ...(settings ? { NL_LINT_SETTINGS: JSON.stringify(settings), NL_LINT_WAIT_FOR_FINDINGS: "1" } : {}),
    },
  });
  expect(existsSync(out), `Neovim wrote nothing (exit ${run.status}): ${run.stderr}`).toBe(true);
  const written = JSON.parse(readFileSync(out, "utf8")) as { error?: string; diagnostics?: Shown[] };
  expect(written.error).toBeUndefined();
  return written.diagnostics!;
}

describe.skipIf(nvimMissing !== undefined)("Neovim 0.7 as the client of nl-lint lsp", () => {
  it("shows the findings the CLI reports, at the same places", async () => {
    const { root, path } = post();
    const written = { diagnostics: shownByNeovim(root, path) };
    const { results } = await lintFiles([path], { cwd: root, concurrency: 1 });
    // Neovim counts columns in bytes; the server (and the CLI) in UTF-16 units, as LSP does by default.
    const lines = readFileSync(path, "utf8").split(/\r\n|\r|\n/);
    const byteColumn = (line: number, column: number) => Buffer.byteLength(lines[line - 1].slice(0, column - 1));
    const expected = results[0].messages.map((m) => ({ code: m.ruleId, lnum: m.line - 1, col: byteColumn(m.line, m.column), end_lnum: m.endLine - 1, end_col: byteColumn(m.endLine, m.endColumn) }));
    expect(expected.length).toBeGreaterThan(0);
    const shown = written.diagnostics!.map(({ code, lnum, col, end_lnum, end_col }) => ({ code, lnum, col, end_lnum, end_col }));
    const order = (a: { lnum: number; col: number; code: string }, b: { lnum: number; col: number; code: string }) => a.lnum - b.lnum || a.col - b.col || a.code.localeCompare(b.code);
    expect(shown.sort(order)).toEqual(expected.sort(order));
  }, 150_000);

  it("pairs a translation with its source under the sourceRoot of the client's settings, as --source-root does", async () => {
    const root = writeTempFiles({
      "docs/en/river.md": "# The river\n\nWe walked along [the river](https://example.org/river) to [the mill](https://example.org/mill).\n",
      "docs/pt-br/river.md": "# O rio\n\nCaminhamos ao longo do rio até [o moinho](https://example.org/mill).\n",
    }, "nl-lint-nvim-");
    const path = join(root, "docs", "pt-br", "river.md");
    const shown = shownByNeovim(root, path, { "nl-lint": { sourceRoot: "docs/en" } });
    const { results } = await lintFiles([path], { cwd: root, concurrency: 1, sourceRoot: join(root, "docs", "en") });
    const expected = results[0].messages.map((m) => ({ code: m.ruleId, lnum: m.line - 1 }));
    expect(expected.map((e) => e.code)).toContain("link-count");
    expect(shown.map(({ code, lnum }) => ({ code, lnum }))).toEqual(expected);
  }, 150_000);
});
