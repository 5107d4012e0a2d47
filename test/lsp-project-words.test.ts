import { join } from "node:path";
import { readFileSync } from "node:fs";
import { TextDocument } from "vscode-languageserver-textdocument";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { addWordEdit, NEW_CONFIG_NAME } from "../src/lsp/project-words.js";
import { fileUri } from "./helpers/lsp-client.js";
import { writeTempFiles } from "./helpers/temp-files.js";

/** The configuration's text after the edit the "add word" quick fix makes. */
function afterAdding(word: string, root: string, name: string): string {
  const path = join(root, name);
  const edit = addWordEdit(word, path, root)!;
  const text = readFileSync(path, "utf8");
  return TextDocument.applyEdits(TextDocument.create(fileUri(path), "json", 1, text), edit.changes![fileUri(path)]);
}

describe("adding a word to the project's words", () => {
  it("appends to a JSON configuration's words and keeps the file's own layout", () => {
    const text = `{\n    "rules": { "typo": "error" },\n    "words": ["kubectl"]\n}\n`;
    const root = writeTempFiles({ ".nl-lint.json": text });
    const updated = afterAdding("helmfile", root, ".nl-lint.json");
    expect(JSON.parse(updated)).toEqual({ rules: { typo: "error" }, words: ["kubectl", "helmfile"] });
    expect(updated).toContain(`    "rules": { "typo": "error" },`);
  });

  it("starts the words of a JSON configuration that has none", () => {
    const root = writeTempFiles({ "nl-lint.config.json": `{ "sourceLanguage": "en" }\n` });
    expect(JSON.parse(afterAdding("webhook", root, "nl-lint.config.json"))).toEqual({ sourceLanguage: "en", words: ["webhook"] });
  });

  it("writes under a package.json's nl-lint key, not at its top", () => {
    const root = writeTempFiles({ "package.json": `{\n  "name": "site",\n  "nl-lint": { "words": [] }\n}\n` });
    const updated = JSON.parse(afterAdding("frontmatter", root, "package.json"));
    expect(updated).toEqual({ name: "site", "nl-lint": { words: ["frontmatter"] } });
  });

  it("adds to a YAML configuration and keeps its comments", () => {
    const root = writeTempFiles({ ".nl-lint.yaml": `# names the dictionary lacks\nwords:\n  - Grafana\ntargetLanguage: pt-br\n` });
    const updated = afterAdding("Prometheus", root, ".nl-lint.yaml");
    expect(parseYaml(updated)).toEqual({ words: ["Grafana", "Prometheus"], targetLanguage: "pt-br" });
    expect(updated).toContain("# names the dictionary lacks");
  });

  it("creates a configuration holding the word in the workspace when the project has none", () => {
    const root = writeTempFiles({});
    const edit = addWordEdit("Zola", undefined, root)!;
    const uri = fileUri(join(root, NEW_CONFIG_NAME));
    expect(edit.documentChanges![0]).toEqual({ kind: "create", uri, options: { ignoreIfExists: true } });
    const write = edit.documentChanges![1] as { textDocument: { uri: string }; edits: Array<{ newText: string }> };
    expect(write.textDocument.uri).toBe(uri);
    expect(JSON.parse(write.edits[0].newText)).toEqual({ words: ["Zola"] });
  });

  it("offers no edit for a configuration that does not parse, rather than overwrite it", () => {
    const root = writeTempFiles({ ".nl-lint.json": `{ "words": [` });
    expect(addWordEdit("Hugo", join(root, ".nl-lint.json"), root)).toBeUndefined();
  });
});
