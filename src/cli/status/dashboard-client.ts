import { LAZY_DATA_READER } from "../../formatters/html-page.js";

/** Defined by `LAZY_DATA_READER`, which the page's script starts with. */
declare function readLazyData(data: Element): Promise<string>;

/**
 * The dashboard's behaviour: folders built when opened, filters by language and state. Inlined
 * into the page with `Function.prototype.toString`, so it refers to nothing outside its body.
 */
function dashboardClient(): void {
  const hidden = { lang: new Set<string>(), state: new Set<string>() };
  const shown = (lang: string, state: string) => !hidden.lang.has(lang) && !hidden.state.has(state);

  /** Each folder's counts by language and state, read from its summary: filters count unbuilt folders too. */
  function countsOf(section: HTMLElement): Array<[string, string, number]> {
    return (section.dataset.counts ?? "")
      .split("\n")
      .filter(Boolean)
      .map((line) => {
        const [lang, state, n] = line.split("|");
        return [lang, state, Number(n)];
      });
  }

  function applyFilters(): void {
    let total = 0;
    document.querySelectorAll<HTMLElement>("details.folder-section").forEach((section) => {
      const count = countsOf(section).reduce((sum, [lang, state, n]) => sum + (shown(lang, state) ? n : 0), 0);
      section.hidden = count === 0;
      total += count;
      section.querySelectorAll<HTMLElement>(".page").forEach((page) => {
        page.hidden = !shown(page.dataset.lang!, page.dataset.state!);
      });
    });
    document.querySelectorAll<HTMLElement>("#languages tbody tr").forEach((row) => {
      row.hidden = hidden.lang.has(row.dataset.lang!);
    });
    document.getElementById("shown-count")!.textContent = String(total);
  }

  async function build(section: HTMLDetailsElement): Promise<void> {
    const data = section.querySelector("script.file-data");
    if (!data) return;
    data.remove();
    section.querySelector<HTMLElement>(".folder-body")!.innerHTML = await readLazyData(data);
    applyFilters();
    section.dataset.built = "";
  }

  document.querySelectorAll<HTMLDetailsElement>("details.folder-section").forEach((section) => {
    if (section.open) void build(section);
    section.addEventListener("toggle", () => section.open && build(section));
  });

  document.querySelectorAll<HTMLInputElement>("input[data-filter]").forEach((box) => {
    box.addEventListener("change", () => {
      const set = hidden[box.dataset.filter as "lang" | "state"];
      if (box.checked) set.delete(box.value);
      else set.add(box.value);
      applyFilters();
    });
  });
  applyFilters();
}

export const DASHBOARD_SCRIPT = `${LAZY_DATA_READER}(${dashboardClient.toString()})();`;

export const DASHBOARD_CSS = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 1100px; padding: 1em 2em; color: #1f2328; }
h1 { font-size: 1.5em; margin: 0.2em 0; }
header p { color: #59636e; margin: 0 0 1em; }
table#languages { border-collapse: collapse; margin-bottom: 1em; }
#languages th, #languages td { padding: 4px 10px; border-bottom: 1px solid #d1d9e0; text-align: left; }
#languages td.n { text-align: right; font-variant-numeric: tabular-nums; }
#languages td.share { white-space: nowrap; }
meter { width: 140px; height: 14px; vertical-align: middle; }
.pct { display: inline-block; width: 4em; text-align: right; font-variant-numeric: tabular-nums; }
.filters { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center; padding: 8px 0; border-bottom: 1px solid #d1d9e0; margin-bottom: 8px; }
.filters .label { font-weight: 600; }
.filters .shown { margin-left: auto; color: #59636e; }
details.folder-section { margin: 6px 0; border: 1px solid #d1d9e0; border-radius: 6px; }
details.folder-section > summary { padding: 6px 10px; cursor: pointer; background: #f6f8fa; }
.folder { font-family: ui-monospace, monospace; font-weight: 600; }
.folder-body { padding: 4px 10px; }
.page { padding: 3px 0; border-bottom: 1px solid #eef1f4; }
.page-link { font-family: ui-monospace, monospace; }
.lang { color: #59636e; }
.state { display: inline-block; padding: 0 7px; border-radius: 10px; font-size: 12px; margin-right: 4px; }
.st-up-to-date { background: #dafbe1; color: #116329; }
.st-outdated { background: #fff1c2; color: #7d4e00; }
.st-missing { background: #ffebe9; color: #a40e26; }
.st-untranslated { background: #fbefff; color: #6e40c9; }
.st-unknown, .st-no-source { background: #eef1f4; color: #59636e; }
.behind, .note { color: #59636e; font-size: 13px; }
.change { margin: 6px 0 6px 1.5em; }
.where { font-size: 12px; color: #59636e; }
pre.diff { white-space: pre-wrap; background: #f6f8fa; padding: 6px 8px; border-radius: 4px; margin: 2px 0; }
ins { background: #d2f8d2; text-decoration: none; }
del { background: #ffd7d5; }
[hidden] { display: none !important; }
`;
