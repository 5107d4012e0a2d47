import { plainText } from "../../src/parse/tree.js";
import { explicitHeadingId, headingPlainText } from "../../src/text/anchors.js";
import type { Segment } from "../../src/core/types.js";

/**
 * The text a reader sees in a segment, on one line: markup and link targets left out, and for a
 * heading its explicit id (`{#start}`, `{/*start*\/}`) too, since sites show neither.
 */
export function readableText(segment: Segment, text: string): string {
  const seen = segment.kind === "heading" ? headingText(segment) : plainText(segment.nodes, { imageAlt: false, separator: " " });
  // A segment read from its nodes cannot differ from its text but by markup; the text is a fallback for nodes without any.
  return (seen || text).replace(/\s+/g, " ").trim();
}

/**
 * Outside MDX, `{/*id*\/}` is text and emphasis: its plain text is `{/id/}`, which the heading
 * helper does not know as an id. An id that the raw heading shows is dropped in either form.
 */
const COMMENT_ID_SHOWN = /\s*\{\/\*?[^{}]*?\*?\/\}\s*$/;

function headingText(segment: Segment): string {
  const shown = headingPlainText(segment.nodes);
  return explicitHeadingId(segment.raw)?.syntax === "comment" ? shown.replace(COMMENT_ID_SHOWN, "") : shown;
}

/** Quotes of every typographic kind, read as the plain ones they stand for. */
const DOUBLE_QUOTES = /[“”„‟«»「」『』＂]/g;
const SINGLE_QUOTES = /[‘’‚‛‹›＇`]/g;
/** Punctuation a title may or may not end with, in Latin and CJK typography. */
const TRAILING = /[\s.:;!?,…。．：；！？、]+$/u;

/**
 * The form two texts are compared in: Unicode-compatible forms folded (full-width letters, ligatures),
 * case folded, quotes made plain, spacing collapsed and trailing punctuation dropped, so that
 * `Getting started:` and `getting  Started` are one source, and `“Olá”` and `"olá"` one rendering.
 */
export function comparableText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(DOUBLE_QUOTES, '"')
    .replace(SINGLE_QUOTES, "'")
    .replace(/\s+/g, " ")
    .replace(TRAILING, "")
    .trim();
}
