import { describe, expect, it } from "vitest";
import rule from "../../rules/missing-sentence/index.js";
import { splitSentences } from "../../rules/missing-sentence/sentences.js";
import { alignSentences } from "../../rules/missing-sentence/align-sentences.js";
import { calibrationPairs } from "../../rules/missing-sentence/length-model.js";
import { lint } from "../../src/core/lint.js";
import { anchorsIn } from "../../rules/missing-sentence/anchors.js";
import { proseOf } from "../../src/text/prose.js";
import type { Segment } from "../../src/core/types.js";
import { runRuleTests } from "../helpers/rule-tester.js";
import { PORTUGUESE_INLINE_CONTEXT } from "../../rules/missing-sentence/examples.js";

const parallel = (source: string, targetLanguage: string) => ({ source: { text: source }, targetLanguage });

/** Pairs the document's length model learns from: every sentence translated, one to one. */
const CONTEXT_EN = [
  "The garden needs water every morning in summer.",
  "Our library lends books for three weeks at a time.",
  "The bakery opens early and closes after lunch on Sundays.",
  "Each room has a desk, a lamp and a narrow bed.",
  "The museum shows old maps of the coast and its ports.",
  "Trains leave the station every twenty minutes until midnight.",
  "The school keeps its doors open for parents on Fridays.",
  "A small boat takes visitors across the lake in the afternoon.",
].join("\n\n");
const CONTEXT_ES = [
  "El jardín necesita agua todas las mañanas en verano.",
  "Nuestra biblioteca presta libros durante tres semanas cada vez.",
  "La panadería abre temprano y cierra después del almuerzo los domingos.",
  "Cada habitación tiene un escritorio, una lámpara y una cama estrecha.",
  "El museo muestra mapas antiguos de la costa y de sus puertos.",
  "Los trenes salen de la estación cada veinte minutos hasta medianoche.",
  "La escuela abre sus puertas a los padres los viernes.",
  "Un pequeño barco lleva a los visitantes al otro lado del lago por la tarde.",
].join("\n\n");
/** The same, in an inline post in Portuguese: the rule examples' context. */
const CONTEXT_PT_INLINE = PORTUGUESE_INLINE_CONTEXT;

describe("splitSentences", () => {
  const texts = (text: string, language?: string) => splitSentences(text, language).map((s) => text.slice(s.start, s.end).trim());

  it("keeps titles, initials and dotted abbreviations inside their sentence", () => {
    expect(texts("Ask Dr. Lopez about it. Tools differ, e.g. Vim and Emacs. The U.S. Navy sails.")).toEqual([
      "Ask Dr. Lopez about it.",
      "Tools differ, e.g. Vim and Emacs.",
      "The U.S. Navy sails.",
    ]);
  });

  it("reads decimals and host names as words, not sentence ends", () => {
    expect(texts("Version 2.5 is out. Download it from files.example.org today.")).toEqual(["Version 2.5 is out.", "Download it from files.example.org today."]);
  });

  it("ends Japanese and Chinese sentences at 。！？", () => {
    expect(texts("猫が寝ています。犬は庭にいます！どこですか？", "ja")).toEqual(["猫が寝ています。", "犬は庭にいます！", "どこですか？"]);
    expect(texts("我们今天出发。明天到达。", "zh")).toEqual(["我们今天出发。", "明天到达。"]);
  });

  it("ends a sentence before inline code that opens the next one, once the code is masked", () => {
    const text = "行は文で終わります。\n; は次の文を始めます。";
    // ICU reads a `;` after the space as punctuation that continues the sentence.
    expect(texts(text, "ja")).toHaveLength(1);
    const masked = text.replace(";", "X");
    expect(splitSentences(text, "ja", masked).map((s) => text.slice(s.start, s.end).trim())).toEqual(["行は文で終わります。", "; は次の文を始めます。"]);
  });

  it("leaves a closing guillemet with the sentence it closes", () => {
    expect(texts("Il répond « Oui. » Puis il sort.", "fr")).toEqual(["Il répond « Oui. »", "Puis il sort."]);
  });
});

describe("alignSentences", () => {
  const model = { ratio: 1, variance: 4, merges: 0.045, splits: 0.045 };

  it("aligns sentences of matching length one to one", () => {
    expect(alignSentences([40, 80, 60], [42, 78, 61], model)?.beads.map((b) => [b.sources, b.translations])).toEqual([
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
  });

  it("joins two source sentences that one translated sentence renders", () => {
    expect(alignSentences([40, 45, 60], [86, 61], model)?.beads.map((b) => [b.sources, b.translations])).toEqual([
      [2, 1],
      [1, 1],
    ]);
  });
});

describe("calibrationPairs", () => {
  it("leaves out blocks the translation copies as they are: they say nothing of how long it runs", () => {
    const source = "Soil and Roots, a Field Guide\n\nThe garden needs water every morning in summer.\n\nSeeds Through the Year, Second Edition\n";
    const translation = "Soil and Roots, a Field Guide\n\n庭には夏の毎朝水が必要です。\n\nSeeds Through the Year, Second Edition\n";
    const { document } = lint(translation, { filePath: "ja/books.md", source: { text: source, filePath: "en/books.md" }, targetLanguage: "ja" });
    const measure = (segment: Segment) => ({ length: segment.raw.length, sentences: 1 });
    expect(calibrationPairs(document, measure).map((p) => p.pair.translations[0].raw)).toEqual(["庭には夏の毎朝水が必要です。"]);
  });
});

describe("anchorsIn", () => {
  it("counts the link that opens a sentence as the sentence's own", () => {
    const text = "[Field notes](https://notes.example/field) are kept for every walk. They go back ten years.\n";
    const { document } = lint(text, { filePath: "en/walks.md" });
    const segment = document.segments[0];
    const prose = proseOf(segment, text);
    const [first] = splitSentences(prose.text, "en");
    const block = { segment, text: prose.text, offsets: prose.offsets };
    expect([...anchorsIn(document, block, first.start, first.end, false)]).toContainEqual(["notes.example/field", "url"]);
  });
});

runRuleTests(rule, {
  valid: [
    {
      name: "every sentence translated, in parallel files (Spanish)",
      code: `${CONTEXT_ES}\n\nEl servidor guarda cada informe durante un mes. Después lo borra sin avisar. Así el disco nunca se llena.\n`,
      lint: parallel(`${CONTEXT_EN}\n\nThe server keeps every report for a month. Then it deletes it without warning. That way the disk never fills up.\n`, "es"),
    },
    {
      name: "two sentences joined by the translator, their length all there",
      code: `${CONTEXT_ES}\n\nEl servidor guarda cada informe durante un mes y después lo borra sin avisar. Así el disco nunca se llena.\n`,
      lint: parallel(`${CONTEXT_EN}\n\nThe server keeps every report for a month. Then it deletes it without warning. That way the disk never fills up.\n`, "es"),
    },
    {
      name: "a short translation that keeps the number of the sentence it seems to lack: joined, not dropped",
      code: `${CONTEXT_ES}\n\nLa cola admite 250 trabajos, que terminan en orden. Los fallidos se reintentan.\n`,
      lint: parallel(`${CONTEXT_EN}\n\nThe queue accepts many jobs from every team in the building. It holds at most 250 of them at once. Failed jobs are tried again.\n`, "es"),
    },
    {
      name: "a one-sentence summary of a four-sentence paragraph is another block, not a translation one sentence short",
      code: `${CONTEXT_ES}\n\nVer la guía de informes.\n`,
      lint: parallel(
        `${CONTEXT_EN}\n\nThe server keeps every report for a month. Then it deletes it without warning. That way the disk never fills up. Nobody has to clean it by hand.\n`,
        "es",
      ),
    },
    {
      name: "a one-sentence source has nothing to leave out",
      code: "<!-- Press the green button to start the machine. -->\nPressione o botão verde para ligar a máquina.\n",
    },
  ],
  invalid: [
    {
      name: "the last sentence dropped in parallel files (Spanish): reported at the end of the translation",
      code: `${CONTEXT_ES}\n\nEl servidor guarda cada informe durante un mes. Después lo borra sin avisar.\n`,
      lint: parallel(`${CONTEXT_EN}\n\nThe server keeps every report for a month. Then it deletes it without warning. That way the disk on the machine never fills up with old reports that nobody reads any more, even after years of use.\n`, "es"),
      errors: [{ messageId: "missing", line: 17, column: 76, side: "translation", messageIncludes: "(line 17): 'That way the disk on the machine never fills up with old…'" }],
    },
    {
      name: "a middle sentence dropped, reported at the boundary where it belongs (Portuguese, inline)",
      code: `${CONTEXT_PT_INLINE}\n<!-- The parser reads the whole file before it starts. Every heading becomes a section of its own, holding all the paragraphs, lists and tables that follow it up to the next heading. The result is cached for the next run. -->\nO analisador lê o arquivo inteiro antes de começar. O resultado fica guardado para a próxima execução.\n`,
      errors: [{ messageId: "missing", line: 20, column: 51, endColumn: 54, side: "translation", messageIncludes: "'Every heading becomes a section" }],
    },
  ],
});
