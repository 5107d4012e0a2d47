import * as z from "zod";
import { applyRepairs, charsetName, findDamage, sampleOf, scriptsOfLanguages, type DamagedRun } from "./evidence.js";
import { defineRule } from "../../src/core/rule.js";
import { visitNodes } from "../../src/parse/tree.js";
import type { LintDocument, Segment, Side } from "../../src/core/types.js";

/**
 * UTF-8 text that was decoded as Mac OS Roman, Windows-1252 or Latin-1 somewhere on its way:
 * each accented letter or emoji became two to four characters. Reported once a damaged run,
 * with a fix that maps the characters back to their bytes and decodes them as UTF-8. When the
 * repair would give letters of a script the page's language does not use, it is only suggested.
 */

/** Code spans and blocks: a post about encodings may quote mojibake there on purpose. */
function codeRanges(segments: Segment[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const segment of segments) {
    if (segment.kind === "code") ranges.push([segment.start, segment.end]);
    visitNodes(segment.nodes, (node) => {
      if ((node.type === "inlineCode" || node.type === "code") && node.position) {
        ranges.push([node.position.start.offset ?? 0, node.position.end.offset ?? 0]);
      }
    });
  }
  return ranges;
}

/** In an inline post, damage that starts inside a source comment is the source's. */
function sideAt(document: LintDocument, offset: number): Side {
  const inComment = document.segments.some((s) => s.side === "source" && s.comment && offset >= s.comment.start && offset < s.comment.end);
  return inComment ? "source" : "translation";
}

function lineSpan(first: number, last: number): string {
  return first === last ? `line ${first}` : `lines ${first}–${last}`;
}

export default defineRule({
  id: "mojibake",
  description: "UTF-8 text decoded as Mac OS Roman, Windows-1252 or Latin-1 (`Ã©`, `â€™`, `√©` for `é`, `’`).",
  severity: "error",
  fixable: true,
  schema: z.object({}).strict(),
  messages: {
    damaged: "Text is UTF-8 decoded as {{charset}}: '{{damaged}}' should read '{{repaired}}' ({{lines}}).",
  },
  examples: {
    valid: [
      {
        title: "Accented letters written as they are (Portuguese).",
        code: "<!-- A new edition, with hands-on lessons. -->\nUma nova edição, com lições práticas.\n",
      },
      {
        title: "Damaged text quoted in code on purpose, in a French page about encodings.",
        code: "Le mot `cafÃ©` montre un texte UTF-8 lu comme du Latin-1.\n",
      },
    ],
    invalid: [
      {
        title: "Spanish text decoded as Windows-1252: the fix restores the letters.",
        code: "<!-- The setup is ready. -->\nLa configuraciÃ³n estÃ¡ lista.\n",
        messages: ["Text is UTF-8 decoded as Latin-1/Windows-1252: 'configuraciÃ³n' should read 'configuración' (line 2)."],
        output: "<!-- The setup is ready. -->\nLa configuración está lista.\n",
      },
      {
        title: "German text decoded as Mac OS Roman: one finding for the damaged run, quoting its first word; the fix repairs all of it.",
        code: "Viele Gr√º√üe aus M√ºnchen.\n",
        messages: ["Text is UTF-8 decoded as Mac OS Roman: 'Gr√º√üe' should read 'Grüße' (line 1)."],
        output: "Viele Grüße aus München.\n",
      },
      {
        title: "A French file beside its English source, damaged on the way: only the translation is repaired.",
        source: "The file was created.\n",
        code: "Le fichier a Ã©tÃ© crÃ©Ã©.\n",
        messages: ["Text is UTF-8 decoded as Latin-1/Windows-1252: 'Ã©tÃ©' should read 'été' (line 1)."],
        output: "Le fichier a été créé.\n",
      },
    ],
  },
  check({ document, report }) {
    const { sourceLanguage, targetLanguage } = document;
    const texts: Array<{ text: string; side?: Side; segments: Segment[]; lines: LintDocument["lines"]; languages: Array<string | undefined> }> =
      document.mode === "parallel"
        ? [
            { text: document.sourceText, side: "source", segments: document.segments.filter((s) => s.side === "source"), lines: document.sourceLines, languages: [sourceLanguage] },
            { text: document.text, side: "translation", segments: document.segments.filter((s) => s.side === "translation"), lines: document.lines, languages: [targetLanguage] },
          ]
        : [{ text: document.text, segments: document.segments, lines: document.lines, languages: [sourceLanguage, targetLanguage] }];

    for (const { text, side, segments, lines, languages } of texts) {
      for (const run of findDamage(text, { weakRanges: codeRanges(segments), scripts: scriptsOfLanguages(languages) })) {
        const sample = sampleOf(text, run);
        report({
          messageId: "damaged",
          data: {
            charset: charsetName(run.charset, run.repairs.map((r) => text.slice(r.start, r.end))),
            damaged: sample.damaged,
            repaired: sample.repaired,
            lines: lineSpan(lines.position(run.start).line, lines.position(run.end).line),
          },
          side: side ?? sideAt(document, run.start),
          start: run.start,
          end: run.end,
          ...(run.certain ? { fix: editsOf(run) } : { suggestions: [{ desc: "Decode the run as UTF-8.", fix: { range: [run.start, run.end], text: applyRepairs(text, run.repairs, run.start, run.end) } }] }),
        });
      }
    }
  },
});

function editsOf(run: DamagedRun): Array<{ range: [number, number]; text: string }> {
  return run.repairs.map((r) => ({ range: [r.start, r.end], text: r.repaired }));
}
