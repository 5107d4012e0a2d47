import type { Nodes, Root } from "mdast";
import type { LineIndex } from "./lines.js";
import type { Grammar } from "../parse/parse.js";

/** Which text of a bilingual pair a segment or finding belongs to. */
export type Side = "source" | "translation";

export type Severity = "off" | "warn" | "error";

/** A replacement of `text[range[0]..range[1])`, offsets into the linted text (BOM removed). */
export interface TextEdit {
  range: [number, number];
  text: string;
}

export type SegmentKind =
  | "paragraph"
  | "heading"
  | "listItem"
  | "code"
  | "table"
  | "image"
  | "blockquote"
  | "html"
  /** A block of markup only: a Hugo shortcode, a JSX/MDX component or expression, HTML tags. Structure, not prose. */
  | "markup"
  | "other";

/** A link as it is written, with offsets into the text its segment lives in. */
export interface LinkInfo {
  url: string;
  /** The link's visible text (plain). */
  label: string;
  start: number;
  end: number;
  /** `inline` is `[a](b)`, `reference` is `[a][b]`, `angle` is `<https://…>`, `bare` a GFM autolink literal. */
  form: "inline" | "reference" | "angle" | "bare";
  image: boolean;
  /** For a reference, its label as written (`` `cargo outdated` ``, not the plain text shown). */
  reference?: string;
}

/**
 * One unit of content: a paragraph, heading, list item, code block… of one side.
 * Source segments of an inline post come from the inside of an HTML comment.
 */
export interface Segment {
  id: number;
  side: Side;
  kind: SegmentKind;
  /** Offsets of the segment's content (leading `\\` spacer lines and comment markers excluded). */
  start: number;
  end: number;
  /** `text.slice(start, end)` of the document the segment lives in. */
  raw: string;
  /** mdast nodes of the segment, positions mapped to the document. */
  nodes: Nodes[];
  /** For a source segment from a comment: the comment's offsets, `<!--` to `-->` inclusive. */
  comment?: { start: number; end: number };
  /** Heading depth, for headings. */
  depth?: number;
  /** Nesting depth for list items (0 = top level). */
  listDepth?: number;
}

/** Source segments and the translation segments that render them; either side may be empty. */
export interface Pair {
  sources: Segment[];
  translations: Segment[];
}

/** What the pipeline knows about one document, handed read-only to every rule. */
export interface LintDocument {
  /** The text linted, without a BOM. */
  text: string;
  filePath?: string;
  lines: LineIndex;
  root: Root;
  frontMatter: Record<string, unknown> | null;
  /** Languages in use, as lower-case BCP 47 tags when known (`pt-br`, `en`). */
  sourceLanguage?: string;
  targetLanguage?: string;
  /** Where the target language was found; "text" when it was recognised from the translation's prose. */
  targetLanguageFrom?: "options" | "front matter" | "path" | "text";
  /** In parallel mode, the source file's text; in inline mode the same as `text`. */
  sourceText: string;
  sourceLines: LineIndex;
  sourceFilePath?: string;
  /** The grammar the source file was read with (parallel mode), for a module that parses it again. */
  sourceGrammar?: Grammar;
  mode: "inline" | "parallel" | "monolingual";
  /**
   * An inline bilingual post whose source also exists as its own file (`LintOptions.source`):
   * that file's text and segments (offsets into `text` here), built only when a rule that
   * `uses` "sourceFile" runs, to compare the English kept in comments with today's.
   */
  sourceFile?: { text: string; filePath?: string; lines: LineIndex; segments: Segment[] };
  segments: Segment[];
  pairs: Pair[];
  /** Offsets where block quotes or lists nested too deeply for the parser: deeper markers were read as text. */
  nestingCuts?: number[];
  /** Where a file was not valid in its grammar (MDX) and was read as Markdown instead. */
  grammarProblems?: Array<{ side: Side; offset: number; reason: string }>;
}

export interface Suggestion {
  desc: string;
  fix: TextEdit;
}

/** What a rule reports; the engine adds the rule id, severity and positions. */
export interface Report {
  messageId: string;
  data?: Record<string, string | number>;
  side: Side;
  start: number;
  end: number;
  fix?: TextEdit | TextEdit[];
  suggestions?: Suggestion[];
  /** A marker that a fix of this rule writes on purpose, asking a person to review what it changed: --fix keeps the fix that brings it. */
  reviewMarker?: boolean;
  /** `warn`: this finding is milder than its rule's severity (worth a reviewer's look, breaks nothing). A report never raises it. */
  severity?: "warn";
}

/** A finding, ready for a formatter. Lines and columns are 1-based; columns count UTF-16 code units. */
export interface Finding {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  messageId?: string;
  side: Side;
  /** The file the position is in, when it is not the linted file (parallel mode, source side). */
  filePath?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Offsets into the file's text as given to `lint` (BOM removed). */
  start: number;
  end: number;
  fix?: { range: [number, number]; text: string };
  suggestions?: Suggestion[];
  /** Set on a finding about a review marker a fix of the same rule wrote (see `Report.reviewMarker`). */
  reviewMarker?: boolean;
  /** Set for internal errors (a rule that threw) so callers can exit 2. */
  fatal?: boolean;
  /** An internal error's stack trace: printed with --debug, never formatted (see `takeStackTraces`). */
  stack?: string;
}
