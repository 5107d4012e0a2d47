import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { CodeAction, Diagnostic, Hover, Location, TextEdit } from "vscode-languageserver-protocol/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lintFiles } from "../src/node/lint-files.js";
import { fileUri, startLspClient, type LspClient } from "./helpers/lsp-client.js";
import { writeTempFiles } from "./helpers/temp-files.js";

/**
 * The language server driven as an editor drives it: `nl-lint lsp --stdio` spawned, spoken to in
 * JSON-RPC (vscode-languageserver-protocol's client side). What it publishes is compared with
 * what the files engine (the CLI's) reports for the same files.
 */

const GARDEN_POST = `---
lang: pt-br
---

<!-- Our garden has three apple trees and a small pond, as the [garden map](https://example.org/garden) shows. -->

Nosso jardim tem três macieiras e um pequeno lago, como mostra o [mapa do jardim](https://example.org/garden).

<!-- The pond was dug by our neighbours, who also planted the roses. -->

O lago foi cavado pelos nossos vizinhos, que tambÃ©m plantaram as rosas.

<!-- Read more about [watering](https://example.org/watering) in the summer. -->

Leia mais sobre rega no verão, com o regadorr azul.
`;

const SOURCE_PAGE = `# Pruning apple trees

Prune apple trees in late winter, before the buds open. See the [pruning guide](https://example.org/pruning) for the tools.

Cut the thin branches first.
`;

const TRANSLATED_PAGE = `# Poda de macieiras

Pode as macieiras no fim do inverno, antes de os brotos abrirem. Veja o guia de poda para as ferramentas.

Corte primeiro os galhos finos.
`;

function workspace(extra: Record<string, string> = {}): string {
  return writeTempFiles({
    ".nl-lint.json": `{\n  "pairs": [{ "source": "en/**", "translation": "pt-br/**" }],\n  "ignores": ["drafts/**"]\n}\n`,
    "garden.md": GARDEN_POST,
    "en/trees.md": SOURCE_PAGE,
    "pt-br/trees.md": TRANSLATED_PAGE,
    ...extra,
  }, "nl-lint-lsp-");
}

/** What the files engine reports for a file, as the code and 0-based range a diagnostic carries. */
async function engineView(root: string, file: string): Promise<Array<{ code: string; range: Diagnostic["range"] }>> {
  const { results } = await lintFiles([file], { cwd: root, concurrency: 1 });
  return results[0].messages.map((m) => ({
    code: m.ruleId,
    range: { start: { line: m.line - 1, character: m.column - 1 }, end: { line: m.endLine - 1, character: m.endColumn - 1 } },
  }));
}

function serverView(diagnostics: Diagnostic[]) {
  return diagnostics.map((d) => ({ code: d.code, range: d.range }));
}

function applied(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create("file:///x.md", "markdown", 1, text), edits);
}

async function openAndWait(client: LspClient, path: string, text = readFileSync(path, "utf8"), languageId = "markdown"): Promise<Diagnostic[]> {
  const published = client.diagnostics(fileUri(path));
  client.open(fileUri(path), text, languageId);
  return published;
}

async function actionsAt(client: LspClient, path: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  return client.connection.sendRequest("textDocument/codeAction", {
    textDocument: { uri: fileUri(path) }, range: diagnostic.range, context: { diagnostics: [diagnostic] },
  });
}

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code);

describe("nl-lint lsp --stdio", () => {
  let root: string;
  let client: LspClient;

  beforeAll(async () => {
    root = workspace();
    client = await startLspClient(root);
  });
  afterAll(async () => client?.close());

  it("publishes the findings the CLI reports for an inline post, with the rule as code and a link to its page", async () => {
    const path = join(root, "garden.md");
    const diagnostics = await openAndWait(client, path);
    expect(codes(diagnostics)).toEqual(expect.arrayContaining(["mojibake", "link-count", "typo"]));
    expect(serverView(diagnostics)).toEqual(await engineView(root, path));
    const mojibake = diagnostics.find((d) => d.code === "mojibake")!;
    expect(mojibake.codeDescription?.href).toMatch(/docs\/rules\/mojibake\.md$/);
    expect(mojibake.source).toBe("nl-lint");
  });

  it("pairs a parallel translation with its source file as the CLI does, and hovers and jumps to the source", async () => {
    const path = join(root, "pt-br", "trees.md");
    const diagnostics = await openAndWait(client, path);
    expect(codes(diagnostics)).toContain("link-count");
    expect(serverView(diagnostics)).toEqual(await engineView(root, path));
    const hover: Hover = await client.connection.sendRequest("textDocument/hover", { textDocument: { uri: fileUri(path) }, position: { line: 2, character: 10 } });
    const shown = (hover.contents as { value: string }).value;
    expect(shown).toContain("[pruning guide](https://example.org/pruning)");
    expect(shown).toContain("link-count");
    const definition: Location[] = await client.connection.sendRequest("textDocument/definition", { textDocument: { uri: fileUri(path) }, position: { line: 2, character: 10 } });
    expect(definition).toEqual([{ uri: fileUri(join(root, "en", "trees.md")), range: { start: { line: 2, character: 0 }, end: { line: 2, character: 123 } } }]);
  });

  it("shows a finding in the source file on the translated block it pairs with, pointing to the source", async () => {
    const root = workspace({ "en/birds.mdx": "# Feeding birds\n\nPut seeds out <Feeder in winter.\n", "pt-br/birds.mdx": "# Alimentar pássaros\n\nColoque sementes no inverno.\n" });
    const own = await startLspClient(root);
    try {
      const diagnostics = await openAndWait(own, join(root, "pt-br", "birds.mdx"), undefined, "mdx");
      const inSource = diagnostics.find((d) => d.code === "mdx-syntax")!;
      expect(inSource.range.start.line).toBe(2);
      expect(inSource.message).toMatch(/^In the source \(birds\.mdx:3\): Not valid MDX/);
      expect(inSource.relatedInformation?.[0].location).toEqual({ uri: fileUri(join(root, "en", "birds.mdx")), range: { start: { line: 2, character: 31 }, end: { line: 2, character: 31 } } });
    } finally {
      await own.close();
    }
  });

  it("lints a translation again when its source changes in the editor, unsaved", async () => {
    const translation = join(root, "pt-br", "trees.md");
    const source = join(root, "en", "trees.md");
    await openAndWait(client, source);
    const relinted = client.diagnostics(fileUri(translation), (d) => !codes(d).includes("link-count"));
    client.change(fileUri(source), 2, SOURCE_PAGE.replace("[pruning guide](https://example.org/pruning)", "pruning guide"));
    expect(codes(await relinted)).not.toContain("link-count");
  });

  it("hovering a source comment shows its translation; definition from a translation leads to its comment", async () => {
    const path = join(root, "garden.md");
    const hover: Hover = await client.connection.sendRequest("textDocument/hover", { textDocument: { uri: fileUri(path) }, position: { line: 4, character: 12 } });
    expect((hover.contents as { value: string }).value).toContain("Nosso jardim tem três macieiras");
    const definition: Location[] = await client.connection.sendRequest("textDocument/definition", { textDocument: { uri: fileUri(path) }, position: { line: 6, character: 3 } });
    expect(definition.map((l) => [l.uri, l.range.start.line])).toEqual([[fileUri(path), 4]]);
  });

  it("offers the safe fix as the preferred quick fix; applying it and sending the text clears the finding", async () => {
    const path = join(root, "garden.md");
    const before = await openAndWait(client, path, GARDEN_POST);
    const actions = await actionsAt(client, path, before.find((d) => d.code === "mojibake")!);
    const fix = actions.find((a) => a.isPreferred)!;
    const fixed = applied(GARDEN_POST, fix.edit!.changes![fileUri(path)]);
    expect(fixed).toContain("que também plantaram");
    const after = client.diagnostics(fileUri(path));
    client.change(fileUri(path), 2, fixed);
    expect(codes(await after)).not.toContain("mojibake");
  });

  it("offers a typo's suggestions as quick fixes that are not preferred", async () => {
    const path = join(root, "garden.md");
    const diagnostics = await openAndWait(client, path, GARDEN_POST);
    const actions = await actionsAt(client, path, diagnostics.find((d) => d.code === "typo")!);
    const suggestion = actions.find((a) => a.title.includes("regador") && !a.title.startsWith("Disable") && !a.title.startsWith("Add"))!;
    expect(suggestion.isPreferred).toBe(false);
    expect(applied(GARDEN_POST, suggestion.edit!.changes![fileUri(path)])).toContain("com o regador azul");
  });

  it("disables a rule for a line and for a file with a directive that has a reason to fill in", async () => {
    const path = join(root, "garden.md");
    const diagnostics = await openAndWait(client, path, GARDEN_POST);
    const linkCount = diagnostics.find((d) => d.code === "link-count")!;
    const actions = await actionsAt(client, path, linkCount);
    const forLine = actions.find((a) => a.title === "Disable link-count for this line")!;
    const lineText = applied(GARDEN_POST, forLine.edit!.changes![fileUri(path)]);
    expect(lineText).toMatch(/<!-- nl-lint-disable-(?:next-)?line link-count -- reason -->/);
    const afterLine = client.diagnostics(fileUri(path));
    client.change(fileUri(path), 2, lineText);
    const lineCodes = codes(await afterLine);
    expect(lineCodes).not.toContain("link-count");
    expect(lineCodes).toContain("link-target");

    const forFile = actions.find((a) => a.title === "Disable link-count for this file")!;
    const fileText = applied(GARDEN_POST, forFile.edit!.changes![fileUri(path)]);
    expect(fileText.startsWith("---\nlang: pt-br\n---\n<!-- nl-lint-disable-file link-count -- reason -->\n")).toBe(true);
    const afterFile = client.diagnostics(fileUri(path));
    client.change(fileUri(path), 3, fileText);
    expect(codes(await afterFile)).not.toContain("link-count");
  });

  it("offers no line directive for a finding in the front matter, where a comment would break the YAML", async () => {
    const path = join(root, "library.md");
    const text = `---\ntitle: "Uma visita à biblioteca tambÃ©m"\n---\n\nTexto simples aqui.\n`;
    const diagnostics = await openAndWait(client, path, text);
    const titles = (await actionsAt(client, path, diagnostics.find((d) => d.code === "mojibake")!)).map((a) => a.title);
    expect(titles).toContain("Disable mojibake for this file");
    expect(titles).not.toContain("Disable mojibake for this line");
  });

  it("in MDX, disables a rule for a line inside a paragraph with an MDX comment at the line's end", async () => {
    const path = join(root, "ferry.mdx");
    const text = "# Balsa\n\nA balsa sai cedo\ne volta tambÃ©m à tarde.\n";
    const diagnostics = await openAndWait(client, path, text, "mdx");
    const actions = await actionsAt(client, path, diagnostics.find((d) => d.code === "mojibake")!);
    const forLine = actions.find((a) => a.title === "Disable mojibake for this line")!;
    const disabled = applied(text, forLine.edit!.changes![fileUri(path)]);
    expect(disabled).toBe("# Balsa\n\nA balsa sai cedo\ne volta tambÃ©m à tarde. {/* nl-lint-disable-line mojibake -- reason */}\n");
    const after = client.diagnostics(fileUri(path));
    client.change(fileUri(path), 2, disabled);
    expect(codes(await after)).toEqual([]);
  });

  it("adds a typo's word to the project's words in its configuration file, and the word is then accepted", async () => {
    const path = join(root, "garden.md");
    const diagnostics = await openAndWait(client, path, GARDEN_POST);
    const actions = await actionsAt(client, path, diagnostics.find((d) => d.code === "typo")!);
    const add = actions.find((a) => a.title === `Add "regadorr" to the project's words`)!;
    const configPath = join(root, ".nl-lint.json");
    const edits = add.edit!.changes![fileUri(configPath)];
    const config = applied(readFileSync(configPath, "utf8"), edits);
    expect(JSON.parse(config)).toEqual({ pairs: [{ source: "en/**", translation: "pt-br/**" }], ignores: ["drafts/**"], words: ["regadorr"] });
    writeFileSync(configPath, config);
    const after = client.diagnostics(fileUri(path), (d) => !codes(d).includes("typo"));
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: fileUri(configPath), type: 2 }] });
    expect(codes(await after)).toContain("link-count");
  });

  it("publishes nothing for a file the configuration's ignores leave out, as the CLI lints nothing there", async () => {
    const path = join(root, "drafts", "garden.md");
    expect(await openAndWait(client, path, GARDEN_POST)).toEqual([]);
  });

  it("updates the diagnostics as the text changes", async () => {
    const path = join(root, "notes.md");
    const first = await openAndWait(client, path, "# Notas\n\nTudo certo aqui.\n");
    expect(first).toEqual([]);
    const updated = client.diagnostics(fileUri(path));
    client.change(fileUri(path), 2, "# Notas\n\nTudo certo aqui, tambÃ©m.\n");
    expect(codes(await updated)).toEqual(["mojibake"]);
  });
});

describe("nl-lint lsp --stdio on bad input", () => {
  it("says how to start the server, and exits 2, when --stdio is missing", () => {
    const run = spawnSync(process.execPath, [join(import.meta.dirname, "..", "bin", "nl-lint.js"), "lsp"], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("nl-lint: lsp needs --stdio\nUsage: nl-lint lsp --stdio");
  });

  it("reports a configuration it cannot read as a diagnostic, and lints again once it is mended", async () => {
    const root = workspace({ ".nl-lint.json": "{ \"words\": [" });
    const client = await startLspClient(root);
    try {
      const path = join(root, "garden.md");
      const broken = await openAndWait(client, path);
      expect(broken).toHaveLength(1);
      expect(broken[0].code).toBe("config-error");
      expect(broken[0].message).toContain(".nl-lint.json");
      writeFileSync(join(root, ".nl-lint.json"), "{}\n");
      const mended = client.diagnostics(fileUri(path));
      await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: fileUri(join(root, ".nl-lint.json")), type: 2 }] });
      expect(codes(await mended)).toContain("mojibake");
    } finally {
      await client.close();
    }
  });

  it("lints a file that is not valid MDX as Markdown with a warning, and ends quietly when the client goes away", async () => {
    const root = workspace();
    const client = await startLspClient(root);
    const path = join(root, "broken.mdx");
    const diagnostics = await openAndWait(client, path, "# Título\n\nUm texto com <Aviso sem fim.\n", "mdx");
    expect(codes(diagnostics)).toContain("mdx-syntax");
    const exited = new Promise<number | null>((resolve) => client.process.once("exit", resolve));
    client.process.stdin!.end();
    await exited;
    expect(client.stderr()).not.toMatch(/\n\s+at /);
  });
});

const seedsFolder = join(import.meta.dirname, "..", "..", "shared", "seeds");
const seed = existsSync(seedsFolder) ? readdirSync(seedsFolder).find((name) => name.startsWith("000_")) : undefined;

describe.skipIf(seed === undefined)("nl-lint lsp --stdio on the seed post (../shared/seeds)", () => {
  it("publishes the findings the CLI reports for it", async () => {
    const path = join(seedsFolder, seed!);
    const client = await startLspClient(seedsFolder);
    try {
      const diagnostics = await openAndWait(client, path);
      expect(diagnostics.length).toBeGreaterThan(0);
      expect(serverView(diagnostics)).toEqual(await engineView(seedsFolder, path));
    } finally {
      await client.close();
    }
  });
});
