import * as z from "zod";
import { hasNothingToClick, hasUnknownTarget, linksOf, maskedText, renderedLinks } from "../src/text/links.js";
import { correspondingLine, firstLineOf } from "../src/core/report-range.js";
import { defineRule, pairsWithFacingLeftovers, segmentText } from "../src/core/rule.js";
import type { LinkInfo, LintDocument, Segment } from "../src/core/types.js";

/** A citation mark in running text, `[16]`, not a link's label (`[16](…)`, `[16][…]`) or a definition. */
const CITATION = /\[(\d{1,3})\](?![([:])/g;
/** An entry of a numbered reference list: `[16] **Title:** [link](url)`. */
const ENTRY = /^\s*\\?\[(\d{1,3})\]\s/;

const ownText = (document: LintDocument, segment: Segment) => segmentText(document, segment).slice(segment.start, segment.end);

/**
 * The numbers of a translation's reference list, when it has one: some translators move each
 * paragraph's links to numbered entries at the end, and write `[16]` where the link was.
 */
function citedNumbers(document: LintDocument): Set<string> {
  const numbers = new Set<string>();
  for (const segment of document.segments) {
    if (segment.side !== "translation") continue;
    const entry = ownText(document, segment).match(ENTRY);
    // An entry may give its address bare: it still says where the mark leads.
    if (entry && linksOf(segment, document.text).some((l) => !l.image)) numbers.add(entry[1]);
  }
  // A list, not one paragraph that happens to start with a number in brackets.
  return numbers.size >= 3 ? numbers : new Set();
}

/** What a link is matched on across languages: its URL, or for a reference the label it uses. */
function linkKey(link: LinkInfo, text: string): string {
  if (link.url) return link.url;
  const written = text.slice(link.start, link.end).match(/\]\[([^\]]+)\]$/);
  return (written ? written[1] : link.label).trim().toLowerCase();
}

/** The first of `links` that `others` has no link for (by URL or reference label), else the first beyond their count. */
function unmatched(links: LinkInfo[], others: LinkInfo[], text: string, otherText: string): LinkInfo | undefined {
  const keys = new Set(others.map((l) => linkKey(l, otherText)));
  return links.find((l) => !keys.has(linkKey(l, text))) ?? links[others.length];
}

/**
 * Whether the two sides link to as many places, and differ only in how often they link to one
 * (`[improve](u) [summarization](u)` translated with one link to `u`): a link merged, none lost.
 */
function onlyRepeatsDiffer(document: LintDocument, sourceLinks: LinkInfo[], translationLinks: LinkInfo[], citations: number): boolean {
  const places = (links: LinkInfo[], text: string) => new Set(links.map((l) => linkKey(l, text))).size;
  return places(sourceLinks, document.sourceText) === places(translationLinks, document.text) + citations;
}

/**
 * A pair whose translation renders a different number of links than its source: a link was
 * dropped, broken, or added. A citation mark `[n]` whose entry in the translation's numbered
 * reference list holds a link counts as that link.
 */
export default defineRule({
  id: "link-count",
  description: "A translation renders a different number of links than its source.",
  severity: "error",
  fixable: false,
  schema: z.object({}).strict(),
  messages: {
    mismatch: "Translation renders {{translated}} {{translatedNoun}}; its source (line {{sourceLine}}) renders {{source}}.",
  },
  examples: {
    valid: [
      {
        title: "Both links kept, in a French post with its English source in a comment.",
        code: "<!-- Read [the paper](https://example.org/paper) and [the code](https://example.org/code). -->\nLisez [l'article](https://example.org/paper) et [le code](https://example.org/code).\n",
      },
      {
        title: "A Japanese file beside its English source: one link on each side, its label translated.",
        source: "# Setup\n\nFollow [the install guide](/docs/install/) first.\n",
        code: "# セットアップ\n\nまず[インストールガイド](/docs/install/)に従ってください。\n",
      },
    ],
    invalid: [
      {
        title: "A link dropped in the Portuguese translation.",
        code: "<!-- Read [the paper](https://example.org/paper) and [the code](https://example.org/code). -->\nLeia [o artigo](https://example.org/paper) e o código.\n",
        messages: ["Translation renders 1 link; its source (line 1) renders 2."],
      },
      {
        title: "A link the German translation adds, in parallel files.",
        source: "Ask questions in the forum.\n",
        code: "Stellen Sie Fragen im [Forum](https://example.org/forum) oder im [Chat](https://example.org/chat).\n",
        messages: ["Translation renders 2 links; its source (line 1) renders 0."],
      },
    ],
  },
  check({ document, report }) {
    const cited = citedNumbers(document);
    /**
     * A source reference defined nowhere that the translation writes out as plain text (a range
     * `[0, 9]`) was bracketed text in the original too, not a link whose definition was relabelled.
     */
    const keptAsText = (link: LinkInfo, translations: Segment[]) =>
      hasUnknownTarget(link) && translations.some((t) => maskedText(t, document.text).includes(document.sourceText.slice(link.start, link.end)));
    /** A translation link that gives a label to a source link with nothing to click (`[](url)`) repairs it, adds nothing. */
    const repairs = (link: LinkInfo, sources: Segment[], sourceLinks: LinkInfo[]) =>
      !sourceLinks.some((l) => l.url === link.url) &&
      sources.some((s) => linksOf(s, document.sourceText).some((l) => hasNothingToClick(l) && l.url === link.url));
    const citations = (t: Segment) => (cited.size === 0 ? 0 : [...ownText(document, t).matchAll(CITATION)].filter((m) => cited.has(m[1])).length);
    for (const pair of pairsWithFacingLeftovers(document)) {
      const sourceLinks = pair.sources.flatMap((s) => renderedLinks(s, document.sourceText)).filter((l) => !keptAsText(l, pair.translations));
      const translationLinks = pair.translations.flatMap((t) => renderedLinks(t, document.text)).filter((l) => !repairs(l, pair.sources, sourceLinks));
      const source = sourceLinks.length;
      const translated = translationLinks.length + pair.translations.reduce((n, t) => n + citations(t), 0);
      if (source === translated || onlyRepeatsDiffer(document, sourceLinks, translationLinks, translated - translationLinks.length)) continue;
      const first = pair.translations[0];
      const last = pair.translations[pair.translations.length - 1];
      // Point at the link that differs, not at the paragraph's first line: a wrapped paragraph is long.
      const dropped = translated < source ? unmatched(sourceLinks, translationLinks, document.sourceText, document.text) : undefined;
      const added = translated > source ? unmatched(translationLinks, sourceLinks, document.text, document.sourceText) : undefined;
      const droppedFrom = dropped && pair.sources.find((s) => s.start <= dropped.start && dropped.start < s.end);
      report({
        messageId: "mismatch",
        data: {
          translated,
          translatedNoun: translated === 1 ? "link" : "links",
          source,
          sourceLine: document.sourceLines.position(dropped?.start ?? pair.sources[0].start).line,
        },
        side: "translation",
        // An added link is underlined; a dropped one is looked for on the line where its source line falls.
        ...(added
          ? { start: added.start, end: added.end }
          : droppedFrom
            ? correspondingLine(document, pair, droppedFrom, dropped.start)
            : firstLineOf(document.lines, { start: first.start, end: last.end })),
      });
    }
  },
});
