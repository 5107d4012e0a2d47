import { run, type CliIO } from "../../src/cli/main.js";

/** A CliIO that keeps what the CLI prints, for a test to read: no colours, no terminal unless asked. */
export function capturedIO(cwd: string, options: { env?: Record<string, string | undefined>; tty?: boolean; stderrTty?: boolean } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd, env: options.env ?? {}, isTTY: options.tty ?? false };
  if (options.stderrTty !== undefined) io.stderrIsTTY = options.stderrTty;
  return { io, stdout: () => out.join(""), stderr: () => err.join("") };
}

/** Runs the CLI in `cwd` with `argv`; its exit code and what it printed. */
export async function runCli(cwd: string, argv: string[], options: { env?: Record<string, string | undefined> } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const captured = capturedIO(cwd, options);
  const code = await run(argv, captured.io);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}
