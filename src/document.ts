import { languageOfText } from "./language-id.js";
import { locateLanguage, normalizeLanguage, type LanguageOrigin } from "./language.js";
import { LineIndex } from "./lines.js";
import { align, inlineBand, inlineProximity } from "./pair.js";
import { isInlineBilingual, parallelParts } from "./parallel.js";
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

/** Parses a text (and its source file, in parallel mode), splits it into segments and pairs them. */
/** A front-matter key `detectLanguage` reads (`lang`, `locale`, `language`), possibly quoted. */
const LANGUAGE_KEY = /(?:^|[\s{,])["']?(?:lang|locale|language)["']?\s*:/m;

/** Enough prose to tell a language by; more only costs time. */
const SAMPLE_CHARACTERS = 4000;

/**
 * The language of a translation that nothing names, read from its prose (not its code, HTML or
 * sources): a project that never says its language still gets its dictionary and its checks.
 */
function languageOfTranslation(segments: Segment[], text: string): { targetLanguage?: string; targetLanguageFrom?: LanguageOrigin } {
  let sample = "";
  for (const segment of segments) {
    if (segment.side !== "translation" || segment.kind === "code" || segment.kind === "html") continue;
    sample += `${text.slice(segment.start, segment.end)}\n`;
    if (sample.length >= SAMPLE_CHARACTERS) break;
  }
  const tag = languageOfText(sample);
  return tag ? { targetLanguage: tag, targetLanguageFrom: "text" } : {};
}

export function buildDocument(text: string, options: DocumentOptions = {}): LintDocument {
  const lines = new LineIndex(text);
  const nestingCuts: number[] = [];
  const root = parseMarkdown(text, nestingCuts);
  // YAML is read when asked for: most runs need only a language key, which most headers lack.
  let frontMatter: ReturnType<typeof readFrontMatter> | undefined;
  const frontMatterOf = () => (frontMatter === undefined ? (frontMatter = readFrontMatter(root)) : frontMatter);
  const header = root.children[0]?.type === "yaml" ? root.children[0].value : "";
  const named = options.targetLanguage
    ? { tag: normalizeLanguage(options.targetLanguage), from: "options" as const }
    : locateLanguage({ frontMatter: LANGUAGE_KEY.test(header) ? frontMatterOf() : null, filePath: options.filePath });
  const sourceLanguage = options.sourceLanguage ? normalizeLanguage(options.sourceLanguage) : "en";

  if (options.source && !isInlineBilingual(root, text)) {
    const parallel = parallelParts({ text, lines, root }, options.source.text);
    const { targetLanguage, targetLanguageFrom } = named ? { targetLanguage: named.tag, targetLanguageFrom: named.from } : languageOfTranslation(parallel.segments, text);
    return {
      text, filePath: options.filePath, lines, root, get frontMatter() { return frontMatterOf(); }, sourceLanguage, targetLanguage, targetLanguageFrom,
      ...parallel, sourceFilePath: options.source.filePath, mode: "parallel", nestingCuts,
    };
  }

  const inline = hasInlineSources(root, text);
  const segments = segmentDocument({ text, lines, root, side: "translation", commentsAreSources: inline, nestingCuts });
  const sources = segments.filter((s) => s.side === "source");
  const translations = segments.filter((s) => s.side === "translation");
  const pairs = inline
    ? align(sources, translations, { proximity: inlineProximity(segments), band: inlineBand(sources, translations, segments), oneText: true })
    : translations.map((t) => ({ sources: [], translations: [t] }));
  // Both sides share one file: list pairs in the order a reader meets them.
  const firstOffset = (p: Pair) => Math.min(...p.sources.map((s) => s.start), ...p.translations.map((t) => t.start));
  pairs.sort((a, b) => firstOffset(a) - firstOffset(b));
  const { targetLanguage, targetLanguageFrom } = named ? { targetLanguage: named.tag, targetLanguageFrom: named.from } : languageOfTranslation(segments, text);
  return {
    text, filePath: options.filePath, lines, root, get frontMatter() { return frontMatterOf(); }, sourceLanguage, targetLanguage, targetLanguageFrom,
    sourceText: text, sourceLines: lines, mode: inline ? "inline" : "monolingual", segments, pairs, nestingCuts,
  };
}
