import * as z from "zod";
import { applyRepairs, charsetName, findDamage, sampleOf, scriptsOfLanguages, type DamagedRun } from "../src/mojibake.js";
import { defineRule } from "../src/rule.js";
import { visitNodes } from "../src/tree.js";
import type { LintDocument, Segment, Side } from "../src/types.js";

/**
 * UTF-8 text that was decoded as Mac OS Roman, Windows-1252 or Latin-1 somewhere on its way:
 * each accented letter or emoji became two to four characters. Reported once a damaged run,
 * with a fix that maps the characters back to their bytes and decodes them as UTF-8. When the
 * repair would give letters of a script the page's language does not use, it is only suggested.
 *
 * @example invalid
 * Uma nova edi√ß√£o da newsletter.
 * → "Text is UTF-8 decoded as Mac OS Roman: 'edi√ß√£o' should read 'edição' (line 1)."
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
