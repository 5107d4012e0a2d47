import { LAZY_DATA_READER } from "./html-page.js";

/** Defined by `LAZY_DATA_READER`, which the page's script starts with. */
declare function readLazyData(data: Element): Promise<string>;

/**
 * The report page's behaviour. It is inlined into the page with `Function.prototype.toString`, so
 * it must not refer to anything outside its own body; it is type-checked here like the rest.
 */
function reportClient(): void {
  const main = document.querySelector("main")!;
  const entries = Array.from(document.querySelectorAll<HTMLElement>("#findings li[data-f]"));
  const entryOf = new Map(entries.map((li) => [li.dataset.f!, li]));
  const hiddenRules = new Set<string>();
  const hiddenSeverities = new Set<string>();
  let current: string | undefined;

  const shown = (token: string) => {
    const li = entryOf.get(token);
    return !li || (!hiddenRules.has(li.dataset.rule!) && !hiddenSeverities.has(li.dataset.sev!));
  };
  const tokensOf = (el: Element) => (el.getAttribute("data-f") ?? "").split(" ").filter(Boolean);

  /** Marks, notes and list entries whose findings are all filtered out lose their highlight. */
  function applyFilters(root: ParentNode): void {
    root.querySelectorAll("[data-f]").forEach((el) => {
      el.classList.toggle("off", !tokensOf(el).some(shown));
    });
    document.querySelectorAll<HTMLElement>("#findings .file-entry").forEach((group) => {
      group.hidden = group.querySelector("li[data-f]:not(.off)") === null;
    });
    const count = entries.filter((li) => !li.classList.contains("off")).length;
    document.getElementById("shown-count")!.textContent = String(count);
  }

  const building = new Map<HTMLDetailsElement, Promise<void>>();

  /** Builds a file's pairs once, when the file is first opened; `data-built` marks it done. */
  function build(section: HTMLDetailsElement): Promise<void> {
    let done = building.get(section);
    if (!done) building.set(section, (done = inflate(section)));
    return done;
  }

  async function inflate(section: HTMLDetailsElement): Promise<void> {
    const body = section.querySelector<HTMLElement>(".file-body")!;
    const data = section.querySelector("script.file-data");
    if (!data) return;
    body.innerHTML = await readLazyData(data);
    data.remove();
    applyFilters(body);
    if (current) body.querySelectorAll(`[data-f~="${current}"]`).forEach((el) => el.classList.add("current"));
    section.dataset.built = "";
  }

  main.querySelectorAll<HTMLDetailsElement>("details.file").forEach((section) => {
    if (section.open) void build(section);
    section.addEventListener("toggle", () => section.open && build(section));
  });

  async function select(token: string, scroll: boolean): Promise<void> {
    document.querySelectorAll(".current").forEach((el) => el.classList.remove("current"));
    current = token;
    const li = entryOf.get(token);
    li?.classList.add("current");
    li?.scrollIntoView({ block: "nearest" });
    const section = document.getElementById(`file-${token.split("-")[0]}`) as HTMLDetailsElement | null;
    if (!section) return;
    section.open = true;
    await build(section);
    // Another finding may have been chosen while this file was being built.
    if (current !== token) return;
    section.querySelectorAll(`[data-f~="${token}"]`).forEach((el) => el.classList.add("current"));
    if (!scroll) return;
    const target = section.querySelector(`.file-body [data-f~="${token}"]:not(.note)`) ?? section.querySelector(`.file-body [data-f~="${token}"]`);
    target?.scrollIntoView({ block: "center" });
  }

  function step(direction: 1 | -1): void {
    const visible = entries.filter((li) => !li.classList.contains("off"));
    if (visible.length === 0) return;
    const at = visible.findIndex((li) => li.dataset.f === current);
    const next = at < 0 ? (direction === 1 ? 0 : visible.length - 1) : (at + direction + visible.length) % visible.length;
    void select(visible[next].dataset.f!, true);
  }

  document.getElementById("findings")!.addEventListener("click", (event) => {
    const li = (event.target as Element).closest<HTMLElement>("li[data-f]");
    if (!li) return;
    event.preventDefault();
    void select(li.dataset.f!, true);
  });

  main.addEventListener("click", (event) => {
    const target = (event.target as Element).closest("[data-f]");
    if (target && !(event.target as Element).closest("a[href]")) void select(tokensOf(target)[0], false);
  });

  document.querySelectorAll<HTMLInputElement>("input[data-filter]").forEach((box) => {
    box.addEventListener("change", () => {
      const set = box.dataset.filter === "rule" ? hiddenRules : hiddenSeverities;
      if (box.checked) set.delete(box.value);
      else set.add(box.value);
      applyFilters(document);
    });
  });

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    // Letters typed into a field are not commands; a filter's checkbox keeps the focus but takes no letters.
    if ((event.target as Element).closest?.("input:not([type=checkbox]), textarea, select, [contenteditable]")) return;
    if (event.key === "j" || event.key === "n") step(1);
    else if (event.key === "k" || event.key === "p") step(-1);
    else return;
    event.preventDefault();
  });

  applyFilters(document);
}

export const CLIENT_SCRIPT = `${LAZY_DATA_READER}(${reportClient.toString()})();`;

export const REPORT_CSS = `
:root { color-scheme: light; --err: #c62828; --warn: #b26a00; --err-bg: #fde2e2; --warn-bg: #fff1c2; --line: #d8dde3; --muted: #5f6b76; --accent: #1f5fbf; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1d2329; background: #f4f6f8; display: grid; grid-template-columns: 330px 1fr; height: 100vh; }
aside { overflow-y: auto; border-right: 1px solid var(--line); background: #fff; padding: 14px 14px 40px; }
main { overflow-y: auto; padding: 14px 22px 60vh; }
h1 { font-size: 17px; margin: 0 0 6px; }
h2 { font-size: 13px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin: 16px 0 6px; }
code, pre, .raw-html { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 12.5px; }
.totals { display: flex; gap: 8px; flex-wrap: wrap; margin: 6px 0; }
.pill { border-radius: 10px; padding: 1px 8px; font-size: 12px; background: #eef1f4; white-space: nowrap; }
.pill.s2 { background: var(--err-bg); color: var(--err); }
.pill.s1 { background: var(--warn-bg); color: var(--warn); }
.filters label { display: flex; gap: 6px; align-items: center; font-size: 13px; cursor: pointer; }
.filters label .n { margin-left: auto; color: var(--muted); }
.keys { color: var(--muted); font-size: 12px; }
kbd { border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 3px; padding: 0 4px; font-size: 11px; background: #fafbfc; }
#findings ol { list-style: none; margin: 0; padding: 0; }
#findings .file-name { font-weight: 600; font-size: 12.5px; margin: 10px 0 3px; word-break: break-all; }
#findings li[data-f] a { display: block; padding: 3px 6px 3px 8px; border-left: 3px solid transparent; border-radius: 3px; color: inherit; text-decoration: none; font-size: 12.5px; }
#findings li[data-f] a:hover { background: #eef3fb; }
#findings li.s2 a { border-left-color: var(--err); }
#findings li.s1 a { border-left-color: var(--warn); }
#findings li.current a { background: #dde9fb; }
#findings li.off { display: none; }
#findings .where { color: var(--muted); font-variant-numeric: tabular-nums; }
.rule { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 11.5px; color: var(--accent); }
details.file { background: #fff; border: 1px solid var(--line); border-radius: 6px; margin-bottom: 12px; }
details.file > summary { cursor: pointer; padding: 9px 14px; display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; position: sticky; top: -14px; background: #fff; z-index: 2; border-radius: 6px; }
details.file[open] > summary { border-bottom: 1px solid var(--line); }
.path { font-weight: 600; word-break: break-all; }
.meta { color: var(--muted); font-size: 12.5px; }
.file-body { padding: 0 14px 12px; }
.columns, .pair { display: grid; grid-template-columns: 1fr 1fr; column-gap: 18px; }
.columns { font-size: 12px; font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; padding: 8px 0 4px; border-bottom: 1px solid var(--line); }
.pair { padding: 8px 0; border-bottom: 1px solid #eceff2; }
.side { min-width: 0; position: relative; }
.side.source { color: #39424b; }
.seg { position: relative; padding-left: 44px; overflow-wrap: anywhere; }
.seg > :first-child { margin-top: 0; }
.seg > :last-child { margin-bottom: 0; }
.seg h1, .seg h2, .seg h3, .seg h4, .seg h5, .seg h6 { font-size: 16px; text-transform: none; letter-spacing: 0; color: inherit; margin: 4px 0; }
.seg pre { background: #f6f8fa; padding: 8px; border-radius: 4px; overflow-x: auto; white-space: pre-wrap; }
.seg table { border-collapse: collapse; }
.seg td, .seg th { border: 1px solid var(--line); padding: 2px 6px; }
.seg a { color: var(--accent); }
.seg a.reference { text-decoration: underline dotted; }
.seg .image { color: var(--muted); border: 1px dashed var(--line); border-radius: 3px; padding: 0 4px; }
.seg .image::before { content: "image: "; font-size: 11px; text-transform: uppercase; letter-spacing: .04em; }
.raw-html { color: #6a737d; background: #f3f4f6; border-radius: 3px; padding: 0 2px; white-space: pre-wrap; }
.line { position: absolute; left: 0; top: 2px; width: 38px; text-align: right; font-size: 11px; color: #9aa5b1; font-variant-numeric: tabular-nums; }
.empty { color: #9aa5b1; font-style: italic; padding-left: 44px; }
.badge { font-size: 10.5px; text-transform: uppercase; letter-spacing: .05em; border-radius: 3px; padding: 0 5px; background: #eef1f4; color: var(--muted); font-style: normal; }
mark.f { background: none; color: inherit; border-radius: 2px; padding: 0 1px; cursor: pointer; }
mark.f.s2 { background: var(--err-bg); box-shadow: inset 0 -2px 0 var(--err); }
mark.f.s1 { background: var(--warn-bg); box-shadow: inset 0 -2px 0 var(--warn); }
mark.f.point::before { content: "\\2691"; font-size: 11px; }
mark.f.s2.point { color: var(--err); background: none; box-shadow: none; }
mark.f.s1.point { color: var(--warn); background: none; box-shadow: none; }
.f-el.s2 { outline: 2px solid var(--err); outline-offset: 1px; border-radius: 2px; }
.f-el.s1 { outline: 2px solid var(--warn); outline-offset: 1px; border-radius: 2px; }
.seg.f-block.s2 { box-shadow: inset 3px 0 0 var(--err); background: linear-gradient(90deg, var(--err-bg), transparent 60%); }
.seg.f-block.s1 { box-shadow: inset 3px 0 0 var(--warn); background: linear-gradient(90deg, var(--warn-bg), transparent 60%); }
mark.f.off, mark.f.point.off { background: none; box-shadow: none; }
mark.f.point.off::before { content: none; }
.f-el.off { outline: none; }
.seg.f-block.off { box-shadow: none; background: none; }
.f-el.current, .seg.f-block.current, .outside pre:has(.current) { outline: 2px solid var(--accent); outline-offset: 2px; }
mark.f.current { background: #d3e3fc; box-shadow: inset 0 -2px 0 var(--accent); animation: flash 1s ease-out 1; }
mark.f.point.current { color: var(--accent); background: none; box-shadow: none; }
@keyframes flash { from { box-shadow: 0 0 0 5px rgba(31, 95, 191, .45); } }
.notes { grid-column: 1 / -1; list-style: none; margin: 6px 0 0 44px; padding: 0; }
.note { padding: 4px 8px; border-left: 3px solid; border-radius: 3px; margin-top: 4px; font-size: 13px; background: #fafbfc; }
.note.s2 { border-color: var(--err); }
.note.s1 { border-color: var(--warn); }
.note.off { display: none; }
.note.current { background: #e8f0fd; }
.sev { font-weight: 600; font-size: 12px; }
.s2 > .sev { color: var(--err); }
.s1 > .sev { color: var(--warn); }
.fix { color: var(--muted); font-size: 12.5px; }
.fix code { white-space: pre-wrap; }
.fix del { background: var(--err-bg); text-decoration: line-through; padding: 0 1px; }
.fix ins { background: #dcf5e3; text-decoration: none; }
.outside { position: relative; padding: 8px 0; border-bottom: 1px solid #eceff2; }
.outside > .badge { margin-left: 44px; }
.outside > .line { top: 9px; }
.outside pre { margin: 4px 0 0 44px; background: #f6f8fa; padding: 6px 8px; border-radius: 4px; white-space: pre-wrap; overflow-wrap: anywhere; }
.clean-note { color: var(--muted); padding: 10px 0; }
@media (max-width: 900px) { body { display: block; height: auto; } aside { border-right: 0; } main { overflow: visible; } }
`;
