import type { ListItem, Nodes } from "mdast";
import * as z from "zod";
import { languageName } from "../../src/text/language.js";
import { hasFunctionWords, identifyLanguage, wordsOf } from "../../src/text/language-id.js";
import { blockComponents } from "../../src/parse/markup.js";
import { proseIdentity } from "./prose-identity.js";
import { forgottenHeading } from "./forgotten-heading.js";
import { proseOf, withoutQuotations } from "../../src/text/prose.js";
import { segmentFirstLine } from "../../src/core/report-range.js";
import { defineRule, segmentText } from "../../src/core/rule.js";
import { visitNodes } from "../../src/parse/tree.js";
import type { LintDocument, Pair, Segment } from "../../src/core/types.js";

/**
 * A translation block still in the source language: identical to its source, or read as the
 * source language. Only prose is judged: code, URLs, link labels, emphasised or quoted passages
 * (where translators keep names and the titles of cited works) are set aside first. Consecutive
 * untranslated blocks are reported once, as a run.
 */

const PROSE_KINDS = new Set<Segment["kind"]>(["paragraph", "heading", "listItem", "blockquote", "other"]);

/** JSX tags and MDX expressions (`{/*id*\/}`) that a Markdown parser leaves as text. */
const MARKUP_AS_TEXT = /<\/?[A-Za-z][^<>]*>|\{[^{}\n]*(?:\{[^{}\n]*\}[^{}\n]*)*\}/g;

/** Words of the prose a translator is expected to translate. */
function translatableText(document: LintDocument, segments: Segment[]): string {
  return segments
    .map((s) => withoutQuotations(proseOf(s, segmentText(document, s), { skipLinks: true, skipEmphasis: true, skipCode: true }).text))
    .join("\n")
    .replace(MARKUP_AS_TEXT, " ")
    .replace(/(?:https?:\/\/|www\.)\S+/gi, " ");
}

function comparable(document: LintDocument, segments: Segment[]): string {
  return segments
    .map((s) => proseOf(s, segmentText(document, s)).text)
    .join(" ")
    .replace(MARKUP_AS_TEXT, " ")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Mostly capitalised words: a title or a list of names, which stays as it is. */
function looksLikeTitle(text: string): boolean {
  const words = text.match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? [];
  const long = words.filter((w) => w.length >= 4);
  if (long.length === 0) return true;
  return long.filter((w) => /^\p{Lu}/u.test(w)).length / long.length >= 0.6;
}

/** The other items of the translated list an item belongs to, found in the tree (a list is one node). */
function listSiblings(document: LintDocument, item: Segment): Segment[] {
  const node = item.nodes[0];
  let siblings: Segment[] = [];
  visitNodes(document.root, (current) => {
    if (current.type !== "list" || !current.children.includes(node as ListItem)) return;
    const others = new Set<Nodes>(current.children.filter((child) => child !== node));
    siblings = document.segments.filter((s) => s.side === "translation" && others.has(s.nodes[0]));
    return false;
  });
  return siblings;
}

/**
 * A short item of a list of names (packages, menu entries, settings a program shows in English):
 * kept as it is like its siblings, though a word or two of it is not capitalised (`NDK (Side by side)`).
 */
function nameInList(document: LintDocument, translations: Segment[], words: number, minWords: number): boolean {
  if (translations.length !== 1 || translations[0].kind !== "listItem" || words >= minWords) return false;
  const siblings = listSiblings(document, translations[0]);
  return siblings.length >= 2 && siblings.every((s) => looksLikeTitle(translatableText(document, [s])));
}

/** Text quoted from elsewhere: a blockquote, which a translation may keep in its language. */
function inBlockquote(document: LintDocument, segment: Segment): boolean {
  const lineStart = document.text.lastIndexOf("\n", segment.start - 1) + 1;
  return /^\s*>/.test(document.text.slice(lineStart, segment.start));
}

/** Share of a page's paired prose identical to its source above which the page is taken as untranslated. */
const WHOLE_FILE_SHARE = 0.9;

type Judgement = "identical" | "sourceLanguage" | "unpairedSourceLanguage" | "translated" | "unjudged";

interface Judged {
  pair: Pair;
  first: Segment;
  last: Segment;
  judgement: Judgement;
}

export default defineRule({
  id: "untranslated",
  description: "A translation block left in the source language.",
  severity: "warn",
  fixable: false,
  // A heading's words are looked up in the source and target languages' dictionaries.
  uses: ["speller"],
  schema: z
    .object({
      minWords: z.number().int().min(1).default(6).describe("Fewest words of prose before a block is judged by its language."),
      minUnpairedWords: z
        .number().int().min(1).default(12)
        .describe("Fewest words before a block that no source pairs with is judged (it may be a quotation)."),
      minWholeFileLetters: z
        .number().int().min(1).default(200)
        .describe("Fewest letters of paired prose before a whole page can be judged left in the source language."),
      outputComponents: z
        .array(z.string())
        .default(["Console", "Terminal", "Output", "Log"])
        .describe(
          "JSX components that show what a program prints, by a word of their name (`ConsoleLogLine` has `Console`, `Log`, `Line`): what they hold is output, kept as the program writes it, not prose.",
        ),
    })
    .strict(),
  messages: {
    identical: "Translation is identical to its source (line {{sourceLine}}): still in {{source}}, not {{target}}.",
    sourceLanguage: "Translation reads as {{source}}, the source language (source at line {{sourceLine}}), not {{target}}.",
    unpairedSourceLanguage: "Text reads as {{source}}, not {{target}}, and no source text pairs with it: translate it, or keep the source in a comment beside it.",
    wholeFile: "The whole page is still in {{source}}, not {{target}}: its prose is the same as its source's (source from line {{sourceLine}}).",
    run: "{{count}} consecutive blocks, from here to line {{lastLine}}, are still in {{source}}, not {{target}} (sources from line {{sourceLine}}).",
  },
  examples: {
    valid: [
      {
        title: "A Portuguese translation beside its English source.",
        code: "<!-- The model was trained on a large collection of news articles. -->\nO modelo foi treinado com uma grande coleção de artigos de notícias.\n",
        targetLanguage: "pt-br",
      },
      {
        title: "A French file whose code block stays as written: code is not prose.",
        source: "Start the server with this command:\n\n```sh\nnpm run start -- --port 8080\n```\n",
        code: "Démarrez le serveur avec cette commande :\n\n```sh\nnpm run start -- --port 8080\n```\n",
        targetLanguage: "fr",
      },
      {
        title: "A Chinese translation that keeps a product name and a command as they are.",
        code: "<!-- Install Docker, then run the command below to start the service. -->\n先安装 Docker，然后运行下面的命令来启动服务。\n",
        targetLanguage: "zh-cn",
      },
    ],
    invalid: [
      {
        title: "A Portuguese post whose translation is still its English source, word for word.",
        code: "<!-- The model was trained on a large collection of news articles. -->\nThe model was trained on a large collection of news articles.\n",
        targetLanguage: "pt-br",
        messages: ["Translation is identical to its source (line 1): still in English, not Portuguese."],
      },
      {
        title: "A German file whose paragraph was reworded but left in English.",
        source: "# Updates\n\nThe server restarts every night at midnight to apply the latest updates.\n",
        code: "# Aktualisierungen\n\nThe server restarts each night around midnight so that it can apply new updates.\n",
        targetLanguage: "de",
        messages: ["Translation reads as English, the source language (source at line 3), not German."],
      },
    ],
  },
  check({ document, options, settings, report }) {
    const target = document.targetLanguage;
    const source = document.sourceLanguage ?? "en";
    if (!target || target.split("-")[0] === source.split("-")[0]) return;
    const names = { source: languageName(source), target: languageName(target) };
    const dictionaries = () => ({ source: settings.speller?.(source.toLowerCase()), target: settings.speller?.(target.toLowerCase()) });

    const outputNames = new Set(options.outputComponents.map((n) => n.toLowerCase()));
    const nameWords = (name: string) => name.split(/(?=[A-Z])|[._-]/).map((w) => w.toLowerCase());
    const output = blockComponents(document.text).filter((c) => nameWords(c.name).some((w) => outputNames.has(w)));
    const isOutput = (segment: Segment) => output.some((c) => segment.start >= c.start && segment.end <= c.end);

    const judge = (pair: Pair): Judged | undefined => {
      if (pair.translations.some(isOutput)) return undefined;
      const body = pair.translations.filter((t) => PROSE_KINDS.has(t.kind) && t.kind !== "heading");
      const heading = body.length === 0;
      const translations = heading ? pair.translations.filter((t) => t.kind === "heading") : body;
      if (translations.length === 0) return undefined;
      const at = { pair, first: translations[0], last: translations[translations.length - 1] };
      const prose = translatableText(document, translations);
      const evidence = identifyLanguage(prose, { source, target });
      if (evidence.verdict === "target") return { ...at, judgement: "translated" };
      // A title-cased heading is judged by the page around it, not by its few words.
      if (heading && forgottenHeading(document, pair, prose, (segments) => translatableText(document, segments), (segments) => comparable(document, segments), dictionaries)) {
        return { ...at, judgement: "identical" };
      }
      // Mostly capitalised words are titles and names, which stay as they are.
      if (looksLikeTitle(prose) || (heading && /:/.test(prose))) return { ...at, judgement: "unjudged" };

      if (pair.sources.length === 0) {
        const unpaired = !heading && evidence.verdict === "source" && evidence.words >= options.minUnpairedWords;
        const quoted = translations.some((t) => inBlockquote(document, t));
        return { ...at, judgement: unpaired && !quoted ? "unpairedSourceLanguage" : "unjudged" };
      }
      // Headings of a newsletter or a blog are often the titles of the works they present, kept
      // in their language on purpose: only a heading copied unchanged counts.
      const identical = comparable(document, translations) === comparable(document, pair.sources);
      // A command or an identifier copied unchanged is not prose: prose has function words.
      const phrase = evidence.sourceHits > 0 || !hasFunctionWords(source);
      const words = wordsOf(prose).length;
      if (identical && phrase && words >= (heading ? 2 : 3)) {
        return { ...at, judgement: nameInList(document, translations, words, options.minWords) ? "unjudged" : "identical" };
      }
      if (!heading && evidence.verdict === "source" && evidence.words >= options.minWords) return { ...at, judgement: "sourceLanguage" };
      return { ...at, judgement: "unjudged" };
    };

    const firstLine = (segment: Segment) => segmentFirstLine(document, segment);
    // A page nobody translated is one finding, not one per paragraph.
    if (document.mode === "parallel") {
      const identity = proseIdentity(document);
      if (identity.share >= WHOLE_FILE_SHARE && identity.proseLength >= options.minWholeFileLetters) {
        const first = document.pairs.find((p) => p.sources.length > 0 && p.translations.some((t) => PROSE_KINDS.has(t.kind)));
        if (first) {
          const segment = first.translations.find((t) => PROSE_KINDS.has(t.kind))!;
          const sourceLine = document.sourceLines.position(first.sources[0].start).line;
          report({ messageId: "wholeFile", data: { ...names, sourceLine }, ...firstLine(segment) });
          return;
        }
      }
    }

    const emit = (run: Judged[]) => {
      const head = run[0];
      const sourceLine = head.pair.sources.length > 0 ? document.sourceLines.position(head.pair.sources[0].start).line : 0;
      if (run.length === 1) {
        report({ messageId: head.judgement, data: { ...names, sourceLine }, ...firstLine(head.first) });
      } else {
        const lastLine = document.lines.position(run[run.length - 1].last.end).line;
        report({ messageId: "run", data: { ...names, sourceLine, count: run.length, lastLine }, ...firstLine(head.first) });
      }
    };

    // Blocks nobody judged (code, titles, short lines) neither break nor extend a run.
    let run: Judged[] = [];
    for (const pair of document.pairs) {
      if (pair.translations.length === 0) continue;
      const judged = judge(pair);
      if (!judged || judged.judgement === "unjudged") continue;
      const untranslated = judged.judgement !== "translated";
      const joins = untranslated && judged.judgement !== "unpairedSourceLanguage" && run.length > 0 && run[0].judgement !== "unpairedSourceLanguage";
      if (untranslated && (run.length === 0 || joins)) {
        run.push(judged);
        continue;
      }
      if (run.length > 0) emit(run);
      run = untranslated ? [judged] : [];
    }
    if (run.length > 0) emit(run);
  },
});
