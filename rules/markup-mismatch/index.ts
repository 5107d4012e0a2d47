import * as z from "zod";
import { proseOf } from "../../src/text/prose.js";
import { defineRule, matchedPairs, segmentText } from "../../src/core/rule.js";
import { segmentFirstLine } from "../../src/core/report-range.js";
import type { LintDocument, Segment } from "../../src/core/types.js";
import { KIND_NAMES, MARKUP_KINDS, type MarkupKind, missingFrom, structureOf } from "./structure.js";

const kindOptions = Object.fromEntries(MARKUP_KINDS.map((k) => [k, z.boolean().default(true)])) as Record<MarkupKind, z.ZodDefault<z.ZodBoolean>>;

/** Languages whose writing has no italics: their translators often drop emphasis, or mark it with brackets. */
const NO_ITALICS = ["zh", "ja", "ko"];

/**
 * Whether an emphasis of the translation marks a term kept in the source language: its words are
 * in the source's prose, where they are not emphasised. Portuguese, Spanish or French typography
 * sets foreign words in italics (`um *framework*`), so such an emphasis is not one the source lost or gained.
 */
function keptTermsOf(document: LintDocument, sources: Segment[], sourceEmphasis: string[]): (text: string) => boolean {
  const prose = ` ${sources.map((s) => proseOf(s, segmentText(document, s)).text).join(" ").replace(/\s+/g, " ").toLowerCase()} `;
  const emphasised = new Set(sourceEmphasis);
  return (text) => text.length > 0 && !emphasised.has(text) && new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(text)}(?![\\p{L}\\p{N}])`, "u").test(prose);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export default defineRule({
  id: "markup-mismatch",
  description:
    "Structure a renderer shows differs between a translation and its source: emphasis, strong or strikethrough counts, heading level, images, footnote references, HTML tags, MDX components and expressions, Hugo shortcodes (counts per pair, not positions). Off by default: on well-kept corpora most emphasis differences were style (titles and terms set in bold or italics), below 95% right.",
  severity: "warn",
  enabledByDefault: false,
  fixable: false,
  schema: z
    .object({
      /** Which kinds of structure to compare. */
      compare: z.object(kindOptions).strict().default(Object.fromEntries(MARKUP_KINDS.map((k) => [k, true])) as Record<MarkupKind, boolean>),
      /**
       * Target languages (primary tags) whose emphasis and strong counts are not compared: Chinese,
       * Japanese and Korean have no italics, and their translators drop emphasis or use brackets.
       */
      emphasisOptional: z.array(z.string()).default(NO_ITALICS),
    })
    .strict(),
  examples: {
    valid: [
      { title: "Emphasis moved within the sentence (Brazilian Portuguese): counts, not positions, are compared.", code: "<!-- Save *before* you quit. -->\nAntes de sair, *salve* o arquivo.\n" },
      {
        title: "Emphasis dropped in Chinese, which has no italics: not compared for zh, ja and ko by default.",
        code: "<!-- This is *very* important. -->\n这非常重要。\n",
        targetLanguage: "zh",
      },
    ],
    invalid: [
      {
        title: "Strong emphasis dropped (French).",
        code: "<!-- Never run this as **root**. -->\nN'exécutez jamais ceci en tant qu'administrateur.\n",
        messages: ["Translation has 0 strong emphasis; its source (line 1) has 1."],
      },
      {
        title: "A heading one level deeper than its source (German).",
        code: "<!-- ## Install -->\n### Installation\n",
        messages: ["Heading is level 3; its source (line 1) is level 2."],
      },
    ],
  },
  messages: {
    count: "Translation has {{translated}} {{what}}; its source (line {{sourceLine}}) has {{source}}.",
    named: "Translation {{verb}} {{what}} {{names}}, unlike its source (line {{sourceLine}}).",
    headingLevel: "Heading is level {{translated}}; its source (line {{sourceLine}}) is level {{source}}.",
  },
  check({ document, options, report }) {
    const language = (document.targetLanguage ?? "").split("-")[0];
    const emphasisOptional = options.emphasisOptional.some((l) => l.toLowerCase() === language);
    const compared = MARKUP_KINDS.filter((k) => options.compare[k] && !(emphasisOptional && (k === "emphasis" || k === "strong")));
    for (const pair of matchedPairs(document)) {
      const source = structureOf(pair.sources);
      const translated = structureOf(pair.translations);
      const at = segmentFirstLine(document, pair.translations[0]);
      const sourceLine = document.sourceLines.position(pair.sources[0].start).line;
      for (const kind of compared) {
        const s = source[kind];
        const t = translated[kind];
        if (kind === "headingLevel") {
          if (s.length === 1 && t.length === 1 && s[0] !== t[0]) report({ messageId: "headingLevel", data: { translated: t[0], source: s[0], sourceLine }, ...at });
          continue;
        }
        if (kind === "html" || kind === "components" || kind === "shortcodes") {
          const added = missingFrom(t, s);
          const dropped = missingFrom(s, t);
          if (added.length > 0) report({ messageId: "named", data: { verb: "adds", what: KIND_NAMES[kind], names: added.join(", "), sourceLine }, ...at });
          if (dropped.length > 0) report({ messageId: "named", data: { verb: "drops", what: KIND_NAMES[kind], names: dropped.join(", "), sourceLine }, ...at });
          continue;
        }
        if (kind === "emphasis" || kind === "strong") {
          const kept = keptTermsOf(document, pair.sources, s);
          const counted = t.filter((text) => !kept(text));
          if (s.length !== counted.length) report({ messageId: "count", data: { translated: counted.length, source: s.length, what: KIND_NAMES[kind], sourceLine }, ...at });
          continue;
        }
        if (s.length !== t.length) report({ messageId: "count", data: { translated: t.length, source: s.length, what: KIND_NAMES[kind], sourceLine }, ...at });
      }
    }
  },
});
