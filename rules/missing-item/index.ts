import * as z from "zod";
import { featuresOf } from "../../src/pair/features.js";
import { findEnumerations, sentences, type Chunk, type Enumeration, type Item } from "./enumerations.js";
import { linksOf, renderedLinks } from "../../src/text/links.js";
import { withoutMarkup } from "../../src/parse/markup.js";
import { dominantScript } from "../../src/text/words.js";
import { proseOf } from "../../src/text/prose.js";
import { firstLineOf, linesOfSide } from "../../src/core/report-range.js";
import { defineRule, matchedPairs, segmentText } from "../../src/core/rule.js";
import type { LintDocument, Pair, Report, Segment } from "../../src/core/types.js";
import { canonicalUrl } from "../../src/text/url-match.js";

/**
 * Source content the translation left out: a source block with no translation at all, or a
 * translation that drops list items, images, code blocks or the items of an enumeration in
 * prose. In an inline post the finding points at the source text that lacks a translation (it
 * sits beside it); in parallel files, at the place in the translation where it belongs.
 */

const KIND_NAMES: Partial<Record<Segment["kind"], string>> = {
  paragraph: "paragraph",
  heading: "heading",
  listItem: "list item",
  code: "code block",
  table: "table",
  image: "image",
  blockquote: "quotation",
  html: "HTML block",
  other: "block",
};

function firstWords(text: string, count = 8): string {
  const words = text
    .replace(/^[\s\\]+/, "")
    .replace(/\s+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
  const head = words.slice(0, count).join(" ");
  return words.length > count ? `${head}…` : head;
}

/**
 * A block of markup, one a Hugo shortcode opens (`{{< card >}} text {{< /card >}}`), or a list
 * item that only calls a shortcode (`- {{% status "API" %}}`): structure, not content.
 */
function isStructure(document: LintDocument, segment: Segment): boolean {
  if (segment.kind === "markup" || /^\s*\{\{[<%]/.test(segment.raw)) return true;
  if (segment.kind !== "listItem" && segment.kind !== "paragraph") return false;
  const prose = proseOf(segment, segmentText(document, segment)).text;
  return /\{\{[<%]/.test(prose) && !/[\p{L}\p{N}]/u.test(withoutMarkup(prose));
}

/**
 * The URL of a block that is one link and nothing else (`- [Java](/docs/java/)`): such a block
 * cannot be translated freely, since a translation that keeps it keeps its URL.
 */
function onlyLinkOf(document: LintDocument, segment: Segment): string | undefined {
  if (segment.kind !== "listItem" && segment.kind !== "paragraph") return undefined;
  const text = segmentText(document, segment);
  const links = renderedLinks(segment, text);
  if (links.length !== 1 || canonicalUrl(links[0].url).length < 4) return undefined;
  const around = text.slice(segment.start, links[0].start) + text.slice(links[0].end, segment.end);
  return /[\p{L}\p{N}]/u.test(around.replace(/^\s*(?:[-*+]|\d+[.)])\s/, "")) ? undefined : links[0].url;
}

/** A block with no words of its own: a shortcode or component line (`{{% /alert %}}`), where an alert opened or closed. */
function isLayoutOnly(document: LintDocument, segment: Segment): boolean {
  // An alert's title is words all the same: `{{% alert title="Risks of hashing" %}}` translates a heading.
  if (/\btitle\s*=\s*"[^"]*\p{L}/u.test(segment.raw)) return false;
  if (segment.kind === "markup") return true;
  if (segment.kind !== "paragraph" && segment.kind !== "html" && segment.kind !== "other") return false;
  return /\{\{[<%]/.test(segment.raw) && !/[\p{L}\p{N}]/u.test(withoutMarkup(proseOf(segment, segmentText(document, segment)).text));
}

/** Most words of a label an author left as a comment in the original (`<!-- Path-related syntax -->`). */
const MAX_LABEL_WORDS = 6;

/**
 * A one-line phrase in a comment of its own, followed by more source from another comment: in the
 * original it was already a comment (an author's label over the comments of a list), so no
 * translation was due. A dropped paragraph says more than a label; a dropped heading is a heading.
 */
function isAuthorLabel(document: LintDocument, segment: Segment): boolean {
  if (segment.kind !== "paragraph" || segment.raw.trim().includes("\n")) return false;
  const words = proseOf(segment, segmentText(document, segment)).text.match(/\p{L}+/gu)?.length ?? 0;
  if (words > MAX_LABEL_WORDS) return false;
  const next = document.segments[document.segments.indexOf(segment) + 1];
  return next !== undefined && next.side === "source" && next.comment?.start !== segment.comment?.start;
}

/** A code line that is a comment: translators rewrite those in their language. */
const CODE_COMMENT = /^(?:#|\/\/|\/\*|\*|--|<!--|;)/;

/**
 * Whether a source code block is written in the translation all the same: every line of it
 * (comments aside) appears there, merged into another block, moved, or given as inline code
 * (`rustc -Vv`). Only what is written counts, as for a link's URL.
 */
function codeWrittenInTranslation(document: LintDocument, segment: Segment): boolean {
  // In an inline post the source's own comments are in the text too.
  if (segment.kind !== "code" || document.mode !== "parallel") return false;
  const node = segment.nodes[0];
  const value = node?.type === "code" ? node.value : "";
  const lines = value.split("\n").map((line) => line.trim()).filter((line) => line.length >= 3 && !CODE_COMMENT.test(line));
  return lines.length > 0 && lines.every((line) => document.text.includes(line));
}

function quoteOf(document: LintDocument, segment: Segment): string {
  if (segment.kind === "code") {
    const language = segment.raw.match(/^(?:```|~~~)\s*([\w+-]+)/)?.[1];
    return language ? `${language} code` : "code";
  }
  if (segment.kind === "image") {
    const image = linksOf(segment, segmentText(document, segment)).find((l) => l.image);
    return image ? image.label || image.url : firstWords(segment.raw);
  }
  // An alert's marker (`[!NOTE]`) says nothing of what was dropped; its text does.
  return firstWords(withoutMarkup(proseOf(segment, segmentText(document, segment)).text));
}

/** Tokens a translation keeps as they are: names, versions, identifiers. */
function distinctiveTokens(item: Item): string[] {
  const tokens = item.text.match(/[\p{L}\p{N}][\p{L}\p{N}._+#-]*/gu) ?? [];
  return tokens.filter((t) => /\d|[._+#-]|^\p{Lu}/u.test(t));
}

/**
 * Whether the translation kept an item as it is written in the source: the whole item (a term
 * left in the source language), or its names, numbers and code.
 */
function keptAsWritten(item: Item, translation: string): boolean {
  const haystack = translation.toLowerCase().replace(/\s+/g, " ");
  const written = (phrase: string) =>
    new RegExp(`(?<![\\p{L}\\p{N}])${phrase.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "u").test(haystack);
  const whole = item.text.replace(/\s+/g, " ");
  if (whole.length >= 3 && written(whole)) return true;
  const distinctive = distinctiveTokens(item);
  return distinctive.length > 0 && distinctive.every(written);
}

/**
 * Numbers and inline code of a source sentence: what a translation writes as it is. Names are
 * left out: Chinese and Japanese translations render acronyms and product names in their own words.
 */
function keptTokens(sentence: string, code: Set<string>): string[] {
  const numbers = sentence.match(/\d+(?:[.,:]\d+)*/g) ?? [];
  return [...numbers, ...[...code].filter((c) => c.length > 1 && sentence.includes(c))];
}

/** The sentences of a segment's prose, a soft line break read as the space it is. */
function sentencesOf(document: LintDocument, segment: Segment): { chunks: Chunk[]; offsets: number[] } {
  const prose = proseOf(segment, segmentText(document, segment));
  return { chunks: sentences(prose.text.replace(/\s/g, " ")), offsets: prose.offsets };
}

function joinedProse(document: LintDocument, segments: Segment[]): { text: string; offsets: number[] } {
  let text = "";
  const offsets: number[] = [];
  for (const segment of segments) {
    // A table's cells are data: a cell listing several values is no sentence a translator rewrites,
    // and an older translation's table lacks whole rows, which a count of items would misname.
    if (segment.kind === "code" || segment.kind === "image" || segment.kind === "table") continue;
    const prose = proseOf(segment, segmentText(document, segment));
    text += `${prose.text}\n`;
    // A loop, not push(...offsets): a long source paragraph has more offsets than a call takes arguments.
    for (const offset of prose.offsets) offsets.push(offset);
    offsets.push(prose.offsets[prose.offsets.length - 1] ?? segment.end);
  }
  return { text, offsets };
}

/**
 * Share of a source run's expected length that unpaired translation blocks beside it must reach to
 * be taken for its free translation: Chinese and Japanese run short by a third in places.
 */
const NEARBY_SHARE = 0.4;

/** How many times `needle` is written in `haystack`. */
function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

/** The text with the segments' ranges cut out. */
function textOutside(text: string, segments: Segment[]): string {
  let out = "";
  let from = 0;
  for (const segment of [...segments].sort((a, b) => a.start - b.start)) {
    out += text.slice(from, Math.max(from, segment.start));
    from = Math.max(from, segment.end);
  }
  return out + text.slice(from);
}

export default defineRule({
  id: "missing-item",
  description: "Source content the translation leaves out: an untranslated block, list items, images, code blocks, enumerated items.",
  severity: "error",
  fixable: false,
  schema: z
    .object({
      minItems: z.number().int().min(3).default(4).describe("Fewest items a source enumeration needs before dropped items are looked for."),
      maxItemWords: z.number().int().min(1).default(4).describe("Longest enumerated item, in words, in the source."),
    })
    .strict(),
  messages: {
    untranslated: "This {{what}} of the source has no translation: '{{quote}}'.",
    untranslatedMany: "These {{count}} blocks of the source have no translation, from '{{quote}}'.",
    dropped: "The translation lacks the source's {{what}} at line {{sourceLine}}: '{{quote}}'.",
    droppedLink: "The translation lacks the source's {{what}} at line {{sourceLine}}, a link to {{url}} ('{{quote}}'): the translation links there nowhere.",
    droppedSentence: "The translation (line {{translationLine}}) has fewer sentences than its source (line {{sourceLine}}) and runs short; it seems to lack: '{{quote}}'.",
    droppedMany: "The translation lacks {{count}} blocks of the source from line {{sourceLine}}, from '{{quote}}'.",
    droppedKind: "The source (line {{sourceLine}}) has {{source}} {{what}}; the translation has {{translated}}. Missing: '{{quote}}'.",
    enumeration: "The source (line {{sourceLine}}) lists {{count}} items; the translation (line {{translationLine}}) keeps about {{kept}}. Missing: {{missing}}.",
  },
  examples: {
    valid: [
      {
        title: "Every item of the enumeration kept (Portuguese).",
        code: "<!-- It runs on Linux, macOS, Windows, FreeBSD, and Android. -->\nEle roda em Linux, macOS, Windows, FreeBSD e Android.\n",
      },
      {
        title: "The same enumeration in Japanese, written with the ideographic comma.",
        code: "<!-- It runs on Linux, macOS, Windows, FreeBSD, and Android. -->\nLinux、macOS、Windows、FreeBSD、Android で動作します。\n",
      },
      {
        title: "A German list with as many items as its English source, in parallel files.",
        source: "You need:\n\n- a text editor\n- a terminal\n- an internet connection\n",
        code: "Sie brauchen:\n\n- einen Texteditor\n- ein Terminal\n- eine Internetverbindung\n",
      },
    ],
    invalid: [
      {
        title: "Items dropped from an enumeration in prose (Portuguese).",
        code: "<!-- It runs on Linux, macOS, Windows, FreeBSD, and Android. -->\nEle roda em Linux e macOS.\n",
        messages: ["The source (line 1) lists 5 items; the translation (line 2) keeps about 2. Missing: 'Windows', 'FreeBSD', 'Android'."],
      },
      {
        title: "A list item the Spanish file leaves out.",
        source: "You need:\n\n- a text editor\n- a terminal\n- an internet connection\n",
        code: "Necesitas:\n\n- un editor de texto\n- una terminal\n",
        messages: ["The translation lacks the source's list item at line 5: 'an internet connection'."],
      },
      {
        title: "A source paragraph in a comment with no translation beside it (French).",
        code: "<!-- The first step. -->\nLa première étape.\n\n<!-- The second step, which nobody translated. -->\n",
        messages: ["This paragraph of the source has no translation: 'The second step, which nobody translated.'."],
      },
    ],
  },
  check({ document, options, report }) {
    const parallel = document.mode === "parallel";
    const lineOf = (segment: Segment) => (segment.side === "source" ? document.sourceLines : document.lines).position(segment.start).line;
    const firstLineRange = (segment: Segment) => firstLineOf(linesOfSide(document, segment.side), segment);

    let ratio: number | undefined;
    const reportedComments = new Set<number>();
    reportUnpairedSources();
    for (const pair of matchedPairs(document)) {
      if (!parallel) checkMergedComments(pair);
      checkKinds(pair);
      checkEnumerations(pair);
      checkDroppedSentence(pair);
    }

    /**
     * Alignment may give one translation several comments when a neighbouring comment has no
     * translation of its own; a translation about as long as one of them renders only that one.
     */
    function checkMergedComments(pair: Pair) {
      const comments = new Map<number, Segment[]>();
      for (const source of pair.sources) {
        const key = source.comment?.start ?? source.start;
        comments.set(key, [...(comments.get(key) ?? []), source]);
      }
      if (comments.size < 2) return;
      const length = (segments: Segment[]) => segments.reduce((n, s) => n + featuresOf(s).length, 0);
      const translated = length(pair.translations);
      if (translated >= 0.6 * lengthRatio() * length(pair.sources)) return;
      const from = pair.translations[0].start;
      const to = pair.translations[pair.translations.length - 1].end;
      const gap = (segments: Segment[]) => {
        const start = segments[0].comment?.start ?? segments[0].start;
        const end = segments[segments.length - 1].comment?.end ?? segments[segments.length - 1].end;
        return end <= from ? from - end : start >= to ? start - to : 0;
      };
      const nearest = [...comments.keys()].reduce((a, b) => (gap(comments.get(b)!) < gap(comments.get(a)!) ? b : a));
      for (const [key, segments] of comments) {
        if (key === nearest || reportedComments.has(key)) continue;
        reportedComments.add(key);
        reportUntranslated(segments);
      }
    }

    function reportUntranslated(run: Segment[]) {
      const first = run[0];
      const data: Record<string, string | number> = { what: KIND_NAMES[first.kind] ?? "block", count: run.length, quote: quoteOf(document, first) };
      report({ messageId: run.length === 1 ? "untranslated" : "untranslatedMany", data, side: "source", ...firstLineRange(first) });
    }

    /** Consecutive source blocks with no translation, once per comment (inline) or per run (parallel). */
    function reportUnpairedSources() {
      const pairs = document.pairs;
      let i = 0;
      while (i < pairs.length) {
        if (pairs[i].sources.length === 0 || pairs[i].translations.length > 0) {
          i++;
          continue;
        }
        const run: Segment[] = [];
        const from = i;
        while (i < pairs.length && pairs[i].translations.length === 0 && pairs[i].sources.length > 0) {
          const next = pairs[i].sources;
          // In an inline post, one report per comment: a new comment starts a new report.
          if (!parallel && run.length > 0 && next[0].comment?.start !== run[0].comment?.start) break;
          run.push(...next);
          i++;
        }
        const first = run[0];
        if (!parallel) {
          const comment = first.comment?.start ?? first.start;
          if (reportedComments.has(comment) || run.every((segment) => isAuthorLabel(document, segment))) continue;
          reportedComments.add(comment);
          reportUntranslated(run);
          continue;
        }
        // Shortcode and component blocks are the site's structure (a home page's cards, an
        // include): a translation may lay them out its own way, so only content counts.
        const content = run.filter(
          (segment) => !isStructure(document, segment) && !codeWrittenInTranslation(document, segment) && !linkWrittenInTranslation(segment),
        );
        if (content.length === 0) continue;
        // A short title may have merged into the paragraph after it; alignment cannot tell.
        const words = content.reduce((n, segment) => n + (proseOf(segment, segmentText(document, segment)).text.match(/\p{L}+/gu)?.length ?? 0), 0);
        const substantial = words >= 8 || content.some((segment) => ["image", "code", "table", "listItem"].includes(segment.kind));
        // Blocks that are only links were not translated too freely to be matched: their URLs would be there.
        const onlyLinks = content.every((segment) => onlyLinkOf(document, segment) !== undefined);
        if (!(substantial || onlyLinks) || (!onlyLinks && translatedNearby(content, from, i)) || linkedElsewhere(run, onlyLinks) || mergedIntoNeighbours(content, from, i)) continue;
        const anchor = anchorFor(from, i);
        if (!anchor) continue;
        const head = content[0];
        const data: Record<string, string | number> = { what: KIND_NAMES[head.kind] ?? "block", count: content.length, quote: quoteOf(document, head), sourceLine: lineOf(head) };
        const url = content.length === 1 ? onlyLinkOf(document, head) : undefined;
        if (url !== undefined) data.url = url;
        report({ messageId: url !== undefined ? "droppedLink" : content.length === 1 ? "dropped" : "droppedMany", data, side: "translation", ...anchor });
      }
    }

    /**
     * Whether a block that is only a link (`[source](https://…)` under a figure) has its URL written
     * somewhere in the translation: a translation may gather its links in a list of references.
     */
    function linkWrittenInTranslation(segment: Segment): boolean {
      const url = onlyLinkOf(document, segment);
      return url !== undefined && document.text.toLowerCase().includes(canonicalUrl(url).replace(/\?.*$/, ""));
    }

    /** Translation blocks that pair with nothing among the unmatched pairs next to pairs[from, to). */
    function unpairedTranslationsBeside(from: number, to: number): Segment[] {
      const unmatched = (pair: Pair) => pair.sources.length === 0 || pair.translations.length === 0;
      const found: Segment[] = [];
      for (let j = from - 1; j >= 0 && unmatched(document.pairs[j]); j--) found.push(...document.pairs[j].translations);
      for (let j = to; j < document.pairs.length && unmatched(document.pairs[j]); j++) found.push(...document.pairs[j].translations);
      return found;
    }

    /**
     * Whether translation blocks that pair with nothing sit between the same matched neighbours,
     * enough of them to render the source run: as many blocks (a title the translation made a
     * heading of, in a few words of its own), or as much text. Then the run was probably translated
     * too freely to be matched, not left out. One short block beside a dropped section of several
     * renders a block of it at most.
     */
    function translatedNearby(run: Segment[], from: number, to: number): boolean {
      // A shortcode or component line (`{{% /alert %}}`) is layout, not a translation of anything.
      const beside = unpairedTranslationsBeside(from, to).filter((t) => !isLayoutOnly(document, t));
      if (beside.length === 0) return false;
      const length = (segments: Segment[]) => segments.reduce((n, s) => n + featuresOf(s).length, 0);
      return beside.length >= run.length || length(beside) >= NEARBY_SHARE * lengthRatio() * length(run);
    }

    /**
     * Whether a translated list item that pairs with nothing sits next to the pair: between two
     * files, alignment may join two source items to one translated item and leave the other
     * translated item beside them unpaired; that item is the one that looks missing.
     */
    function unpairedItemBeside(pair: Pair): boolean {
      const k = document.pairs.indexOf(pair);
      return unpairedTranslationsBeside(k, k + 1).some((t) => t.kind === "listItem");
    }

    /**
     * Whether the run's content sits elsewhere in the translation. Blocks that are only links are
     * there when their URLs are written anywhere (a translation may gather its links in a list of
     * references). Prose is there when each URL of its links and images is written in the
     * translation more often than the rest of the source writes it: a URL the source repeats
     * outside the run (a section linking again to a page linked above) is no sign that the run was
     * moved, only that its neighbours kept their links.
     */
    function linkedElsewhere(run: Segment[], onlyLinks: boolean): boolean {
      const urls = new Set(
        run.flatMap((segment) => linksOf(segment, segmentText(document, segment)).map((link) => canonicalUrl(link.url).replace(/\?.*$/, ""))),
      );
      for (const url of urls) if (url.length < 4) urls.delete(url);
      if (urls.size === 0) return false;
      const translation = document.text.toLowerCase();
      if (onlyLinks) return [...urls].some((url) => translation.includes(url));
      const restOfSource = textOutside(document.sourceText, run).toLowerCase();
      return [...urls].every((url) => occurrences(translation, url) > occurrences(restOfSource, url));
    }

    /**
     * Whether the translation blocks around the run carry all of its inline code: a list the
     * source grew out of a sentence (`… or the \`Reader\` …`) that the translation still says in
     * one paragraph is there, only laid out differently. Prose blocks only, each with code.
     */
    function mergedIntoNeighbours(run: Segment[], from: number, to: number): boolean {
      if (!run.every((s) => (s.kind === "paragraph" || s.kind === "listItem") && featuresOf(s).code.size > 0)) return false;
      const near = new Set<string>();
      const add = (pair: Pair | undefined) => pair?.translations.forEach((t) => featuresOf(t).code.forEach((c) => near.add(c)));
      let before = from - 1;
      while (before >= 0 && document.pairs[before].translations.length === 0) before--;
      let after = to;
      while (after < document.pairs.length && document.pairs[after].translations.length === 0) after++;
      add(document.pairs[before]);
      add(document.pairs[after]);
      return run.every((s) => [...featuresOf(s).code].every((c) => near.has(c)));
    }

    /** Where in the translation a dropped run belongs: the end of the block before it, or the start of the one after. */
    function anchorFor(from: number, to: number): { start: number; end: number } | undefined {
      for (let j = from - 1; j >= 0; j--) {
        const translations = document.pairs[j].translations;
        if (translations.length > 0) {
          const last = translations[translations.length - 1];
          const lineStart = document.lines.starts[document.lines.position(last.end).line - 1] ?? last.start;
          return { start: Math.max(last.start, lineStart), end: last.end };
        }
      }
      for (let j = to; j < document.pairs.length; j++) {
        const translations = document.pairs[j].translations;
        if (translations.length > 0) return firstLineRange(translations[0]);
      }
      return undefined;
    }

    /** List items, images and code blocks the translation of a pair has fewer of. */
    function checkKinds(pair: Pair) {
      const sourceLine = lineOf(pair.sources[0]);
      const at = (side: "source" | "translation", segment: Segment) => ({ side, ...firstLineRange(segment) });
      const where = parallel ? at("translation", pair.translations[0]) : at("source", pair.sources[0]);

      const images = (segments: Segment[]) => segments.flatMap((s) => linksOf(s, segmentText(document, s)).filter((l) => l.image));
      const sourceImages = images(pair.sources);
      const translatedImages = images(pair.translations);
      if (translatedImages.length < sourceImages.length) {
        const kept = new Set(translatedImages.map((l) => canonicalUrl(l.url)));
        const lost = sourceImages.find((l) => !kept.has(canonicalUrl(l.url))) ?? sourceImages[sourceImages.length - 1];
        report({
          messageId: "droppedKind",
          data: { sourceLine, source: sourceImages.length, translated: translatedImages.length, what: "images", quote: lost.label || lost.url },
          ...where,
        });
      }

      const count = (segments: Segment[], kind: Segment["kind"]) => segments.filter((s) => s.kind === kind).length;
      const code = [count(pair.sources, "code"), count(pair.translations, "code")];
      const notWritten = pair.sources.filter((s) => s.kind === "code" && !codeWrittenInTranslation(document, s));
      if (code[1] < code[0] && notWritten.length > 0) {
        const lost = notWritten[Math.min(code[1], notWritten.length - 1)];
        report({ messageId: "droppedKind", data: { sourceLine, source: code[0], translated: code[1], what: "code blocks", quote: quoteOf(document, lost) }, ...where });
      }

      // Several source items rendered by one translation item: merged if the text is all there,
      // dropped if the translation is much shorter than the items it stands for.
      const items = [count(pair.sources, "listItem"), count(pair.translations, "listItem")];
      if (items[1] > 0 && items[1] < items[0]) {
        const sourceItems = pair.sources.filter((s) => s.kind === "listItem");
        const sourceLength = sourceItems.reduce((n, s) => n + featuresOf(s).length, 0);
        const translatedLength = pair.translations.filter((s) => s.kind === "listItem").reduce((n, s) => n + featuresOf(s).length, 0);
        if (translatedLength < 0.6 * sourceLength * lengthRatio() && !(parallel && unpairedItemBeside(pair))) {
          const lost = sourceItems[sourceItems.length - 1];
          report({ messageId: "droppedKind", data: { sourceLine, source: items[0], translated: items[1], what: "list items", quote: quoteOf(document, lost) }, ...where });
        }
      }
    }

    /**
     * A paragraph whose translation lost a sentence: it has fewer sentences than its source, runs
     * short of what the document's length ratio predicts, and lacks every number and code span of
     * one source sentence. Translators join sentences, so fewer sentences alone, or a short
     * translation alone, says nothing.
     */
    function checkDroppedSentence(pair: Pair) {
      if (pair.sources.length !== 1 || pair.translations.length !== 1) return;
      const [source] = pair.sources;
      const [translation] = pair.translations;
      if (source.kind !== "paragraph" || translation.kind !== "paragraph" || featuresOf(source).length < 60) return;
      // A shortcode's attributes are no sentences a translator writes out.
      if (/\{\{[<%]/.test(source.raw)) return;
      const { chunks, offsets } = sentencesOf(document, source);
      if (chunks.length < 2 || sentencesOf(document, translation).chunks.length >= chunks.length) return;
      // A translation that writes its numbers in its own digits (Bengali ১০০) keeps them all the same.
      if (/(?![0-9])\p{Nd}/u.test(translation.raw)) return;
      const share = featuresOf(translation).length / (lengthRatio() * featuresOf(source).length);
      const written = translation.raw.toLowerCase();
      const lost = chunks.find((chunk) => {
        const tokens = keptTokens(chunk.text, featuresOf(source).code);
        return tokens.length > 0 && tokens.every((token) => !written.includes(token.toLowerCase()));
      });
      // A short translation alone is no proof: Chinese and Japanese run short by a third in places.
      if (!lost || share >= 0.8) return;
      const data = { sourceLine: lineOf(source), translationLine: lineOf(translation), count: chunks.length, quote: firstWords(lost.text) };
      if (parallel) {
        report({ messageId: "droppedSentence", data, side: "translation", ...firstLineRange(translation) });
        return;
      }
      const start = offsets[lost.start] ?? source.start;
      const end = (offsets[lost.start + lost.text.trimEnd().length - 1] ?? start) + 1;
      report({ messageId: "droppedSentence", data, side: "source", start, end: Math.max(start + 1, end) });
    }

    function checkEnumerations(pair: Pair) {
      // A translation far shorter than its source is a summary or a misaligned pair: what it
      // lacks is more than a list's items, and counting them would mislead.
      const sourceLength = pair.sources.reduce((n, s) => n + featuresOf(s).length, 0);
      const translatedLength = pair.translations.reduce((n, s) => n + featuresOf(s).length, 0);
      if (translatedLength < 0.4 * sourceLength * lengthRatio()) return;
      const source = joinedProse(document, pair.sources);
      const translation = joinedProse(document, pair.translations);
      const lists = findEnumerations(source.text, { language: document.sourceLanguage, strict: true, maxItemWords: options.maxItemWords })
        .filter((e) => e.items.length >= options.minItems)
        .sort((a, b) => b.items.length - a.items.length);
      // Chinese and Japanese lists join their items without the conjunctions and commas counted
      // here: only items kept as written (names) can be told apart there.
      const cjk = dominantScript(translation.text) === "cjk";
      const judged = cjk ? lists.filter((list) => list.items.every((item) => distinctiveTokens(item).length > 0)) : lists;
      if (judged.length === 0) return;
      // A soft line break is a space to a reader, and an aside in parentheses holds no item:
      // either would cut the translation's list short and make it look as if items were dropped.
      const readable = pair.translations
        .filter((t) => t.kind !== "code" && t.kind !== "image" && t.kind !== "table")
        .map((t) => proseOf(t, segmentText(document, t)).text.replace(/\s+/g, " ").replace(/\s*\([^()]*\)/g, ""))
        .join("\n");
      // Translations run longer: "a primer" may become "a general overview of the subject".
      const kept = findEnumerations(readable, { language: document.targetLanguage, strict: false, maxItemWords: options.maxItemWords * 2 })
        .map((e) => e.items.length)
        .sort((a, b) => b - a);
      judged.forEach((list, index) => {
        const written = list.items.filter((item) => keptAsWritten(item, translation.text));
        const keptCount = Math.max(kept[index] ?? 0, written.length);
        if (keptCount > Math.floor(list.items.length / 2)) return;
        const others = list.items.filter((item) => !written.includes(item));
        const missing = others.slice(Math.max(0, keptCount - written.length));
        if (missing.length === 0) return;
        reportEnumeration(pair, list, missing, keptCount, source.offsets);
      });
    }

    function reportEnumeration(pair: Pair, list: Enumeration, missing: Item[], kept: number, offsets: number[]) {
      const data = {
        count: list.items.length,
        kept,
        missing: missing.map((m) => `'${m.text}'`).join(", "),
        translationLine: lineOf(pair.translations[0]),
        sourceLine: document.sourceLines.position(offsets[list.items[0].start] ?? pair.sources[0].start).line,
      };
      let range: Pick<Report, "side" | "start" | "end">;
      if (parallel) {
        range = { side: "translation", ...firstLineRange(pair.translations[0]) };
      } else {
        const start = offsets[missing[0].start] ?? pair.sources[0].start;
        const end = (offsets[missing[missing.length - 1].end - 1] ?? start) + 1;
        range = { side: "source", start, end: Math.max(start + 1, end) };
      }
      report({ messageId: "enumeration", data, ...range });
    }

    /** How much longer the translation's text runs than the source's, over the whole document. */
    function lengthRatio(): number {
      if (ratio !== undefined) return ratio;
      let source = 0;
      let translated = 0;
      // One-to-one pairs only: a merged pair is what the ratio serves to judge.
      for (const pair of matchedPairs(document)) {
        if (pair.sources.length !== 1 || pair.translations.length !== 1) continue;
        source += featuresOf(pair.sources[0]).length;
        translated += featuresOf(pair.translations[0]).length;
      }
      ratio = source < 200 || translated === 0 ? 1 : Math.min(3, Math.max(0.3, translated / source));
      return ratio;
    }
  },
});
