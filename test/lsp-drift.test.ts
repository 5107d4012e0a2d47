import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "vscode-languageserver-protocol/node";
import { afterEach, describe, expect, it } from "vitest";
import { lintFiles } from "../src/node/lint-files.js";
import { hasGit, repository } from "./helpers/git-repo.js";
import { fileUri, startLspClient, type LspClient } from "./helpers/lsp-client.js";

/**
 * `stale-translation` in the editor: the server asks git how a translation's source changed since
 * the translation's last commit, as the CLI does, and asks again when a file is saved.
 */

const CONFIG = JSON.stringify({ pairs: [{ source: "en/**", translation: "fr/**" }], rules: { "stale-translation": "warn" } });
const SOURCE = "# Bread\n\nMix the flour with water.\n\nBake it for an hour.\n";
const TRANSLATION = "# Pain\n\nMélangez la farine avec l'eau.\n\nFaites-le cuire une heure.\n";

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code);
const view = (diagnostics: Diagnostic[]) => diagnostics.map((d) => ({ code: d.code, line: d.range.start.line, message: d.message }));

/** What the CLI's engine reports for the file, in the same shape. */
async function engineView(root: string, file: string) {
  const { results } = await lintFiles([file], { cwd: root, concurrency: 1 });
  return results[0].messages.map((m) => ({ code: m.ruleId, line: m.line - 1, message: m.message }));
}

describe.skipIf(!hasGit())("the language server and git drift (needs git)", () => {
  let client: LspClient | undefined;
  afterEach(async () => {
    await client?.close();
    client = undefined;
  });

  /** A repository where the source's last paragraph changed after the translation's last commit. */
  function driftedRepository() {
    const repo = repository();
    repo.write(".nl-lint.json", CONFIG);
    repo.write("en/bread.md", SOURCE);
    repo.write("fr/bread.md", TRANSLATION);
    repo.commit("bread, in English and French");
    repo.write("en/bread.md", SOURCE.replace("for an hour", "for forty minutes"));
    repo.commit("a shorter baking time");
    return repo;
  }

  it("reports a translation whose source changed since its last commit, as the CLI does", async () => {
    const repo = driftedRepository();
    const path = join(repo.dir, "fr", "bread.md");
    client = await startLspClient(repo.dir);
    const published = client.diagnostics(fileUri(path));
    client.open(fileUri(path), readFileSync(path, "utf8"));
    const diagnostics = await published;
    expect(codes(diagnostics)).toContain("stale-translation");
    expect(view(diagnostics)).toEqual(await engineView(repo.dir, path));
  });

  it("asks git again when the translation is saved: a translation committed after its source is no longer stale", async () => {
    const repo = driftedRepository();
    const path = join(repo.dir, "fr", "bread.md");
    const uri = fileUri(path);
    client = await startLspClient(repo.dir);
    const first = client.diagnostics(uri);
    client.open(uri, TRANSLATION);
    expect(codes(await first)).toContain("stale-translation");

    const updated = TRANSLATION.replace("une heure", "quarante minutes");
    const typed = client.diagnostics(uri);
    client.change(uri, 2, updated);
    // Typing asks git nothing: the drift is that of the file as last saved.
    expect(codes(await typed)).toContain("stale-translation");
    writeFileSync(path, updated);
    repo.commit("the French follows");
    const afterSave = client.diagnostics(uri);
    await client.connection.sendNotification("textDocument/didSave", { textDocument: { uri } });
    const saved = await afterSave;
    expect(codes(saved)).not.toContain("stale-translation");
    expect(view(saved)).toEqual(await engineView(repo.dir, path));
  });

  it("asks git again for the open translations of a source that is saved", async () => {
    const repo = repository();
    repo.write(".nl-lint.json", CONFIG);
    repo.write("en/bread.md", SOURCE);
    repo.write("fr/bread.md", TRANSLATION);
    repo.commit("bread, in English and French");
    const translation = join(repo.dir, "fr", "bread.md");
    const source = join(repo.dir, "en", "bread.md");
    client = await startLspClient(repo.dir);
    const first = client.diagnostics(fileUri(translation));
    client.open(fileUri(translation), TRANSLATION);
    expect(codes(await first)).not.toContain("stale-translation");

    const changed = SOURCE.replace("for an hour", "for forty minutes");
    const sourceOpened = client.diagnostics(fileUri(source));
    client.open(fileUri(source), SOURCE);
    await sourceOpened;
    const typed = client.diagnostics(fileUri(translation));
    client.change(fileUri(source), 2, changed);
    await typed;
    writeFileSync(source, changed);
    repo.commit("a shorter baking time");
    const afterSave = client.diagnostics(fileUri(translation), (d) => codes(d).includes("stale-translation"));
    await client.connection.sendNotification("textDocument/didSave", { textDocument: { uri: fileUri(source) } });
    expect(view(await afterSave)).toEqual(await engineView(repo.dir, translation));
  });
});

