import { CommanderError, type Command } from "commander";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { ConfigError } from "../node/config.js";
import { displayPath } from "../formatters/paths.js";

/** The command line's I/O: where text goes, the working folder, the environment. Tests hand their own. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  isTTY: boolean;
  /** Whether stderr is a terminal (progress is drawn there); the same as `isTTY` when not given. */
  stderrIsTTY?: boolean;
}

export const processIO: CliIO = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
};

/**
 * Parses a command's arguments; a number is the exit code when the command ends here (help or
 * version shown: 0; a usage error: 2, said on stderr with `name` as its prefix).
 */
export function parseArguments(program: Command, argv: string[], io: CliIO, name: string): number | undefined {
  let output = "";
  program.configureOutput({ writeOut: (s) => (output += s), writeErr: (s) => (output += s) });
  try {
    program.parse(argv, { from: "user" });
    return undefined;
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version") {
      io.stdout(output);
      return 0;
    }
    io.stderr(output || `${name}: ${error.message}\n`);
    return 2;
  }
}

/** A report goes to `--output-file` (its folder made when missing) or to stdout. */
export function writeReport(io: CliIO, outputFile: string | undefined, text: string): void {
  if (outputFile) {
    const outputPath = resolve(io.cwd, outputFile);
    mkdirSync(dirname(outputPath), { recursive: true });
    writeFileSync(outputPath, text);
  } else io.stdout(text);
}

/** A configuration error in the words of the command line, each line headed by the tool's name. */
export function reportConfigError(error: ConfigError, io: CliIO): void {
  io.stderr(`${error.describe(displayPath(error.filePath, io.cwd)).replace(/^/gm, "nl-lint: ")}\n`);
}
