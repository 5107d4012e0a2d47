import { languageSummaries, whyUnknown, type PageRow, type PageState } from "./pages.js";

/** The hidden line that marks the comment, so that the next push updates it instead of adding one. */
export const COMMENT_MARKER = "<!-- nl-lint-status -->";

const SHOWN: Record<PageState, string> = {
  "up to date": "✅ up to date",
  outdated: "⚠️ outdated",
  untranslated: "🔤 untranslated",
  missing: "❌ missing",
  unknown: "❔ unknown",
  "no source": "no source",
};

/** Text safe in a Markdown table cell: no HTML, no cell break, no emphasis or link by accident. */
function cell(text: string): string {
  return text.replace(/[\\`*_[\]|<>&#!~]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function totals(rows: PageRow[]): string[] {
  const out = ["| language | translated | up to date | outdated | missing | untranslated | unknown |", "|---|--:|--:|--:|--:|--:|--:|"];
  for (const s of languageSummaries(rows)) {
    const c = s.counts;
    out.push(`| ${cell(s.language)} | ${s.translatedShare.toFixed(1)}% | ${c["up to date"]} | ${c.outdated} | ${c.missing} | ${c.untranslated} | ${c.unknown} |`);
  }
  return out;
}

/**
 * The pull-request comment: for the pages a change touches, each language's state (what the
 * change makes outdated, what is missing), then the totals per language. `touched` is undefined
 * without --changed-since: the comment then holds the totals alone.
 */
export function formatPrComment(rows: PageRow[], touched: Set<string> | undefined): string {
  const out = [COMMENT_MARKER, "### Translation status", ""];
  if (touched) {
    const pages = [...new Set(rows.filter((r) => touched.has(r.file) || (r.status?.source !== undefined && touched.has(r.status.source))).map((r) => r.page))].sort();
    const languages = languageSummaries(rows).map((s) => s.language);
    if (pages.length === 0) out.push("This change touches no translated page or its source.", "");
    else {
      const needWork = rows.filter((r) => pages.includes(r.page) && (r.state === "outdated" || r.state === "missing")).length;
      out.push(`This change touches ${pages.length} page${pages.length === 1 ? "" : "s"}; ${needWork} translation${needWork === 1 ? "" : "s"} of them ${needWork === 1 ? "is" : "are"} outdated or missing.`, "");
      out.push(`| page | ${languages.map(cell).join(" | ")} |`, `|---|${languages.map(() => "---").join("|")}|`);
      for (const page of pages) {
        const states = languages.map((language) => {
          const row = rows.find((r) => r.page === page && r.language === language);
          const changes = row?.state === "outdated" ? row.status?.changes.length ?? 0 : 0;
          return row ? `${SHOWN[row.state]}${changes ? ` (${changes} place${changes === 1 ? "" : "s"})` : ""}` : "–";
        });
        out.push(`| ${cell(page)} | ${states.join(" | ")} |`);
      }
      out.push("");
    }
    out.push("<details><summary>Totals per language</summary>", "", ...totals(rows), "", "</details>");
  } else out.push(...totals(rows));
  const unknown = whyUnknown(rows);
  if (unknown) out.push("", cell(unknown));
  return `${out.join("\n")}\n`;
}
