import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lint } from "../src/core/lint.js";
// @ts-expect-error: a plain ES module of the harness, without types
import * as plant from "../scripts/eval-mutations-plant.mjs";

const root = join(import.meta.dirname, "..");

/** What the planters need, from a lint of a snippet: inline when `source` is absent. */
function contextOf(text: string, source?: string, script = "latin") {
  const { document } = lint(text, { filePath: "/virtual/post.md", ...(source ? { source: { text: source, filePath: "/virtual/en/post.md" } } : {}), only: ["mojibake"] });
  const english = source ?? document.segments.filter((s) => s.side === "source").map((s) => s.raw).join("\n");
  return { text, sourceText: source, mode: document.mode, segments: document.segments, pairs: document.pairs, script, sourceWords: new Set(english.match(/\p{L}[\p{L}\p{N}]*/gu) ?? []) };
}

/** The mutated text of a planter on a context, with a seeded random source. */
function planted(planter: (c: unknown, r: unknown) => { splices: unknown[]; klass: string } | undefined, context: ReturnType<typeof contextOf>, seed = 7) {
  const mutation = planter(context, plant.randomSource(seed));
  if (!mutation) return undefined;
  return { mutation, text: plant.applySplices(context.text, mutation.splices) as string };
}

const english = [
  "# Pot plants",
  "",
  "Water the fern every week. Keep the cactus dry in winter.",
  "",
  "See [the watering guide](/guides/water/weekly) for details.",
  "",
  "## Soil",
  "",
  "- [Compost](/soil/compost/)",
  "- Peat and sand mixed",
  "",
].join("\n");
const portuguese = [
  "# Plantas em vaso",
  "",
  "Regue a samambaia toda semana. Mantenha o cacto seco no inverno.",
  "",
  "Veja [o guia de rega](/guides/water/weekly) para detalhes.",
  "",
  "## Solo",
  "",
  "- [Compostagem](/soil/compost/)",
  "- Turfa e areia misturadas",
  "",
].join("\n");

describe("eval-mutations planting", () => {
  it("draws the same numbers from the same seed", () => {
    const a = plant.randomSource(42);
    const b = plant.randomSource(42);
    expect([a.next(), a.next()]).toEqual([b.next(), b.next()]);
    expect(plant.randomSource(43).next()).not.toBe(plant.randomSource(42).next());
  });

  it("maps offsets of the mutated text back to the original", () => {
    const splices = [{ start: 2, end: 5, insert: "" }, { start: 8, end: 8, insert: "XY" }];
    expect(plant.applySplices("0123456789", splices)).toBe("01567XY89");
    expect(plant.originalOffset(1, splices)).toBe(1);
    expect(plant.originalOffset(2, splices)).toBe(5);
    expect(plant.originalOffset(4, splices)).toBe(7);
    expect(plant.originalOffset(5, splices)).toBe(8);
    expect(plant.originalOffset(7, splices)).toBe(8);
  });

  it("breaks, unwraps and retargets a link of the translation only", () => {
    const context = contextOf(portuguese, english);
    const dropped = planted(plant.dropLink, context)!;
    expect(dropped.text).toMatch(/^Veja o guia de rega para detalhes\.$|^- Compostagem$/m);
    expect(dropped.text).not.toBe(portuguese);
    const noParentheses = planted(plant.dropLinkParentheses, context)!;
    expect(noParentheses.text).toMatch(/\[o guia de rega\]\/guides\/water\/weekly |\[Compostagem\]\/soil\/compost\/$/m);
    const broken = planted(plant.breakLinkSyntax, context)!;
    expect(broken.text).toMatch(/\[o guia de rega\]\(\/guides\/water\/weekly |\[o guia de rega\(\/guides|\[Compostagem\]\(\/soil\/compost\/$|\[Compostagem\(/m);
  });

  it("drops the last path segment of a link's destination", () => {
    expect(plant.withoutLastSegment("/learn/react-compiler")).toBe("/learn");
    expect(plant.withoutLastSegment("/docs/java/")).toBe("/docs/");
    expect(plant.withoutLastSegment("https://example.org/a/b#part")).toBe("https://example.org/a");
    expect(plant.withoutLastSegment("https://example.org/a")).toBeUndefined();
    const context = contextOf(portuguese, english);
    const shorter = planted((c, r) => plant.changeLinkTarget(c, r, true), context)!;
    expect(shorter.text).toMatch(/\]\(\/guides\/water\) |\]\(\/soil\/\)$/m);
  });

  it("drops a list item that is only a link, or leaves its text without the link", () => {
    const context = contextOf(portuguese, english);
    const outcomes = new Set<string>();
    for (let seed = 1; seed <= 12; seed++) {
      const result = planted((c, r) => plant.dropListItem(c, r, true), context, seed)!;
      expect(result.mutation.klass).toBe("list-item-link-dropped");
      outcomes.add(result.text.includes("- Compostagem\n") ? "unlinked" : result.text.includes("Compostagem") ? "unchanged" : "dropped");
    }
    expect([...outcomes].sort()).toEqual(["dropped", "unlinked"]);
    const plain = planted((c, r) => plant.dropListItem(c, r, false), context)!;
    expect(plain.text).not.toContain("Turfa");
    expect(plain.text).toContain("- [Compostagem](/soil/compost/)\n");
  });

  it("drops a paragraph, a sentence or a section, and nothing else", () => {
    const context = contextOf(portuguese, english);
    const paragraph = planted(plant.dropParagraph, context)!;
    expect(portuguese.split("\n").length - paragraph.text.split("\n").length).toBe(2);
    expect(paragraph.text).toContain("# Plantas em vaso\n\n");
    const sentence = planted(plant.dropSentence, context)!;
    expect(["Regue a samambaia toda semana.", "Mantenha o cacto seco no inverno."].filter((s) => sentence.text.includes(s))).toHaveLength(1);
    const section = planted(plant.dropSection, context)!;
    expect(section.text).toBe(portuguese.slice(0, portuguese.indexOf("## Solo")));
  });

  it("never drops a block that renders no source content", () => {
    const context = contextOf("<!-- The fern needs water every week. -->\n\nA samambaia precisa de água toda semana.\n\nNota da tradutora: esta edição foi revisada em março.\n\n<!-- Keep the cactus dry. -->\n\nMantenha o cacto seco.\n");
    for (let seed = 1; seed <= 10; seed++) expect(planted(plant.dropParagraph, context, seed)!.text).toContain("Nota da tradutora");
  });

  it("leaves a paragraph or a heading in English with the source's words", () => {
    const context = contextOf(portuguese, english);
    const paragraph = planted((c, r) => plant.leaveInEnglish(c, r, "paragraph"), context)!;
    expect(paragraph.text).toMatch(/^(Water the fern every week\. Keep the cactus dry in winter\.|See \[the watering guide\]\(\/guides\/water\/weekly\) for details\.)$/m);
    const heading = planted((c, r) => plant.leaveInEnglish(c, r, "heading"), context)!;
    expect(heading.text).toMatch(/^# Pot plants$|^## Soil$/m);
  });

  it("misspells a translated word, and a name the source also writes", () => {
    const context = contextOf("<!-- Install OpenTelemetry with the [OpenTelemetry guide](/otel). -->\nInstale o pacote OpenTelemetry com o [guia do OpenTelemetry](/otel).\n");
    const word = planted(plant.misspellWord, context)!;
    expect(word.text).not.toContain("pacote");
    const name = planted((c, r) => plant.misspellName(c, r, true), context)!;
    expect(name.text).toContain("Instale o pacote OpenTelemetry com");
    expect(name.text).not.toContain("[guia do OpenTelemetry]");
    expect(plant.misspeltCjk("プログラム")).not.toBe("プログラム");
  });

  it("damages the encoding as a Mac or Windows reader would, and leaves a comment open", () => {
    expect(plant.asMojibake("ação", "macintosh")).toBe("a√ß√£o");
    expect(plant.asMojibake("ação", "windows-1252")).toBe("aÃ§Ã£o");
    const context = contextOf("<!-- Hello there, friend. -->\nOlá, amigo.\n");
    const open = planted(plant.unclosedComment, context)!;
    expect(open.text).toBe("<!-- Hello there, friend. \nOlá, amigo.\n");
  });

  it("widens a dropped block's place to the blocks on both sides of the gap, past lines that are no block", () => {
    const text = "The beds face south.\n\n<Divider />\n\n<Divider />\n\nTools hang on the wall.\n";
    const block = (raw: string) => ({ side: "translation", start: text.indexOf(raw), end: text.indexOf(raw) + raw.length });
    const context = { text, segments: [block("The beds face south."), block("Tools hang on the wall.")] };
    const gap = text.lastIndexOf("<Divider />");
    const near = plant.nearRange(text, gap, gap + 11);
    expect(near[0]).toBeGreaterThan(0);
    expect(plant.gapRange(context, near, gap, gap + 11)).toEqual([0, text.indexOf("Tools") + "Tools hang on the wall.".length]);
  });

  it("counts a word typo in Japanese or Chinese as not applicable, saying why, and measures it elsewhere", () => {
    for (const language of ["ja", "zh-cn"]) expect(plant.NOT_APPLICABLE["word-typo"].scripts).toContain(plant.scriptOf(language));
    expect(plant.NOT_APPLICABLE["word-typo"].scripts).not.toContain(plant.scriptOf("pt-br"));
    expect(plant.NOT_APPLICABLE["word-typo"].why).toMatch(/dictionary/);
  });

  it("drops a last section without the link definitions below it, which serve the whole page", () => {
    const text = "## Roots\n\nSee [the guide][g].\n\n## Leaves\n\nThey fall in autumn.\n\n[g]: https://example.org/guide\n";
    const start = text.indexOf("## Leaves");
    const kept = plant.applySplices(text, plant.keepingDefinitions(text, start, text.length));
    expect(kept).toBe("## Roots\n\nSee [the guide][g].\n\n[g]: https://example.org/guide\n");
  });

  it("counts a new finding at the place as found and one elsewhere as caused elsewhere", () => {
    const mutation = { splices: [{ start: 10, end: 20, insert: "" }], place: [8, 22], sourcePlaces: [] };
    const finding = (start: number, ruleId = "typo") => ({ ruleId, side: "translation", start, end: start + 2, message: `at line ${start}` });
    const before = [finding(40), finding(3)];
    const after = [finding(30), finding(3), finding(12), finding(60, "link-count")];
    const { near, elsewhere } = plant.classifyFindings(mutation, before, after, "parallel");
    expect(near.map((f: { start: number }) => f.start)).toEqual([12]);
    expect(elsewhere.map((f: { start: number }) => f.start)).toEqual([60]);
  });
});

describe("eval-mutations script", () => {
  it("skips in one line, exit 0, without a corpus", () => {
    const out = execFileSync(process.execPath, [join(root, "scripts", "eval-mutations.mjs"), "--corpus", join(root, "no-such-corpus")], { encoding: "utf8" });
    expect(out.trim().split("\n")).toHaveLength(1);
    expect(out).toMatch(/skipped/);
  });
});
