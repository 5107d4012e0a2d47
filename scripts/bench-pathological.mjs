// Times lint() on inputs built to hit worst cases: brackets, huge lines, deep nesting, unclosed
// comments. Each input runs at 1x, 10x and 100x; the stated size of each input is its 100x, so
// that the largest run is the size named in the issue and the smaller ones show the growth.
// Each run is a child process with a time limit: one slow input cannot hide the others' numbers.
// The end of the output checks the targets of issue #19: 100,000 links in one line within 3 s, and
// 10,000 nested list items or block quotes in linear time (the time for 10,000 at most 12 × the
// time for 1,000). A ratio of two runs on one machine holds on any machine; the 3 s does not, so
// the CPU time is shown beside it (on a busy machine, wall-clock time is mostly waiting).
// Usage: npm run bench:pathological [-- --timeout 120] [-- --only "links"]
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const MB = 1024 * 1024;

/** Each builder takes the scale (1, 10, 100) and returns the text for stated size × scale / 100. */
const inputs = {
  "100,000 '[' in one line": (k) => "[".repeat(1000 * k) + "\n",
  "100,000 ']' in one line": (k) => "]".repeat(1000 * k) + "\n",
  "5 MB single-line paragraph": (k) => words(Math.round((5 * MB * k) / 100)) + "\n",
  "10,000 nested list levels": (k) => "- ".repeat(100 * k) + "item\n",
  "10,000 nested block quotes": (k) => "> ".repeat(100 * k) + "quote\n",
  "50,000 '<!--' openings": (k) => "<!-- opened\n\n".repeat(500 * k),
  "unclosed comment at line 1 of 10 MB": (k) => "<!-- never closed\n\n" + paragraphs(Math.round((10 * MB * k) / 100)),
  "100,000 links in one paragraph": (k) => Array.from({ length: 1000 * k }, (_, i) => `[link ${i}](https://example.org/${i})`).join(" ") + "\n",
  "30,000 disable-next-line directives": (k) => Array.from({ length: 300 * k }, (_, i) => `<!-- nl-lint-disable-next-line broken-link -->\nVeja o [site ${i}] (https://example.org/${i}).\n`).join("\n"),
  // Inline mode runs the rules that compare a source with its translation, which the inputs above never pair.
  "1 MB source comment and its translation": (k) => `<!-- ${words(Math.round((MB * k) / 200))} -->\n\n${words(Math.round((MB * k) / 200))}\n`,
};

function words(bytes) {
  const unit = "palavra word tradução ";
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}

function paragraphs(bytes) {
  const unit = "Uma frase de texto comum, com [um link](https://example.org) e nada mais.\n\n";
  return unit.repeat(Math.ceil(bytes / unit.length));
}

async function child(name, scale) {
  const { lint } = await import("../dist/src/core/lint.js");
  lint("warm-up [x](https://example.org)\n");
  const text = inputs[name](scale);
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const { findings } = lint(text);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  // A rule that threw shows as such: its finding is a crash, not a result.
  const rules = [...new Set(findings.map((f) => (f.fatal ? `CRASH:${f.ruleId}` : f.ruleId)))].join(" ");
  process.stdout.write(JSON.stringify({ bytes: Buffer.byteLength(text), seconds, cpuSeconds, findings: findings.length, rules }));
}

function main() {
  const at = process.argv.indexOf("--timeout");
  const timeoutSeconds = at > 0 ? Number(process.argv[at + 1]) : 120;
  const self = fileURLToPath(import.meta.url);
  const rows = [["input", "scale", "MB", "seconds", "s/MB ratio to 1x", "growth", "findings"]];
  let failed = false;
  /** Each input's runs by scale, for the targets. */
  const measured = {};
  const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
  for (const name of Object.keys(inputs).filter((n) => only === undefined || n.includes(only))) {
    measured[name] = {};
    let perMbAt1;
    let previousSeconds;
    for (const scale of [1, 10, 100]) {
      const run = spawnSync(process.execPath, [self, "--case", name, String(scale)], { encoding: "utf8", timeout: timeoutSeconds * 1000, maxBuffer: 16 * MB });
      if (run.status !== 0) {
        const why = run.error?.code === "ETIMEDOUT" ? `timeout > ${timeoutSeconds}s` : `crashed: ${(run.stderr.trim().split("\n").find((l) => /Error/.test(l)) ?? run.stderr.trim()).slice(0, 80)}`;
        if (!why.startsWith("timeout")) failed = true;
        rows.push([name, `${scale}x`, "", why, "", "", ""]);
        break;
      }
      const r = JSON.parse(run.stdout);
      measured[name][scale] = r;
      if (r.rules.includes("CRASH:")) failed = true;
      const perMb = r.seconds / (r.bytes / MB);
      perMbAt1 ??= perMb;
      const growth = previousSeconds === undefined ? "" : `${(r.seconds / previousSeconds).toFixed(1)}x`;
      previousSeconds = r.seconds;
      rows.push([name, `${scale}x`, (r.bytes / MB).toFixed(3), r.seconds.toFixed(3), (perMb / perMbAt1).toFixed(2), growth, `${r.findings} ${r.rules}`.trim()]);
    }
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  for (const row of rows) console.log(row.map((cell, c) => String(cell).padEnd(widths[c])).join("  ").trimEnd());
  console.log("\nScale 100x is the stated size; 1x is a hundredth of it. A ratio near 1 (or below) is linear; so is a");
  console.log("growth (time over the time at the scale before) near 10x or below. Small inputs carry start-up costs.");
  if (rows.some((row) => String(row[6]).includes("CRASH:"))) console.log("CRASH: a rule threw an internal error on that input.");
  printTargets(measured);
  if (failed) process.exitCode = 1;
}

/** Issue #19's targets for these inputs, each with what was measured and whether it is met. */
function printTargets(measured) {
  const lines = [];
  const links = measured["100,000 links in one paragraph"]?.[100];
  if (links) {
    const met = links.seconds <= 3 ? "met" : "NOT met";
    lines.push(`100,000 links in one line: ${links.seconds.toFixed(2)} s (CPU ${links.cpuSeconds.toFixed(2)} s; goal <= 3 s): ${met}`);
  }
  for (const name of ["10,000 nested list levels", "10,000 nested block quotes"]) {
    const [thousand, tenThousand] = [measured[name]?.[10], measured[name]?.[100]];
    if (!thousand || !tenThousand) continue;
    const ratio = tenThousand.seconds / thousand.seconds;
    const cpuRatio = tenThousand.cpuSeconds / thousand.cpuSeconds;
    lines.push(`${name}: time(10,000) / time(1,000) = ${ratio.toFixed(1)} (CPU ${cpuRatio.toFixed(1)}; goal <= 12): ${ratio <= 12 ? "met" : "NOT met"}`);
  }
  if (lines.length === 0) return;
  console.log("\nTargets of issue #19:");
  for (const line of lines) console.log(`  ${line}`);
}

if (process.argv[2] === "--case") await child(process.argv[3], Number(process.argv[4]));
else main();
