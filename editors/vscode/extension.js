// nl-lint in VS Code: starts `nl-lint lsp --stdio` for Markdown and MDX files and lets
// vscode-languageclient do the rest (diagnostics, quick fixes, hover, go to definition).
const { existsSync } = require("node:fs");
const { join } = require("node:path");
const { workspace } = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

/** The nl-lint script to run: the setting, else the workspace's own nl-lint; undefined means nl-lint on the PATH. */
function nlLintScript() {
  const configured = workspace.getConfiguration("nl-lint").get("path");
  if (configured) return configured;
  const folder = workspace.workspaceFolders?.[0]?.uri.fsPath;
  const local = folder && join(folder, "node_modules", "nl-lint", "bin", "nl-lint.js");
  return local && existsSync(local) ? local : undefined;
}

function activate(context) {
  const script = nlLintScript();
  // TransportKind.stdio adds --stdio to the arguments.
  const server = script
    ? { module: script, args: ["lsp"], transport: TransportKind.stdio }
    : { command: "nl-lint", args: ["lsp"], transport: TransportKind.stdio };
  client = new LanguageClient("nl-lint", "nl-lint", server, {
    documentSelector: [
      { scheme: "file", language: "markdown" },
      { scheme: "file", language: "mdx" },
      { scheme: "untitled", language: "markdown" },
    ],
  });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client?.stop();
}

module.exports = { activate, deactivate };
