import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  CodeActionKind, DiagnosticSeverity, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, MessageType, ShowMessageNotification, TextDocuments, TextDocumentSyncKind,
  type CodeAction, type Connection, type Diagnostic, type InitializeParams,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { CONFIG_FILE_NAMES, ConfigError } from "../node/config.js";
import { codeActionsFor, rangesMeet } from "./code-actions.js";
import { diagnosticsOf } from "./diagnostics.js";
import { editorSettingsOf, type EditorSettings } from "./editor-settings.js";
import { definitionAt, hoverAt } from "./pairs.js";
import { addWordEdit } from "./project-words.js";
import { ruleDocsLinker } from "./rule-links.js";
import { LintSession, type LintedText } from "./session.js";

/** How long typing must pause before the text is linted again. */
export const LINT_DELAY_MS = 150;

const MARKDOWN_FILE = /\.(?:md|mdx|markdown)$/i;
const LINTED_LANGUAGES = new Set(["markdown", "mdx"]);

interface Linted extends LintedText {
  version: number;
}

/** The file path a document stands for; an unsaved one is given a name in the workspace, so that its configuration is found. */
function pathOf(uri: string, root: string): string {
  return uri.startsWith("file:") ? fileURLToPath(uri) : join(root, "untitled.md");
}

function rootOf(params: InitializeParams): string {
  const uri = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
  if (uri?.startsWith("file:")) return fileURLToPath(uri);
  return params.rootPath ?? process.cwd();
}

/** Wires nl-lint's linting to a connection: diagnostics, code actions, hover and definition. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const linted = new Map<string, Linted>();
  const timers = new Map<string, NodeJS.Timeout>();
  const docsUrl = ruleDocsLinker();
  const toldProblems = new Set<string>();
  let root = process.cwd();
  let session: LintSession | undefined;
  /** The settings the client started the server with (`initializationOptions`). */
  let initialSettings: EditorSettings = {};
  let settingsProblems: string[] = [];
  /** How many times the configuration or the settings changed: a lint begun before a change is not published. */
  let configurations = 0;

  const openTextOf = (filePath: string) => documents.get(pathToFileURL(filePath).href)?.getText();
  const isLinted = (document: TextDocument) => LINTED_LANGUAGES.has(document.languageId) || MARKDOWN_FILE.test(document.uri);

  connection.onInitialize((params) => {
    root = rootOf(params);
    session = new LintSession(root, openTextOf, (message) => tellOnce(message, MessageType.Warning));
    ({ settings: initialSettings, problems: settingsProblems } = editorSettingsOf(params.initializationOptions));
    session.configure(initialSettings);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        hoverProvider: true,
        definitionProvider: true,
      },
      serverInfo: { name: "nl-lint" },
    };
  });

  connection.onInitialized(() => {
    // Configuration files are read from the disk: a saved change applies to every open file.
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: CONFIG_FILE_NAMES.map((name) => ({ globPattern: `**/${name}` })) }).catch(() => undefined);
    for (const problem of settingsProblems) tellOnce(problem, MessageType.Warning);
    void connection.client.register(DidChangeConfigurationNotification.type, { section: "nl-lint" }).catch(() => undefined);
    void askSettings();
  });

  /**
   * The workspace's `nl-lint` settings, asked of the client; what they set wins over the
   * initialization's. Asked even of a client that does not say it answers: Neovim 0.7 answers
   * from its `settings` without saying so; a client that cannot answers with an error, and nothing changes.
   */
  async function askSettings(): Promise<void> {
    const section: unknown = await connection.workspace.getConfiguration("nl-lint").catch(() => undefined);
    useSettings(section);
  }

  function useSettings(section: unknown): void {
    const { settings, problems } = editorSettingsOf(section);
    for (const problem of problems) tellOnce(problem, MessageType.Warning);
    if (session?.configure({ ...initialSettings, ...settings })) configurationChanged();
  }

  // A client that pushes its settings sends them here; one that does not is asked again.
  connection.onDidChangeConfiguration(({ settings }) => {
    const section = (settings as Record<string, unknown> | null | undefined)?.["nl-lint"];
    if (section !== undefined) useSettings(section);
    else void askSettings();
  });

  /** Tells the user about a problem once (a window message), however many files it stops. */
  const tellOnce = (message: string, type: MessageType = MessageType.Error) => {
    if (toldProblems.has(message)) return;
    toldProblems.add(message);
    // A notification, not window.showErrorMessage's request: a client that cannot answer requests still shows it.
    void connection.sendNotification(ShowMessageNotification.type, { type, message: `nl-lint: ${message}` }).catch(() => undefined);
  };

  const publish = (uri: string, diagnostics: Diagnostic[]) => void connection.sendDiagnostics({ uri, diagnostics }).catch(() => undefined);

  /** Lints an open document now; a problem that stops linting becomes a diagnostic and a message, never a crash. */
  async function lintNow(document: TextDocument): Promise<Linted | undefined> {
    if (!session || !isLinted(document)) return undefined;
    const { uri, version } = document;
    const generation = configurations;
    try {
      const result: Linted = { ...(await session.lint(pathOf(uri, root), document.getText())), version };
      // A newer text, or a configuration read since, has its own lint coming: this one is not shown.
      if (documents.get(uri)?.version !== version || generation !== configurations) return result;
      linted.set(uri, result);
      publish(uri, diagnosticsOf(result, docsUrl));
      return result;
    } catch (error) {
      if (generation !== configurations) return undefined;
      const message = error instanceof ConfigError ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
      if (!(error instanceof ConfigError) && error instanceof Error) connection.console.error(error.stack ?? error.message);
      tellOnce(message);
      linted.delete(uri);
      publish(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Error, code: error instanceof ConfigError ? "config-error" : "internal-error", source: "nl-lint", message }]);
      return undefined;
    }
  }

  /** The open translations whose source is `filePath`: editing a source changes what they are compared with. */
  const translationsOf = (filePath: string) => [...linted.entries()].filter(([, l]) => l.sourcePath === filePath).map(([uri]) => uri);

  function lintLater(document: TextDocument): void {
    clearTimeout(timers.get(document.uri));
    timers.set(document.uri, setTimeout(() => {
      timers.delete(document.uri);
      void lintNow(document).then(() => relintTranslationsOf(document.uri));
    }, LINT_DELAY_MS));
  }

  async function relintTranslationsOf(uri: string): Promise<void> {
    if (!uri.startsWith("file:")) return;
    for (const translation of translationsOf(fileURLToPath(uri))) {
      const open = documents.get(translation);
      if (open) await lintNow(open);
    }
  }

  /** The lint of a document's current text: the last one when it is up to date, else a new one. */
  async function current(uri: string): Promise<{ document: TextDocument; result: Linted } | undefined> {
    const document = documents.get(uri);
    if (!document) return undefined;
    const last = linted.get(uri);
    const result = last?.version === document.version ? last : await lintNow(document);
    return result && { document, result };
  }

  // Opening a document fires a change too: the open is linted at once, and that change is not linted again.
  const justOpened = new Set<string>();
  documents.onDidOpen(({ document }) => {
    justOpened.add(document.uri);
    void lintNow(document).then(() => relintTranslationsOf(document.uri));
  });
  documents.onDidChangeContent(({ document }) => {
    if (!justOpened.delete(document.uri)) lintLater(document);
  });
  documents.onDidClose(({ document }) => {
    clearTimeout(timers.get(document.uri));
    linted.delete(document.uri);
    session?.forget(pathOf(document.uri, root));
    publish(document.uri, []);
    // A source closed unsaved is read from the disk again by its translations.
    void relintTranslationsOf(document.uri);
  });

  /** A configuration changed on disk: read configurations again and lint every open file with them. */
  const configurationChanged = () => {
    configurations++;
    session?.reset();
    toldProblems.clear();
    for (const document of documents.all()) void lintNow(document);
  };
  connection.onDidChangeWatchedFiles(configurationChanged);
  // Not every client watches files for a server: a configuration saved in the editor is seen here too.
  documents.onDidSave(({ document }) => {
    if (CONFIG_FILE_NAMES.some((name) => document.uri.endsWith(`/${name}`))) configurationChanged();
    else if (document.uri.startsWith("file:")) driftMayHaveChanged(document.uri);
  });

  /**
   * A file was saved: git is asked again how the sources of it and of the translations it is the
   * source of drifted (the CLI reads the saved files), and those open documents are linted again.
   */
  function driftMayHaveChanged(uri: string): void {
    const translations = translationsOf(fileURLToPath(uri));
    if (!session?.saved([fileURLToPath(uri), ...translations.map((t) => fileURLToPath(t))])) return;
    for (const open of [uri, ...translations]) {
      const document = documents.get(open);
      if (document) void lintNow(document);
    }
  }

  connection.onCodeAction(async (params) => {
    const found = await current(params.textDocument.uri);
    if (!found) return [];
    const { document, result } = found;
    const diagnostics = diagnosticsOf(result, docsUrl);
    const actions: CodeAction[] = [];
    for (const [index, finding] of result.findings.entries()) {
      if (!rangesMeet(diagnostics[index].range, params.range)) continue;
      actions.push(...codeActionsFor(document, result, finding, diagnostics[index]));
      if (finding.ruleId === "typo" && result.document && finding.filePath === undefined) {
        const word = result.document.text.slice(finding.start, finding.end);
        const configFile = result.config.filePath;
        const edit = addWordEdit(word, configFile, root, configFile && openTextOf(configFile));
        if (edit) actions.push({ title: `Add "${word}" to the project's words`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostics[index]], edit });
      }
    }
    return actions;
  });

  connection.onHover(async (params) => {
    const found = await current(params.textDocument.uri);
    if (!found) return null;
    return hoverAt(found.result, offsetIn(found.document, found.result, params.position)) ?? null;
  });

  connection.onDefinition(async (params) => {
    const found = await current(params.textDocument.uri);
    if (!found) return [];
    return definitionAt(found.result, offsetIn(found.document, found.result, params.position), params.textDocument.uri);
  });

  // Hunspell's WebAssembly glue rethrows uncaught errors: a rejected promise must never reach it and end the server.
  process.on("unhandledRejection", (reason) => connection.console.error(`nl-lint: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));

  documents.listen(connection);
  connection.listen();
}

/** An editor position as an offset into the linted text, which has no BOM. */
function offsetIn(document: TextDocument, result: LintedText, position: { line: number; character: number }): number {
  return Math.max(0, document.offsetAt(position) - (result.text.startsWith("\uFEFF") ? 1 : 0));
}

