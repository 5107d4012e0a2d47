import { languageOfText } from "../text/language-id.js";
import { locateLanguage, normalizeLanguage, type LanguageOrigin } from "../text/language.js";
import { LineIndex } from "./lines.js";
import { align, inlineBand, inlineProximity } from "../pair/align.js";
import { isInlineBilingual, parallelParts, sourceFileSegments } from "../pair/parallel.js";
import type { Definition, Root } from "mdast";
import { definitionLines, grammarFor, parseDocument, parseMarkdown, readFrontMatter, type GrammarChoice } from "../parse/parse.js";
import { definitionsOf, hasInlineSources, isTranslatorNoteSegment, segmentDocument } from "../pair/segments.js";
import type { LintDocument, Pair, Segment } from "./types.js";

export interface DocumentOptions extends Omit<GrammarChoice, "filePath"> {
  filePath?: string;
  /** The source file of a parallel translation; without it, sources are looked for in comments. */
  source?: { text: string; filePath?: string };
  /** For an inline post with a `source`: segment that file too, as `document.sourceFile`. */
  segmentSourceFile?: boolean;
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
  const choice = { mdx: options.mdx, directives: options.directives };
  const parsed = parseDocument(text, grammarFor({ ...choice, filePath: options.filePath }), nestingCuts);
  let root = parsed.root;
  const grammarProblems: NonNullable<LintDocument["grammarProblems"]> = parsed.problem ? [{ ...parsed.problem, side: "translation" }] : [];
  // YAML is read when asked for: most runs need only a language key, which most headers lack.
  let frontMatter: ReturnType<typeof readFrontMatter> | undefined;
  const frontMatterOf = () => (frontMatter === undefined ? (frontMatter = readFrontMatter(root)) : frontMatter);
  const header = root.children[0]?.type === "yaml" ? root.children[0].value : "";
  const named = options.targetLanguage
    ? { tag: normalizeLanguage(options.targetLanguage), from: "options" as const }
    : locateLanguage({ frontMatter: LANGUAGE_KEY.test(header) ? frontMatterOf() : null, filePath: options.filePath });
  const sourceLanguage = options.sourceLanguage ? normalizeLanguage(options.sourceLanguage) : "en";

  if (options.source && !isInlineBilingual(root, text)) {
    // The source is read with its own grammar: `en/x.mdx` may be translated as `fr/x.md`.
    const sourceGrammar = grammarFor({ ...choice, filePath: options.source.filePath ?? options.filePath });
    const { problem, ...parallel } = parallelParts({ text, lines, root }, options.source.text, sourceGrammar);
    if (problem) grammarProblems.push({ ...problem, side: "source" });
    const { targetLanguage, targetLanguageFrom } = named ? { targetLanguage: named.tag, targetLanguageFrom: named.from } : languageOfTranslation(parallel.segments, text);
    return {
      text, filePath: options.filePath, lines, root, get frontMatter() { return frontMatterOf(); }, sourceLanguage, targetLanguage, targetLanguageFrom,
      ...parallel, sourceFilePath: options.source.filePath, sourceGrammar, mode: "parallel", nestingCuts, grammarProblems,
    };
  }

  const inline = hasInlineSources(root, text);
  // A comment in the target language is a translator's note; when nothing names the language, the
  // segmenter falls back on the comment's script (see `segmentDocument`).
  const languages = { source: sourceLanguage, target: named?.tag };
  const commentDefinitions: Definition[] = [];
  let segments = segmentDocument({ text, lines, root, side: "translation", commentsAreSources: inline, nestingCuts, languages, commentDefinitions });
  const missing = definitionsOnlyInComments(root, commentDefinitions);
  if (missing.length > 0) {
    // The translation may use a label the source defines inside its comment: read it again with those in view.
    root = parseMarkdown(text, undefined, parsed.grammar, definitionLines(missing));
    segments = segmentDocument({ text, lines, root, side: "translation", commentsAreSources: inline, languages });
  }
  // A translator's note in a block quote translates nothing: it is left out of pairing, not out of the page.
  const paired = segments.filter((s) => !isTranslatorNoteSegment(s));
  const sources = paired.filter((s) => s.side === "source");
  const translations = paired.filter((s) => s.side === "translation");
  const pairs = inline
    ? align(sources, translations, { proximity: inlineProximity(paired, text), band: inlineBand(sources, translations, paired), oneText: true })
    : translations.map((t) => ({ sources: [], translations: [t] }));
  // Every segment is in one pair: a note stands alone, as any translation without a source does.
  for (const note of segments.filter(isTranslatorNoteSegment)) pairs.push({ sources: [], translations: [note] });
  // Both sides share one file: list pairs in the order a reader meets them.
  const firstOffset = (p: Pair) => Math.min(...p.sources.map((s) => s.start), ...p.translations.map((t) => t.start));
  pairs.sort((a, b) => firstOffset(a) - firstOffset(b));
  const { targetLanguage, targetLanguageFrom } = named ? { targetLanguage: named.tag, targetLanguageFrom: named.from } : languageOfTranslation(segments, text);
  return {
    text, filePath: options.filePath, lines, root, get frontMatter() { return frontMatterOf(); }, sourceLanguage, targetLanguage, targetLanguageFrom,
    sourceText: text, sourceLines: lines, mode: inline ? "inline" : "monolingual", segments, pairs, nestingCuts, grammarProblems,
    ...(inline && options.source && options.segmentSourceFile ? { sourceFile: segmentedSourceFile(options.source, choice, options.filePath) } : {}),
  };
}

/** The source file of an inline post, read with its own grammar and split into segments. */
function segmentedSourceFile(source: { text: string; filePath?: string }, choice: Pick<GrammarChoice, "mdx" | "directives">, filePath: string | undefined): NonNullable<LintDocument["sourceFile"]> {
  const { lines, segments } = sourceFileSegments(source.text, grammarFor({ ...choice, filePath: source.filePath ?? filePath }));
  return { text: source.text, ...(source.filePath ? { filePath: source.filePath } : {}), lines, segments };
}

/** Definitions written only inside comments: labels the document itself does not define. */
function definitionsOnlyInComments(root: Root, inComments: Definition[]): Definition[] {
  if (inComments.length === 0) return [];
  const defined = new Set(definitionsOf(root).map((d) => d.identifier));
  return inComments.filter((d) => !defined.has(d.identifier));
}
