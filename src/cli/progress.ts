/** Progress on stderr for long runs: shown only after a second, redrawn at most ten times a second. */
export interface Progress {
  tick(): void;
  done(): void;
}

const silent: Progress = { tick() {}, done() {} };

export function createProgress(options: {
  enabled: boolean;
  total: number;
  write: (text: string) => void;
  now?: () => number;
  delayMs?: number;
}): Progress {
  if (!options.enabled) return silent;
  const now = options.now ?? Date.now;
  const started = now();
  const delay = options.delayMs ?? 1000;
  let done = 0;
  let lastDrawn = -Infinity;
  let shown = false;
  return {
    tick() {
      done++;
      const t = now();
      if (t - started < delay || t - lastDrawn < 100) return;
      lastDrawn = t;
      shown = true;
      options.write(`\r\u001b[2Knl-lint: ${done}/${options.total} files`);
    },
    done() {
      if (shown) options.write("\r\u001b[2K");
    },
  };
}

/** Progress belongs on a person's terminal: not in CI, not when output is piped, not in machine formats. */
export function wantsProgress(options: { stdoutIsTTY: boolean; stderrIsTTY: boolean; env: Record<string, string | undefined>; format: string }): boolean {
  const ci = options.env.CI;
  if (ci !== undefined && ci !== "" && ci !== "0" && ci.toLowerCase() !== "false") return false;
  if (options.format === "json" || options.format === "sarif") return false;
  return options.stdoutIsTTY && options.stderrIsTTY;
}
