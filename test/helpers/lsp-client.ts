import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  PublishDiagnosticsNotification, type Diagnostic, type ProtocolConnection,
} from "vscode-languageserver-protocol/node";

const repoRoot = join(import.meta.dirname, "..", "..");

/** A language client as an editor is one: nl-lint's server run as `nl-lint lsp --stdio`, spoken to in JSON-RPC. */
export interface LspClient {
  connection: ProtocolConnection;
  process: ChildProcess;
  /** What the server wrote to stderr so far. */
  stderr(): string;
  /** The next diagnostics published for `uri` that `accept` takes (by default the next ones at all). */
  diagnostics(uri: string, accept?: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]>;
  /** Opens a file's text as the editor would (version 1). */
  open(uri: string, text: string, languageId?: string): void;
  /** Replaces a document's whole text, as one change. */
  change(uri: string, version: number, text: string): void;
  close(): Promise<void>;
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

/** What the client tells the server of its settings: at the start, and when asked for section `nl-lint`. */
export interface ClientSettings {
  initializationOptions?: unknown;
  /** The `nl-lint` section's settings; when given, the client says it answers `workspace/configuration`. */
  workspaceSettings?: unknown;
}

/** Starts the server in `workspace` and initializes it. */
export async function startLspClient(workspace: string, settings: ClientSettings = {}): Promise<LspClient> {
  const child = spawn(process.execPath, [join(repoRoot, "bin", "nl-lint.js"), "lsp", "--stdio"], { cwd: workspace, stdio: ["pipe", "pipe", "pipe"] });
  let errors = "";
  child.stderr!.on("data", (chunk) => (errors += chunk));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting: Array<{ uri: string; accept: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void; reject: (e: Error) => void }> = [];
  // A server that dies fails the test at once, with what it said, rather than by a time-out.
  child.on("exit", (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`the server exited (${code}) before publishing diagnostics for ${w.uri}: ${errors}`));
  });
  connection.onNotification(PublishDiagnosticsNotification.type, ({ uri, diagnostics }) => {
    for (const [i, w] of waiting.entries()) {
      if (w.uri !== uri || !w.accept(diagnostics)) continue;
      waiting.splice(i, 1);
      w.resolve(diagnostics);
      return;
    }
  });
  // The server asks to watch configuration files; a client answers such requests.
  connection.onRequest("client/registerCapability", () => null);
  connection.onNotification("window/showMessage", () => undefined);
  connection.onNotification("window/logMessage", () => undefined);
  const answersSettings = settings.workspaceSettings !== undefined;
  connection.onRequest("workspace/configuration", ({ items }: { items: Array<{ section?: string }> }) => items.map((item) => (item.section === "nl-lint" ? settings.workspaceSettings : null)));
  connection.listen();
  await connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: fileUri(workspace),
    workspaceFolders: [{ uri: fileUri(workspace), name: "workspace" }],
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, ...(answersSettings ? { configuration: true } : {}) } },
    ...(settings.initializationOptions !== undefined ? { initializationOptions: settings.initializationOptions } : {}),
  });
  await connection.sendNotification("initialized", {});
  return {
    connection,
    process: child,
    stderr: () => errors,
    diagnostics: (uri, accept = () => true) => new Promise((resolve, reject) => waiting.push({ uri, accept, resolve, reject })),
    open: (uri, text, languageId = "markdown") => void connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId, version: 1, text } }),
    change: (uri, version, text) => void connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ text }] }),
    close: async () => {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server had already exited (${child.exitCode ?? child.signalCode}): ${errors}`);
      const exited = new Promise((resolve) => child.once("exit", resolve));
      await connection.sendRequest("shutdown");
      await connection.sendNotification("exit");
      await exited;
      connection.dispose();
    },
  };
}
