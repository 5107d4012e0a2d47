import { createConnection } from "vscode-languageserver/node";
import { startServer } from "./server.js";

const USAGE = "Usage: nl-lint lsp --stdio (a Language Server Protocol server that speaks on standard input and output)\n";

/**
 * `nl-lint lsp --stdio`: runs the language server until the client ends the session. The
 * promise never settles: the library ends the process on `exit`, or when the client's stream closes.
 */
export function runLanguageServer(argv: string[], io: { stderr(text: string): void }): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stderr(USAGE);
    return Promise.resolve(0);
  }
  if (argv.length !== 1 || argv[0] !== "--stdio") {
    io.stderr(`nl-lint: ${argv.length === 0 ? "lsp needs --stdio" : `unknown argument to lsp: ${argv.find((a) => a !== "--stdio")}`}\n${USAGE}`);
    return Promise.resolve(2);
  }
  // A client that goes away mid-write must not end the server with a stack trace.
  process.stdout.on("error", () => process.exit(0));
  startServer(createConnection(process.stdin, process.stdout));
  return new Promise(() => undefined);
}
