import type { Nodes } from "mdast";
import { hasFunctionWords, identifyLanguage, wordsOf } from "../../text/language-id.js";
import { primaryLanguage } from "../../text/language.js";
import { plainText } from "../../parse/tree.js";
import type { LintDocument, Pair, Segment } from "../../core/types.js";

/** How much of a source a translation renders: counts of source blocks. */
export interface Coverage {
  /** Source blocks with content to translate (markup-only blocks, such as a lone component tag, left out). */
  sourceBlocks: number;
  /** Source blocks a translation block renders in the target language (or that cannot be told apart, such as code). */
  translated: number;
  /** Source blocks whose translation block is still in the source language; 0 when the languages are unknown. */
  sourceLanguage: number;
  /** Source blocks nothing in the translation renders. */
  missing: number;
  /** False when the target language is unknown or the same as the source's: `sourceLanguage` was not judged. */
  languageJudged: boolean;
}

const PROSE = new Set<Segment["kind"]>(["paragraph", "listItem", "blockquote", "heading", "other"]);

/** JSX tags and MDX expressions (`{/*id*\/}`) that a Markdown parser leaves as text. */
const MARKUP_AS_TEXT = /<\/?[A-Za-z][^<>]*>|\{[^{}\n]*(?:\{[^{}\n]*\}[^{}\n]*)*\}/g;

/** The words a reader reads: code, URLs and HTML left out, link labels kept. */
function proseText(nodes: Nodes[]): string {
  return plainText(nodes, { code: false, imageAlt: false, separator: " " }).replace(MARKUP_AS_TEXT, " ").replace(/(?:https?:\/\/|www\.)\S+/gi, " ");
}

function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/**
 * Whether a pair's translation is still in the source language: prose that reads as the source
 * language, or a copy of its source with sentences in it. Leans towards "no": headings, names and
 * short lines stay as they are in many good translations.
 */
function inSourceLanguage(pair: Pair, languages: { source: string; target: string }): boolean {
  const translations = pair.translations.filter((t) => PROSE.has(t.kind));
  if (translations.length === 0) return false;
  const heading = translations.every((t) => t.kind === "heading");
  const text = proseText(translations.flatMap((t) => t.nodes));
  const evidence = identifyLanguage(text, languages);
  if (evidence.verdict === "target") return false;
  const identical = comparable(text) !== "" && comparable(text) === comparable(proseText(pair.sources.flatMap((s) => s.nodes)));
  const phrase = evidence.sourceHits > 0 || !hasFunctionWords(languages.source);
  if (identical && phrase && wordsOf(text).length >= (heading ? 2 : 3)) return true;
  return !heading && evidence.verdict === "source" && evidence.words >= 6;
}


/** Counts a translation's source blocks by how the translation renders them. */
export function coverage(document: LintDocument): Coverage {
  const source = document.sourceLanguage ?? "en";
  const target = document.targetLanguage;
  const languageJudged = target !== undefined && primaryLanguage(target) !== primaryLanguage(source);
  const result: Coverage = { sourceBlocks: 0, translated: 0, sourceLanguage: 0, missing: 0, languageJudged };
  for (const pair of document.pairs) {
    const blocks = pair.sources.filter((s) => s.kind !== "markup").length;
    if (blocks === 0) continue;
    result.sourceBlocks += blocks;
    if (pair.translations.length === 0) result.missing += blocks;
    else if (languageJudged && inSourceLanguage(pair, { source, target: target! })) result.sourceLanguage += blocks;
    else result.translated += blocks;
  }
  return result;
}
