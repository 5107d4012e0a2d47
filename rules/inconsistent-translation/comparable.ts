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

/** A parenthesised aside, in Latin or full-width brackets, with the space before it. */
const PARENTHESISED = /\s*[(（][^()（）]*[)）]/gu;

/**
 * The translation without the asides its source does not have: a translator who glosses a term
 * with its English or a reading (`コンテキスト伝搬（プロパゲーション）`, `Limite de erro (Error Boundary)`)
 * renders it as one who does not; a reader does not wonder whether the two name different things.
 * Asides the source has (`Using Observable (Async) Counters`) are translated text and stay.
 */
export function withoutGlosses(source: string, translation: string): string {
  return /[(（]/u.test(source) ? translation : translation.replace(PARENTHESISED, "");
}

/** Quotes of every typographic kind, read as the plain ones they stand for. */
const DOUBLE_QUOTES = /[“”„‟«»「」『』＂]/g;
const SINGLE_QUOTES = /[‘’‚‛‹›＇`]/g;
/**
 * Chinese and Japanese write no spaces between words; a space beside a Latin word (`HTTP サーバー`,
 * `HTTPサーバー`) is a typographic habit that varies by translator, not a different rendering.
 */
const SPACE_BY_CJK = /(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー])\s+|\s+(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー])/gu;
/**
 * A heading's own number (`4、`, `2.1 `, `3) `): it says where the heading stands in its page, which
 * differs from page to page, and translators add it where the source has none.
 */
const LEADING_NUMBER = /^\d+(?:\.\d+)*(?:[、.)．）]\s*|\s+)/u;
/** Punctuation a title may or may not end with, in Latin and CJK typography. */
const TRAILING = /[\s.:;!?,…。．：；！？、]+$/u;

/**
 * The form two texts are compared in: Unicode-compatible forms folded (full-width letters, ligatures),
 * case folded, quotes made plain, spacing collapsed (and dropped beside Chinese and Japanese) and
 * a heading's leading number and trailing punctuation dropped, so that `Getting started:` and `getting  Started` are one source,
 * and `“Olá”` and `"olá"` one rendering.
 */
export function comparableText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(DOUBLE_QUOTES, '"')
    .replace(SINGLE_QUOTES, "'")
    .replace(/\s+/g, " ")
    .replace(SPACE_BY_CJK, "")
    .replace(TRAILING, "")
    .trim()
    .replace(LEADING_NUMBER, "");
}
