import { dirname, relative, sep } from "node:path";
import type { Element, ElementContent } from "hast";
import { lazyData, lockedPage } from "../../formatters/html-page.js";
import { element, textNode } from "../../formatters/html-render.js";
import { describeLines } from "../../drift/drift-blocks.js";
import type { StatusChange } from "./report.js";
import { behindText, languageSummaries, whyUnknown, PAGE_STATES, type LanguageSummary, type PageRow, type PageState } from "./pages.js";
import { DASHBOARD_CSS, DASHBOARD_SCRIPT } from "./dashboard-client.js";

/** Folders with more pages than this start closed, so that a large site's page opens at once. */
const OPEN_UP_TO = 300;

const stateClass = (state: PageState) => `st-${state.replace(/ /g, "-")}`;

function badge(state: PageState): Element {
  return element("span", { className: ["state", stateClass(state)] }, [textNode(state)]);
}

/** A relative link from the page's folder to a file, each path segment escaped. */
function linkTo(file: string, from: string): string {
  return relative(from, file).split(sep).map(encodeURIComponent).join("/");
}

function languageRow(summary: LanguageSummary): Element {
  const share = summary.translatedShare.toFixed(1);
  const cells = PAGE_STATES.map((state) => element("td", { className: ["n"], dataState: state }, [textNode(String(summary.counts[state]))]));
  return element("tr", { dataLang: summary.language }, [
    element("th", {}, [textNode(summary.language)]),
    element("td", { className: ["share"] }, [
      element("meter", { min: "0", max: "100", value: share }, []),
      element("span", { className: ["pct"] }, [textNode(`${share}%`)]),
    ]),
    element("td", { className: ["n"] }, [textNode(String(summary.pages))]),
    ...cells,
  ]);
}

function languageTable(summaries: LanguageSummary[]): Element {
  const head = ["language", "translated", "pages", ...PAGE_STATES].map((h) => element("th", {}, [textNode(h)]));
  return element("table", { id: "languages" }, [element("thead", {}, [element("tr", {}, head)]), element("tbody", {}, summaries.map(languageRow))]);
}

function diffView(change: StatusChange): Element {
  const where =
    change.change === "removed"
      ? `source text removed after line ${change.removedAfter ?? 0}`
      : `source ${describeLines(change.sourceLines)} (${change.kinds.join(", ")})`;
  const target = change.translation ? ` → translation ${describeLines([[change.translation.firstLine, change.translation.lastLine]])}` : " → not translated yet";
  const parts = change.diff.map((part) => (part.op === "same" ? textNode(part.text) : element(part.op === "added" ? "ins" : "del", {}, [textNode(part.text)])));
  return element("div", { className: ["change"] }, [element("div", { className: ["where"] }, [textNode(where + target)]), ...(parts.length ? [element("pre", { className: ["diff"] }, parts)] : [])]);
}

function pageEntry(row: PageRow, linkBase: string): Element {
  const behind = behindText(row.status);
  const head: ElementContent[] = [
    element("a", { href: linkTo(row.file, linkBase), className: ["page-link"] }, [textNode(row.page)]),
    textNode(" "),
    element("span", { className: ["lang"] }, [textNode(row.language)]),
    textNode(" "),
    badge(row.state),
    ...(behind ? [textNode(" "), element("span", { className: ["behind"] }, [textNode(behind)])] : []),
  ];
  const changes = row.state === "outdated" ? (row.status?.changes ?? []) : [];
  const notes = row.state === "unknown" ? (row.status?.drift?.notes ?? []) : [];
  const attributes = { className: ["page"], dataLang: row.language, dataState: row.state };
  if (changes.length === 0) return element("div", attributes, [...head, ...(notes.length ? [element("div", { className: ["note"] }, [textNode(notes.join("; "))])] : [])]);
  return element("details", attributes, [
    element("summary", {}, [...head, textNode(` · ${changes.length} changed place${changes.length === 1 ? "" : "s"}`)]),
    ...changes.map(diffView),
  ]);
}

/** Pages grouped by folder, each folder a section whose rows stay gzipped until it is opened. */
function folderSection(folder: string, rows: PageRow[], linkBase: string, open: boolean): Element {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(`${row.language}|${row.state}`, (counts.get(`${row.language}|${row.state}`) ?? 0) + 1);
  const pills = PAGE_STATES.filter((state) => rows.some((r) => r.state === state)).map((state) =>
    element("span", { className: ["state", stateClass(state)] }, [textNode(`${rows.filter((r) => r.state === state).length} ${state}`)]),
  );
  const summary = element("summary", {}, [element("span", { className: ["folder"] }, [textNode(folder || ".")]), textNode(" "), ...pills]);
  const data = [...counts].map(([key, n]) => `${key}|${n}`).join("\n");
  return element("details", { className: ["folder-section"], open, dataCounts: data }, [summary, element("div", { className: ["folder-body"] }), lazyData(rows.map((row) => pageEntry(row, linkBase)))]);
}

function filterBoxes(kind: "lang" | "state", values: string[]): Element[] {
  return values.map((value) => element("label", {}, [element("input", { type: "checkbox", checked: true, dataFilter: kind, value }), textNode(value)]));
}

/** Why drift is unknown, said once at the top rather than only on each page. */
function unknownNote(rows: PageRow[]): Element[] {
  const text = whyUnknown(rows);
  return text ? [element("p", { className: ["note"] }, [textNode(text)])] : [];
}

/**
 * The translation dashboard: per language a bar of the share translated and counts by state, then
 * every page and language with its state, how far behind it is and, for an outdated page, the
 * changed source words. `linkBase` is the folder the page is written to, for its links.
 */
export function formatDashboard(rows: PageRow[], linkBase: string): string {
  const summaries = languageSummaries(rows);
  const folders = new Map<string, PageRow[]>();
  for (const row of rows) {
    const folder = dirname(row.page) === "." ? "" : dirname(row.page);
    folders.set(folder, [...(folders.get(folder) ?? []), row]);
  }
  const open = rows.length <= OPEN_UP_TO;
  const states = PAGE_STATES.filter((state) => rows.some((r) => r.state === state));
  const body: ElementContent[] = [
    element("header", {}, [
      element("h1", {}, [textNode("Translation status")]),
      element("p", {}, [textNode(`${rows.length} pages × languages, ${summaries.length} language${summaries.length === 1 ? "" : "s"}`)]),
      ...unknownNote(rows),
    ]),
    languageTable(summaries),
    element("div", { className: ["filters"] }, [
      element("span", { className: ["label"] }, [textNode("Languages:")]),
      ...filterBoxes("lang", summaries.map((s) => s.language)),
      element("span", { className: ["label"] }, [textNode("States:")]),
      ...filterBoxes("state", states),
      element("span", { className: ["shown"] }, [textNode("Showing "), element("span", { id: "shown-count" }, [textNode(String(rows.length))]), textNode(` of ${rows.length}`)]),
    ]),
    element("main", {}, [...folders].map(([folder, list]) => folderSection(folder, list, linkBase, open))),
  ];
  return lockedPage({ title: "nl-lint translation status", css: DASHBOARD_CSS, script: DASHBOARD_SCRIPT, body });
}
