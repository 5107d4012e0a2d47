import { detectLanguage, normalizeLanguage } from "./language.js";
import { LineIndex } from "./lines.js";
import { align, inlineProximity, type Proximity } from "./pair.js";
import { parseMarkdown, readFrontMatter } from "./parse.js";
import { hasInlineSources, segmentDocument } from "./segments.js";
import type { LintDocument, Pair, Segment } from "./types.js";

export interface DocumentOptions {
  filePath?: string;
  /** The source file of a parallel translation; without it, sources are looked for in comments. */
  source?: { text: string; filePath?: string };
  sourceLanguage?: string;
  targetLanguage?: string;
}

/** Relative position in each file: parallel files keep their order, not their offsets. */
function parallelProximity(sources: Segment[], translations: Segment[]): Proximity {
  const sIndex = new Map(sources.map((s, i) => [s, i / Math.max(1, sources.length - 1)]));
  const tIndex = new Map(translations.map((t, i) => [t, i / Math.max(1, translations.length - 1)]));
  return (s, t) => {
    const distance = Math.abs(sIndex.get(s[0])! - tIndex.get(t[0])!);
    return Math.max(0, 1 - distance * 8);
  };
}

/** Parses a text (and its source file, in parallel mode), splits it into segments and pairs them. */
export function buildDocument(text: string, options: DocumentOptions = {}): LintDocument {
  const lines = new LineIndex(text);
  const root = parseMarkdown(text);
  const frontMatter = readFrontMatter(root);
  const targetLanguage = options.targetLanguage
    ? normalizeLanguage(options.targetLanguage)
    : detectLanguage({ frontMatter, filePath: options.filePath });
  const sourceLanguage = options.sourceLanguage ? normalizeLanguage(options.sourceLanguage) : "en";

  if (options.source) {
    const sourceText = options.source.text;
    const sourceLines = new LineIndex(sourceText);
    const sourceRoot = parseMarkdown(sourceText);
    const sources = segmentDocument({ text: sourceText, lines: sourceLines, root: sourceRoot, side: "source", commentsAreSources: false });
    const translations = segmentDocument({ text, lines, root, side: "translation", commentsAreSources: false });
    sources.forEach((s, i) => (s.id = i));
    translations.forEach((t, i) => (t.id = sources.length + i));
    return {
      text, filePath: options.filePath, lines, root, frontMatter, sourceLanguage, targetLanguage,
      sourceText, sourceLines, sourceFilePath: options.source.filePath, mode: "parallel",
      segments: [...sources, ...translations],
      pairs: align(sources, translations, { proximity: parallelProximity(sources, translations) }),
    };
  }

  const inline = hasInlineSources(root, text);
  const segments = segmentDocument({ text, lines, root, side: "translation", commentsAreSources: inline });
  const sources = segments.filter((s) => s.side === "source");
  const translations = segments.filter((s) => s.side === "translation");
  const pairs = inline
    ? align(sources, translations, { proximity: inlineProximity(segments) })
    : translations.map((t) => ({ sources: [], translations: [t] }));
  // Both sides share one file: list pairs in the order a reader meets them.
  const firstOffset = (p: Pair) => Math.min(...p.sources.map((s) => s.start), ...p.translations.map((t) => t.start));
  pairs.sort((a, b) => firstOffset(a) - firstOffset(b));
  return {
    text, filePath: options.filePath, lines, root, frontMatter, sourceLanguage, targetLanguage,
    sourceText: text, sourceLines: lines, mode: inline ? "inline" : "monolingual", segments, pairs,
  };
}
