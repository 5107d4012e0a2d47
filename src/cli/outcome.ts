import type { FileResult } from "../formatters/types.js";
import type { CliIO } from "./io.js";

/** Whether a report is coloured: the flag, else NO_COLOR / FORCE_COLOR, else whether stdout is a terminal. */
export function useColor(io: CliIO, flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== "0" && io.env.FORCE_COLOR !== "false";
  return io.isTTY;
}

/** 2 when a file could not be linted or the network failed; 1 for errors, or warnings over --max-warnings. */
export function exitCode(results: FileResult[], networkFailed: boolean, maxWarnings: number | undefined): number {
  const crashed = results.some((r) => r.messages.some((m) => m.fatal));
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (crashed || networkFailed) return 2;
  if (errors > 0) return 1;
  if (maxWarnings !== undefined && maxWarnings >= 0 && warnings > maxWarnings) return 1;
  return 0;
}
