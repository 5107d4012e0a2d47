import type * as z from "zod";
import type { LintDocument, Pair, Report, Segment, Severity } from "./types.js";
import { plainText } from "../parse/tree.js";

/** What a rule's `check` is handed: the document, its options, and a way to report. */
export interface RuleContext<Options> {
  document: LintDocument;
  options: Options;
  /** Shared, read-only services the caller provides (dictionaries, word lists, files that exist). */
  settings: LintSettings;
  report(report: Report): void;
}

/** A word checker for one language, loaded by the caller: the core does no I/O. */
export interface Speller {
  correct(word: string): boolean;
  /** Dictionary words the word is likely a slip of (see `isLikelySlip`), best first. */
  suggest?(word: string): string[];
}

export interface LintSettings {
  /**
   * The speller for a lower-case language tag (`pt-br`, `fr`), or undefined when there is no
   * dictionary for it. Called lazily, so a dictionary is only loaded for a language in use.
   */
  speller?: (language: string) => Speller | undefined;
  /** Words the project accepts in any language. */
  words?: string[];
  /** Known misspellings and their corrections. */
  corrections?: Record<string, string>;
  /** URL prefixes a translation may rewrite: source prefix → accepted translation prefixes. */
  urlLocalizations?: Array<{ source: string; translation: string }>;
  /**
   * How each translation's source changed since the translation was made, keyed by the
   * translation's `filePath`; found by the caller (git history, stamps) for `stale-translation`.
   */
  sourceDrift?: Record<string, SourceDrift>;
  /** The files a run can see, for checking where relative links lead; without it those checks are off. */
  files?: FileView;
  /** Terms and their allowed translations, for `glossary`; resolved from the configuration and its glossary file. */
  glossary?: Glossary;
}

/**
 * Source term → language tag (`pt-BR`, `pt`, or `*` for every language) → the forms a translation
 * may render it with. A term whose only form is itself is kept untranslated.
 */
export type Glossary = Record<string, Record<string, string[]>>;

/**
 * A read-only view of the files around the linted ones, built once per run by the caller so that
 * rules can check link destinations without touching the file system. Paths are absolute, with `/`.
 */
export interface FileView {
  /** Whether a file or folder exists; undefined when the path lies outside what the view covers. */
  exists(path: string): boolean | undefined;
  /** The names in a folder, folders ending in `/`; undefined when it is not a folder the view covers. */
  entries(folder: string): readonly string[] | undefined;
  /** The anchors a Markdown file defines; undefined when it is not a Markdown file the view can read. */
  anchors(path: string): PageAnchors | undefined;
}

/** The anchors a page defines, lower-cased. */
export interface PageAnchors {
  ids: ReadonlySet<string>;
  /** False when the page may get anchors its text does not show: templating, includes, or no heading at all (a fragment included elsewhere). */
  complete: boolean;
}

/** Source lines changed since a translation was made, in the source as it is now. */
export interface SourceDrift {
  /** 1-based, inclusive line ranges of the source that are new or changed. */
  changedLines: Array<[number, number]>;
  /** Source lines after which text was removed (0: before the first line). */
  removedAfter: number[];
  /** What the source was compared with, for messages: "since commit 1a2b3c4". */
  since: string;
}

export interface RuleMeta<Schema extends z.ZodType> {
  id: string;
  description: string;
  /** The severity when enabled. */
  severity: Exclude<Severity, "off">;
  /** False for a rule that only runs when the configuration, or --only, turns it on. */
  enabledByDefault?: boolean;
  fixable: boolean;
  schema: Schema;
  /** Message templates keyed by id; `{{name}}` is replaced by the report's data. */
  messages: Record<string, string>;
  /**
   * The services of `LintSettings` the rule reads that a run must load or compute before linting
   * (dictionaries, git history): the files engine pays for one only when a rule that uses it is on.
   * `sourceFile`: an inline post's source file, parsed into `document.sourceFile` only when a rule
   * that uses it runs.
   */
  uses?: Array<keyof LintSettings | "sourceFile">;
  /** Snippets that show what the rule accepts and reports; they run as tests and fill its docs page. */
  examples?: RuleExamples;
}

/**
 * One snippet of a rule's documentation. Inline layout by default: `code` is a whole file with
 * its source in comments. With `source`, `code` is a translation and `source` its parallel file.
 */
export interface RuleExample {
  /** What the snippet shows, in one sentence. */
  title: string;
  code: string;
  /** The translation's path, when the snippet depends on it (relative links, `.mdx`); absolute, with `/`. */
  filePath?: string;
  /** The source file of a parallel translation. */
  source?: string;
  /** The source file's path, for a parallel snippet whose links or messages name it. */
  sourcePath?: string;
  /** The rule's options, when not its defaults. */
  options?: unknown;
  /** The language of the translation, when the snippet needs one (typo, untranslated). */
  targetLanguage?: string;
  /** The services the snippet needs, as plain data. */
  settings?: ExampleSettings;
  /** The messages the snippet produces, in order; none for a valid snippet. */
  messages?: string[];
  /** The text after `--fix`, for a snippet whose finding is fixed. */
  output?: string;
  /** For a project rule: the other files of the run, linted with the snippet (their findings are not shown). */
  otherFiles?: Array<{ filePath: string; code: string }>;
}

/**
 * What an example needs of the services a run provides (`LintSettings`), written as plain data so
 * that a docs page can show it and a test can build the services from it.
 */
export interface ExampleSettings extends Pick<LintSettings, "words" | "corrections" | "urlLocalizations" | "glossary"> {
  /** Per lower-case language tag, every word its dictionary knows (a stand-in for Hunspell). */
  dictionaries?: Record<string, string[]>;
  /** The files the run can see, path → text: their folders exist, and Markdown files give anchors. */
  files?: Record<string, string>;
  /** How the snippet's source changed since the translation was made (its `settings.sourceDrift`). */
  drift?: SourceDrift;
}

export interface RuleExamples {
  valid: RuleExample[];
  invalid: RuleExample[];
}

export interface Rule<Schema extends z.ZodType = z.ZodType> extends RuleMeta<Schema> {
  check(context: RuleContext<z.infer<Schema>>): void;
}

/** Declares a rule; a helper so that option types are inferred from the schema. */
export function defineRule<Schema extends z.ZodType>(rule: Rule<Schema>): Rule<Schema> {
  return rule;
}

/** A rule's message for a report: its template with each `{{name}}` replaced by the report's data. */
export function messageOf(rule: Pick<RuleMeta<z.ZodType>, "messages">, messageId: string, data: Record<string, string | number> = {}): string {
  return (rule.messages[messageId] ?? messageId).replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}

/** Pairs that hold both a source and a translation. */
export function matchedPairs(document: LintDocument): Pair[] {
  return document.pairs.filter((p) => p.sources.length > 0 && p.translations.length > 0);
}

/**
 * Matched pairs, and with them each source block and translation block that alignment left
 * unpaired facing each other: the only unpaired block on each side between the same matched
 * neighbours, both of one kind and of lengths that fit the page's (`- [Java](/docs/java/)` and
 * `- Java`). What the two shared may be just what was lost (a link dropped or changed), so rules
 * that compare what blocks carry compare these too.
 */
export function pairsWithFacingLeftovers(document: LintDocument): Pair[] {
  let ratio: number | undefined;
  const out: Pair[] = [];
  let gap: Pair[] = [];
  const flush = () => {
    const sources = gap.flatMap((p) => p.sources);
    const translations = gap.flatMap((p) => p.translations);
    gap = [];
    if (sources.length !== 1 || translations.length !== 1 || sources[0].kind !== translations[0].kind) return;
    ratio ??= medianLengthRatio(matchedPairs(document));
    const r = (renderedLength(translations[0]) + 1) / ((renderedLength(sources[0]) + 1) * ratio);
    if (r <= FACING_LENGTH_FACTOR && r >= 1 / FACING_LENGTH_FACTOR) out.push({ sources, translations });
  };
  for (const pair of document.pairs) {
    if (pair.sources.length === 0 || pair.translations.length === 0) gap.push(pair);
    else {
      flush();
      out.push(pair);
    }
  }
  flush();
  return out;
}

/** Letters and digits a reader sees in a block: link labels, not their URLs. */
function renderedLength(segment: Segment): number {
  return plainText(segment.nodes).replace(/[^\p{L}\p{N}]+/gu, "").length;
}

/** A facing block this many times longer or shorter than the page's translations run is another passage. */
const FACING_LENGTH_FACTOR = 3;

/** Translation length / source length, the median over blocks matched one to one (1 when there are none). */
function medianLengthRatio(pairs: Pair[]): number {
  const ratios = pairs
    .filter((p) => p.sources.length === 1 && p.translations.length === 1 && p.sources[0].kind === "paragraph")
    .map((p) => [renderedLength(p.sources[0]), renderedLength(p.translations[0])])
    .filter(([source]) => source >= 20)
    .map(([source, translation]) => translation / source)
    .sort((a, b) => a - b);
  return ratios.length === 0 ? 1 : ratios[Math.floor(ratios.length / 2)];
}

/** The text a segment lives in: source segments of a parallel pair live in the source file. */
export function segmentText(document: LintDocument, segment: Segment): string {
  return segment.side === "source" ? document.sourceText : document.text;
}
