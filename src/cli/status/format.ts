import { displayPath } from "../../formatters/paths.js";
import { describeLines, type DriftedBlock } from "../../drift/drift-blocks.js";
import { percent, translatedPercent, type FileStatus, type LanguageStatus } from "./report.js";

const round = (value: number) => Math.round(value * 10) / 10;

function share(count: number, of: number): string {
  return `${percent(count, of).toFixed(1)}%`;
}

function driftCell(file: FileStatus): string {
  if (!file.sourceFound) return "source missing";
  if (file.mode === "inline") return "inline (source in the file)";
  const method = file.drift?.method ?? "none";
  if (file.behind === true) return `behind: ${file.changes.length} place${file.changes.length === 1 ? "" : "s"} (${method})`;
  if (file.behind === false) return `current (${method})`;
  return file.declared.drifted !== undefined ? `unknown (marked drifted: ${file.declared.drifted})` : "unknown";
}

function changeLine(change: DriftedBlock): string {
  const lines = (ranges: Array<[number, number]>) => `${ranges.length === 1 && ranges[0][0] === ranges[0][1] ? "line" : "lines"} ${describeLines(ranges)}`;
  const where = (span: { firstLine: number; lastLine: number }) => lines([[span.firstLine, span.lastLine]]);
  if (change.change === "removed") {
    const at = change.translation ? `translation ${where(change.translation)} may still render it` : change.after ? `check after translation ${where(change.after)}` : "check the translation";
    return `removed after source line ${change.removedAfter ?? 0} → ${at}`;
  }
  const target = change.translation ? `translation ${where(change.translation)}` : `not translated${change.after ? ` (belongs after translation ${where(change.after)})` : ""}`;
  return `source ${lines(change.sourceLines)} (${change.kinds.join(", ")}) → ${target}`;
}

/** Lays out rows in columns; numbers (and percentages) align right. */
function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((r) => r[column].length)));
  const numeric = rows[0].map((_, column) => rows.slice(1).every((r) => /^[\d.%–-]*$/.test(r[column])));
  return rows.map((r) => r.map((cell, column) => (numeric[column] ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join("  ").trimEnd());
}

/** The report for a terminal: one row a translation, the places that need work under it, then per-language totals. */
export function formatTable(files: FileStatus[], languages: LanguageStatus[], cwd: string): string {
  if (files.length === 0) return "No translations found: no file has a source (front matter `source`, configuration `pairs`, --source-root) or its source in comments.\n";
  const out: string[] = [];
  const header = ["translation", "lang", "blocks", "translated", "source lang", "missing", "drift"];
  const rows = files.map((f) => {
    const c = f.coverage?.sourceBlocks ? f.coverage : undefined;
    return [
      displayPath(f.file, cwd),
      f.language ?? "?",
      f.coverage ? String(f.coverage.sourceBlocks) : "–",
      c ? share(c.translated, c.sourceBlocks) : "–",
      c ? (c.languageJudged ? share(c.sourceLanguage, c.sourceBlocks) : "–") : "–",
      c ? share(c.missing, c.sourceBlocks) : "–",
      driftCell(f),
    ];
  });
  const laidOut = table([header, ...rows]);
  out.push(laidOut[0]);
  files.forEach((file, index) => {
    out.push(laidOut[index + 1]);
    for (const change of file.changes) out.push(`    ${changeLine(change)}`);
    if (file.behind === true && file.drift?.since) out.push(`    (${file.drift.since})`);
  });
  out.push("");
  // Sites that mark drift by hand get a column comparing their marks with what was measured.
  const marked = languages.some((l) => l.markedDrifted > 0);
  const totals = languages.map((l) => [
    l.language,
    String(l.files),
    String(l.behind),
    String(l.current),
    String(l.unknown),
    String(l.sourceMissing),
    ...(marked ? [String(l.markedDrifted)] : []),
    String(l.sourceBlocks),
    `${translatedPercent(l).toFixed(1)}%`,
    share(l.sourceLanguage, l.sourceBlocks),
    share(l.missing, l.sourceBlocks),
  ]);
  const header2 = ["language", "files", "behind", "current", "unknown", "no source", ...(marked ? ["marked drifted"] : []), "blocks", "translated", "source lang", "missing"];
  out.push(...table([header2, ...totals]));
  const unknown = files.filter((f) => f.sourceFound && f.mode === "parallel" && f.behind === null);
  if (unknown.length > 0) {
    const reasons = [...new Set(unknown.flatMap((f) => f.drift?.notes ?? []))];
    out.push("", `Drift unknown for ${unknown.length} translation${unknown.length === 1 ? "" : "s"}: ${reasons.slice(0, 3).join("; ")}${reasons.length > 3 ? "; …" : ""}.`);
    out.push("Stamp them with `nl-lint status --stamp` once they match their source, or record the source commit in their front matter.");
  }
  return `${out.join("\n")}\n`;
}

/** The report as data, for scripts and CI: each translation, then each language's totals with shares in percent. */
export function formatJson(files: FileStatus[], languages: LanguageStatus[]): string {
  return `${JSON.stringify(
    {
      translations: files,
      languages: languages.map((l) => ({
        ...l,
        translatedPercent: round(translatedPercent(l)),
        sourceLanguagePercent: round(percent(l.sourceLanguage, l.sourceBlocks)),
        missingPercent: round(percent(l.missing, l.sourceBlocks)),
      })),
    },
    null,
    2,
  )}\n`;
}

/** `--verbose`: each source change and commit not counted as drift, with why, one a line. */
export function ignoredChanges(files: FileStatus[], cwd: string): string {
  const out: string[] = [];
  for (const file of files) {
    for (const change of file.drift?.ignored ?? []) {
      const where = change.lines ? `source ${change.lines[0] === change.lines[1] ? "line" : "lines"} ${describeLines([change.lines])}: ` : change.commit ? `${change.commit}: ` : "";
      out.push(`nl-lint status: ${displayPath(file.file, cwd)}: not drift: ${where}${change.reason}\n`);
    }
  }
  return out.join("");
}
