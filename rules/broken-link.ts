import * as z from "zod";
import type { Nodes } from "mdast";
import { normalizeUrl } from "../src/pair/features.js";
import { linksOf, maskedText } from "../src/text/links.js";
import { defineRule, segmentText } from "../src/core/rule.js";
import { visitNodes } from "../src/parse/tree.js";
import type { LinkInfo, Pair, Report, Segment } from "../src/core/types.js";

/**
 * Link syntax that will not render as a link: `[text] (url)`, `text](url)`, `[text]url)`,
 * `[text](url` , an empty target, a target that is not a URL, an undefined reference.
 *
 * A fix is certain only where the repair has one reading: the space between `]` and `(` goes,
 * a `(` goes between `]` and a URL that a `)` already closes, and a lost `[` comes back when the
 * paired source has a link with the same label and URL. A `)` is never invented: where the link
 * ends is a guess (a URL broken by a space or a line break would be closed after its first
 * piece), so a missing `)` gets a suggestion only when the source links to exactly that URL.
 */

/** Something a link can point to: a URL, a path, an anchor. */
const TARGET = String.raw`(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:|\/|\.\.?\/|#)[^\s()]*`;

const SPACE_BEFORE_PAREN = new RegExp(String.raw`\[([^\[\]\n]+)\]([ \t]+)\((${TARGET})\)`, "gi");
const MISSING_OPEN_BRACKET = new RegExp(String.raw`\]\((${TARGET})\)`, "gi");
/** `[label]` then something that may be a URL (checked in `check`): a lost `(`. */
const MISSING_OPEN_PAREN = /\[([^[\]\n]+)\]([^\s()[\]<>]+)(\)?)/g;
const MISSING_CLOSE_PAREN = new RegExp(String.raw`\[([^\[\]\n]+)\]\((${TARGET})(?=\s|$)`, "gi");
/** `[label(url)`: a lost `]`. The label holds no brackets or parentheses, and no blank comes before the `(`. */
const MISSING_CLOSE_BRACKET = new RegExp(String.raw`\[([^\[\]()\n]*[^\s\[\]()])\((${TARGET})\)(?!\])`, "gi");
/**
 * A web URL, or a path or anchor written as one (`/docs/x`, `../x.html`, `#usage`): what a lost `(`
 * may leave after `]`. A site path needs a second `/`: `[en]/pt` is prose.
 */
const WRITTEN_TARGET = new RegExp(String.raw`^(?:https?:\/\/|www\.|\.\.?\/|#[\p{L}\p{N}_]|\/[\p{L}\p{N}_][^/]*\/)`, "iu");
/** Punctuation that ends a sentence after a URL, Latin or CJK: not part of the URL. */
const TRAILING_PUNCTUATION = /[.,;:!?。，；：！？、]+$/u;
const UNDEFINED_REFERENCE = /\[([^[\]\n]+)\]\[([^[\]\n]*)\]/g;
/** Site-generator templating (Hugo shortcodes and params, Liquid, Jinja): filled in before the Markdown renders. */
const TEMPLATE = /\{\{[^{}\n]*\}\}|\{%[^{}\n]*%\}/g;

/** Templating becomes opaque non-blank text, so a URL built with it reads as one word. */
function hideTemplates(text: string): string {
  return text.replace(TEMPLATE, (t) => "x".repeat(t.length));
}

function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, " ").toLowerCase();
}

function definedLabels(nodes: Nodes[]): Set<string> {
  const labels = new Set<string>();
  visitNodes(nodes, (node) => void (node.type === "definition" && labels.add(normalizeLabel(node.label ?? node.identifier))));
  return labels;
}

/** A URL with a scheme, or something a site resolves: a path, an anchor, a query, a file name. */
const PLAUSIBLE_TARGET = /^(?:[a-z][a-z0-9+.-]*:|[\p{L}\p{N}_./#?~%&=+@$!*'-])/iu;

/** A host name a browser could reach: letters, digits, dots and hyphens, with a dot or `localhost`. */
function isReachableHttpUrl(url: string): boolean {
  if (!PLAUSIBLE_TARGET.test(url)) return false;
  const match = url.match(/^https?:\/\/([^/?#]*)/i);
  if (!match) return true;
  const host = match[1].replace(/^[^@]*@/, "").replace(/:\d+$/, "");
  if (host === "localhost" || /^\[[0-9a-f:]+\]$/i.test(host)) return true;
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+\.?$/i.test(host) && !/^[\d.]+$/.test(host.replace(/\.$/, "")) || /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
}

/**
 * Where the line holding an offset starts and whether a `[` is left open on it before the offset.
 * Asked for offsets in increasing order, it reads the text once: a paragraph of many lone `](…)`
 * would otherwise be read back to its start for each.
 */
function bracketTracker(text: string): { before(offset: number): { lineStart: number; open: boolean } } {
  let at = 0;
  let lineStart = 0;
  let lastOpen = -1;
  let lastClose = -1;
  return {
    before(offset) {
      for (; at < offset; at++) {
        const c = text[at];
        if (c === "\n") lineStart = at + 1;
        else if (c === "[") lastOpen = at;
        else if (c === "]") lastClose = at;
      }
      return { lineStart, open: lastOpen >= lineStart && lastOpen > lastClose };
    },
  };
}

const WORD_CHAR = /[\p{L}\p{N}_.-]/u;

/** Length of the word (letters, digits, `_.-`) that ends at `end`, not reaching back before `from`. */
function wordBefore(text: string, end: number, from: number): number {
  let at = end;
  while (at > from) {
    const low = text.charCodeAt(at - 1);
    const width = low >= 0xdc00 && low <= 0xdfff && at - 2 >= from ? 2 : 1;
    if (!WORD_CHAR.test(text.slice(at - width, at))) break;
    at -= width;
  }
  return end - at;
}

/** The paired source's link with the same URL, to quote it and to restore the translation from it. */
function sourceLinkFor(pair: Pair | undefined, url: string, text: string): LinkInfo | undefined {
  if (!pair) return undefined;
  const wanted = normalizeUrl(url);
  for (const source of pair.sources) {
    for (const link of linksOf(source, text)) if (normalizeUrl(link.url) === wanted) return link;
  }
  return undefined;
}

export default defineRule({
  id: "broken-link",
  description: "Link syntax that will not render as a link, on either side of a pair.",
  severity: "error",
  fixable: true,
  schema: z.object({}).strict(),
  messages: {
    spaceBeforeParen: "Link will not render: space between ']' and '(' in '{{found}}'.{{source}}",
    missingOpenBracket: "Link will not render: ']({{url}})' has no opening '['.{{source}}",
    missingOpenParen: "Link will not render: '[{{label}}]' is followed by '{{url}}' without '('.{{source}}",
    missingCloseParen: "Link will not render: '[{{label}}]({{url}}' has no closing ')'.{{source}}",
    missingCloseBracket: "Link will not render: '[{{label}}({{url}})' has no ']' before '('.{{source}}",
    emptyTarget: "Link '[{{label}}]()' has an empty target.",
    notAUrl: "Link target '{{url}}' is not a URL or path a browser can open.",
    undefinedReference: "Reference link '[{{label}}][{{ref}}]' uses a label that is never defined.",
  },
  examples: {
    valid: [
      {
        title: "An inline link written whole, in a Spanish post that keeps its English source in a comment.",
        code: "<!-- Read the [setup guide](https://example.org/setup). -->\nLee la [guía de instalación](https://example.org/setup).\n",
      },
      {
        title: "A reference link whose label is defined, in a German file beside its English source.",
        source: "See the [reference][ref].\n\n[ref]: https://example.org/ref\n",
        code: "Siehe die [Referenz][ref].\n\n[ref]: https://example.org/ref\n",
      },
    ],
    invalid: [
      {
        title: "A space between `]` and `(` (Portuguese): the fix removes it.",
        code: "<!-- Read the [setup guide](https://example.org/setup). -->\nLeia o [guia de instalação] (https://example.org/setup).\n",
        messages: [
          "Link will not render: space between ']' and '(' in '[guia de instalação] (https://example.org/setup)'. The source has '[setup guide](https://example.org/setup)'.",
        ],
        output: "<!-- Read the [setup guide](https://example.org/setup). -->\nLeia o [guia de instalação](https://example.org/setup).\n",
      },
      {
        title: "A lost `[` (French): the source links the same words to the same URL, so the fix puts it back.",
        code: "<!-- Install [Node.js](https://nodejs.org) first. -->\nInstallez d'abord Node.js](https://nodejs.org).\n",
        messages: ["Link will not render: '](https://nodejs.org)' has no opening '['. The source has '[Node.js](https://nodejs.org)'."],
        output: "<!-- Install [Node.js](https://nodejs.org) first. -->\nInstallez d'abord [Node.js](https://nodejs.org).\n",
      },
      {
        title: "A missing `)` (Japanese): where the link ends is a guess, so it is reported without a fix.",
        code: "<!-- See [the docs](https://example.org/docs). -->\n[ドキュメント](https://example.org/docs を参照してください。\n",
        messages: ["Link will not render: '[ドキュメント](https://example.org/docs' has no closing ')'. The source has '[the docs](https://example.org/docs)'."],
      },
      {
        title: "A reference whose label is defined nowhere, and a link with an empty target (Chinese).",
        code: "请阅读[指南][guide]，或者查看[示例]()。\n",
        messages: ["Reference link '[指南][guide]' uses a label that is never defined.", "Link '[示例]()' has an empty target."],
      },
    ],
  },
  check({ document, report }) {
    const pairOf = new Map<Segment, Pair>();
    for (const pair of document.pairs) for (const t of pair.translations) pairOf.set(t, pair);
    const definitions = {
      source: definedLabels(document.mode === "parallel" ? [] : [document.root]),
      translation: definedLabels([document.root]),
    };

    for (const segment of document.segments) {
      const text = segmentText(document, segment);
      const pair = segment.side === "translation" ? pairOf.get(segment) : undefined;
      const quote = (url: string) => {
        const link = sourceLinkFor(pair, url, document.sourceText);
        return link ? ` The source has '${document.sourceText.slice(link.start, link.end)}'.` : "";
      };
      const emit = (r: Omit<Report, "side">) => report({ ...r, side: segment.side });
      /** Closing the link after `url` is offered, never applied, and only when the source links to that very URL. */
      const closingSuggestion = (url: string, urlAt: number, opening: "" | "("): Pick<Report, "suggestions"> =>
        sourceLinkFor(pair, url, document.sourceText)
          ? { suggestions: [{ desc: `Close the link after '${url}', as the source does.`, fix: { range: [urlAt, urlAt + url.length], text: `${opening}${url})` } }] }
          : {};

      for (const link of linksOf(segment, text)) {
        if (link.form === "bare" || link.form === "reference" || /\{\{|\{%/.test(link.url)) continue;
        if (!link.image && link.form === "inline" && link.url.trim() === "") {
          emit({ messageId: "emptyTarget", data: { label: link.label }, start: link.start, end: link.end });
        } else if (!isReachableHttpUrl(link.url)) {
          const at = text.indexOf(link.url, link.start);
          const start = at >= 0 && at < link.end ? at : link.start;
          emit({ messageId: "notAUrl", data: { url: link.url }, start, end: at >= 0 && at < link.end ? at + link.url.length : link.end });
        }
      }

      const masked = hideTemplates(maskedText(segment, text));
      const base = segment.start;

      for (const m of masked.matchAll(SPACE_BEFORE_PAREN)) {
        const start = base + m.index;
        const spaceAt = start + 1 + m[1].length + 1;
        emit({
          messageId: "spaceBeforeParen",
          data: { found: text.slice(start, start + m[0].length), source: quote(m[3]) },
          start,
          end: start + m[0].length,
          fix: { range: [spaceAt, spaceAt + m[2].length], text: "" },
        });
      }

      const brackets = bracketTracker(masked);
      for (const m of masked.matchAll(MISSING_OPEN_BRACKET)) {
        const close = m.index;
        // A '[' still open before it (on the same line) means this is not a lone ']'.
        const { lineStart, open } = brackets.before(close);
        if (open) continue;
        const url = m[1];
        const start = base + close;
        const sourceLink = sourceLinkFor(pair, url, document.sourceText);
        let fix: Report["fix"];
        let reportStart = start;
        if (sourceLink && sourceLink.label && masked.startsWith(sourceLink.label, close - sourceLink.label.length)) {
          const labelStart = base + close - sourceLink.label.length;
          fix = { range: [labelStart, labelStart], text: "[" };
          reportStart = labelStart;
        } else {
          reportStart = start - wordBefore(masked, close, lineStart);
        }
        emit({
          messageId: "missingOpenBracket",
          data: { url, source: quote(url) },
          start: reportStart,
          end: start + m[0].length,
          ...(fix ? { fix } : {}),
        });
      }

      for (const m of masked.matchAll(MISSING_OPEN_PAREN)) {
        // A path or anchor is a target only where it is written as one, or where the source links there.
        if (!WRITTEN_TARGET.test(m[2]) && !sourceLinkFor(pair, m[2], document.sourceText)) continue;
        const start = base + m.index;
        const afterLabel = start + 1 + m[1].length + 1;
        const opening = { range: [afterLabel, afterLabel] as [number, number], text: "(" };
        const label = text.slice(start + 1, afterLabel - 1);
        const found = { messageId: "missingOpenParen", data: { label, url: m[2], source: quote(m[2]) }, start, end: start + m[0].length };
        if (m[3] === ")") emit({ ...found, fix: opening });
        else emit({ ...found, ...closingSuggestion(m[2], afterLabel, "(") });
      }

      for (const m of masked.matchAll(MISSING_CLOSE_PAREN)) {
        const start = base + m.index;
        let url = m[2];
        const trailing = url.match(TRAILING_PUNCTUATION);
        if (trailing) url = url.slice(0, -trailing[0].length);
        const at = start + m[0].length - (trailing ? trailing[0].length : 0);
        emit({
          messageId: "missingCloseParen",
          data: { label: text.slice(start + 1, start + 1 + m[1].length), url, source: quote(url) },
          start,
          end: start + m[0].length,
          ...closingSuggestion(url, at - url.length, ""),
        });
      }

      for (const m of masked.matchAll(MISSING_CLOSE_BRACKET)) {
        const start = base + m.index;
        const labelEnd = start + 1 + m[1].length;
        const url = m[2];
        // The `]` has one place, before the `(`; it is put back when the source links to that very URL.
        const sourceLink = sourceLinkFor(pair, url, document.sourceText);
        emit({
          messageId: "missingCloseBracket",
          data: { label: text.slice(start + 1, labelEnd), url, source: quote(url) },
          start,
          end: start + m[0].length,
          ...(sourceLink ? { fix: { range: [labelEnd, labelEnd] as [number, number], text: "]" } } : {}),
        });
      }

      for (const m of masked.matchAll(UNDEFINED_REFERENCE)) {
        const ref = m[2] === "" ? m[1] : m[2];
        if (definitions[segment.side].has(normalizeLabel(ref)) || ref.startsWith("^")) continue;
        const start = base + m.index;
        emit({ messageId: "undefinedReference", data: { label: m[1], ref: m[2] }, start, end: start + m[0].length });
      }
    }
  },
});
