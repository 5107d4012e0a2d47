import { join } from "node:path";
import type { Diagnostic } from "vscode-languageserver-protocol/node";
import { afterEach, describe, expect, it } from "vitest";
import { lintFiles, type LintFilesOptions } from "../src/node/lint-files.js";
import { fileUri, startLspClient, type ClientSettings, type LspClient } from "./helpers/lsp-client.js";
import { writeTempFiles } from "./helpers/temp-files.js";

/**
 * The editor's settings for the whole workspace, as the command line's options are for a run:
 * `sourceRoot` (`--source-root`) and `targetLang` (`--target-lang`), from the client's
 * initialization options or from its `nl-lint` settings; a configuration file's `sourceRoot`.
 */

// A source with two links, and a translation that kept one: a finding only a parallel pair has.
const SOURCE = "# Lamps\n\nOur [desk lamp](https://example.org/desk) and [floor lamp](https://example.org/floor) are on sale.\n";
const TRANSLATION = "# Lâmpadas\n\nNossa luminária de mesa e a [de chão](https://example.org/floor) estão em promoção.\n";
// Too short to tell its language by: only a named language gives it a dictionary.
const SHORT_POST = "<!-- The shop opens at nine and closes late. -->\nA loja abre às nove e fecha tambem tarde.\n";

const view = (diagnostics: Diagnostic[]) => diagnostics.map((d) => ({ code: d.code, line: d.range.start.line, character: d.range.start.character, message: d.message }));

async function engineView(root: string, file: string, options: Partial<LintFilesOptions> = {}) {
  const { results } = await lintFiles([root], { cwd: root, concurrency: 1, ...options });
  const result = results.find((r) => r.filePath === file)!;
  return result.messages.map((m) => ({ code: m.ruleId, line: m.line - 1, character: m.column - 1, message: m.message }));
}

describe("the language server's workspace settings", () => {
  let client: LspClient | undefined;
  afterEach(async () => {
    await client?.close();
    client = undefined;
  });

  async function openIn(root: string, relative: string, text: string, settings: ClientSettings, accept?: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    client = await startLspClient(root, settings);
    const uri = fileUri(join(root, relative));
    const published = client.diagnostics(uri, accept);
    client.open(uri, text);
    return published;
  }

  const siteFiles = () => writeTempFiles({ "docs/en/lamps.md": SOURCE, "docs/pt-br/lamps.md": TRANSLATION }, "nl-lint-lsp-settings-");
  const hasLinkCount = (d: Diagnostic[]) => d.some((x) => x.code === "link-count");

  it("without a source root, lints a page of a translation folder on its own", async () => {
    const root = siteFiles();
    const diagnostics = await openIn(root, "docs/pt-br/lamps.md", TRANSLATION, {});
    expect(hasLinkCount(diagnostics)).toBe(false);
  });

  it("pairs a page with its source under the initialization's sourceRoot, as --source-root does", async () => {
    const root = siteFiles();
    const diagnostics = await openIn(root, "docs/pt-br/lamps.md", TRANSLATION, { initializationOptions: { sourceRoot: "docs/en" } });
    expect(hasLinkCount(diagnostics)).toBe(true);
    expect(view(diagnostics)).toEqual(await engineView(root, join(root, "docs/pt-br/lamps.md"), { sourceRoot: "docs/en" }));
  });

  it("takes sourceRoot from the client's nl-lint settings, over the initialization's", async () => {
    const root = siteFiles();
    const diagnostics = await openIn(root, "docs/pt-br/lamps.md", TRANSLATION, { initializationOptions: { sourceRoot: "nowhere" }, workspaceSettings: { sourceRoot: "docs/en" } }, hasLinkCount);
    expect(view(diagnostics)).toEqual(await engineView(root, join(root, "docs/pt-br/lamps.md"), { sourceRoot: "docs/en" }));
  });

  it("pairs a page with its source under the configuration file's sourceRoot", async () => {
    const root = writeTempFiles({ "docs/.nl-lint.json": JSON.stringify({ sourceRoot: "en" }), "docs/en/lamps.md": SOURCE, "docs/pt-br/lamps.md": TRANSLATION }, "nl-lint-lsp-settings-");
    const diagnostics = await openIn(root, "docs/pt-br/lamps.md", TRANSLATION, {});
    expect(hasLinkCount(diagnostics)).toBe(true);
    expect(view(diagnostics)).toEqual(await engineView(root, join(root, "docs/pt-br/lamps.md")));
  });

  it("reads a page in the language targetLang names, as --target-lang does", async () => {
    const root = writeTempFiles({ "shop.md": SHORT_POST }, "nl-lint-lsp-settings-");
    const unnamed = await openIn(root, "shop.md", SHORT_POST, {});
    expect(unnamed.map((d) => d.code)).not.toContain("typo");
    await client!.close();
    const named = await openIn(root, "shop.md", SHORT_POST, { workspaceSettings: { targetLang: "pt-BR" } }, (d) => d.some((x) => x.code === "typo"));
    expect(view(named)).toEqual(await engineView(root, join(root, "shop.md"), { targetLanguage: "pt-BR" }));
  });

  it("shows a sourceRoot that names no folder as a diagnostic, as the CLI stops on it", async () => {
    const root = siteFiles();
    const diagnostics = await openIn(root, "docs/pt-br/lamps.md", TRANSLATION, { initializationOptions: { sourceRoot: "docs/fr" } });
    expect(diagnostics.map((d) => d.code)).toEqual(["config-error"]);
    expect(diagnostics[0].message).toContain("no such folder");
  });
});
