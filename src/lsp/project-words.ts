import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { applyEdits, findNodeAtLocation, modify, parseTree, type JSONPath, type ParseError } from "jsonc-parser";
import { parseDocument } from "yaml";
import type { WorkspaceEdit } from "vscode-languageserver/node";
import { readText } from "../node/engine.js";

/** The configuration file the server writes when a project has none: the first name the CLI looks for. */
export const NEW_CONFIG_NAME = ".nl-lint.json";

/** The key that holds nl-lint's settings in a package.json (see src/node/config.ts). */
const PACKAGE_KEY = "nl-lint";

/**
 * The edit that adds a word to a project's `words`: to the configuration file that applies (JSON,
 * YAML or a package.json's "nl-lint" key), keeping the rest of the file as written, or to a new
 * `.nl-lint.json` in the workspace when the project has none. `currentText` is the editor's text
 * of the configuration when it is open. Undefined when the file cannot be read or parsed.
 */
export function addWordEdit(word: string, configFile: string | undefined, workspaceRoot: string, currentText?: string): WorkspaceEdit | undefined {
  if (configFile === undefined) {
    const uri = pathToFileURL(join(workspaceRoot, NEW_CONFIG_NAME)).href;
    const text = `${JSON.stringify({ words: [word] }, null, 2)}\n`;
    return { documentChanges: [{ kind: "create", uri, options: { ignoreIfExists: true } }, { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }] }] };
  }
  const text = currentText ?? readText(configFile).text;
  if (text === undefined) return undefined;
  const updated = /\.ya?ml$/i.test(configFile) ? withWordYaml(text, word) : withWordJson(text, word, basename(configFile) === "package.json" ? [PACKAGE_KEY] : []);
  if (updated === undefined) return undefined;
  return { changes: { [pathToFileURL(configFile).href]: [{ range: { start: { line: 0, character: 0 }, end: endOf(text) }, newText: updated }] } };
}

function endOf(text: string): { line: number; character: number } {
  const lines = text.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

/** JSON edited in place with jsonc-parser, so that the file's own layout stays. */
function withWordJson(text: string, word: string, prefix: JSONPath): string | undefined {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors);
  if (!tree || errors.length > 0) return undefined;
  const indent = /\n([ \t]+)\S/.exec(text)?.[1];
  const formattingOptions = { insertSpaces: !indent?.startsWith("\t"), tabSize: indent?.length || 2, eol: text.includes("\r\n") ? "\r\n" : "\n" };
  const words = findNodeAtLocation(tree, [...prefix, "words"]);
  const edits = words?.type === "array"
    ? modify(text, [...prefix, "words", words.children?.length ?? 0], word, { formattingOptions, isArrayInsertion: true })
    : modify(text, [...prefix, "words"], [word], { formattingOptions });
  return applyEdits(text, edits);
}

/** YAML through the `yaml` package's document model, which keeps comments. */
function withWordYaml(text: string, word: string): string | undefined {
  const document = parseDocument(text);
  if (document.errors.length > 0) return undefined;
  if (document.hasIn(["words"])) document.addIn(["words"], word);
  else document.setIn(["words"], [word]);
  return document.toString();
}
