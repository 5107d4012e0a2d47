import type { Code, InlineCode } from "mdast";
import * as z from "zod";
import { proseOf } from "../../src/text/prose.js";
import { defineRule, matchedPairs, segmentText } from "../../src/core/rule.js";
import { segmentFirstLine } from "../../src/core/report-range.js";
import { visitNodes } from "../../src/parse/tree.js";
import type { LintDocument, Pair, Segment } from "../../src/core/types.js";
import { NOTE_MARK } from "../../src/pair/segments.js";
import { codeLines, codeWithoutComments, holdsCode, spanWithoutStrings, withoutSpacing } from "./code-text.js";

/** A code block or span of one side, with what a translation must keep of it. */
interface CodePiece {
  segment: Segment;
  node: Code | InlineCode;
  /** Its code as compared: comments out, spacing evened, lines that held no code left out. */
  lines: string[];
  /** For a block, the compared form of each line it is written on, empty where there is no code. */
  written?: string[];
  key: string;
  /** How it is written, for messages. */
  shown: string;
}

/** The code spans and code blocks a segment holds (a list item may hold a block), in order. */
function codeNodes(segment: Segment): Array<Code | InlineCode> {
  const found: Array<Code | InlineCode> = [];
  visitNodes(segment.nodes, (node) => {
    if (node.type === "code" || node.type === "inlineCode") found.push(node);
  });
  return found;
}

interface Options {
  compareComments: boolean;
  compareStrings: boolean;
}

function pieceOf(segment: Segment, node: Code | InlineCode, options: Options): CodePiece {
  if (node.type === "inlineCode") {
    const written = options.compareStrings ? node.value : spanWithoutStrings(node.value);
    const key = withoutSpacing(written);
    return { segment, node, lines: [key], key, shown: node.value.replace(/\s+/g, " ").trim() };
  }
  const code = codeWithoutComments(node.value, node.lang, { ignoreStrings: !options.compareStrings, keepComments: options.compareComments });
  const written = codeLines(code);
  const lines = written.filter((l) => l.length > 0);
  return { segment, node, lines, written, key: lines.join("\n"), shown: lines.join("\n") };
}

function piecesOf(segments: Segment[], type: "code" | "inlineCode", options: Options, side: "source" | "translation" = "translation"): CodePiece[] {
  // A source block of plain text is still a counterpart a translation's block may copy.
  const compared = (n: Code | InlineCode) => n.type === type && (n.type === "inlineCode" || side === "source" || holdsCode(n.lang));
  return segments.flatMap((s) => codeNodes(s).filter(compared).map((n) => pieceOf(s, n, options)));
}

/** Takes out of both lists the pieces the other side has too (a multiset: order does not matter). */
function withoutShared(sources: CodePiece[], translations: CodePiece[]): { sources: CodePiece[]; translations: CodePiece[] } {
  // A block written exactly as the source's is the same code whatever its fence says (```js or ```).
  const written = (p: CodePiece) => withoutSpacing(p.node.value);
  const sameText = new Map<string, number>();
  for (const s of sources) sameText.set(written(s), (sameText.get(written(s)) ?? 0) + 1);
  const copied = new Set(translations.filter((t) => {
    const n = sameText.get(written(t)) ?? 0;
    if (n > 0) sameText.set(written(t), n - 1);
    return n > 0;
  }));
  if (copied.size > 0) {
    const kept = translations.filter((t) => !copied.has(t));
    const taken = new Set<CodePiece>();
    for (const t of copied) {
      const s = sources.find((x) => !taken.has(x) && written(x) === written(t));
      if (s) taken.add(s);
    }
    return withoutShared(sources.filter((s) => !taken.has(s)), kept);
  }
  const left = new Map<string, number>();
  for (const s of sources) left.set(s.key, (left.get(s.key) ?? 0) + 1);
  const unmatchedTranslations = translations.filter((t) => {
    const n = left.get(t.key) ?? 0;
    if (n > 0) left.set(t.key, n - 1);
    return n === 0;
  });
  const kept = new Map(left);
  const unmatchedSources = sources.filter((s) => {
    const n = kept.get(s.key) ?? 0;
    if (n > 0) kept.set(s.key, n - 1);
    return n > 0;
  });
  return { sources: unmatchedSources, translations: unmatchedTranslations };
}

const LATIN_WORD_CHARACTER = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{N}_]/u;

/** Letters and digits only, lower-cased: how a term is matched against prose. */
const bare = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

/** Pairs either side of a pair whose spans still count as its own: alignment may split a sentence or a list differently. */
const NEIGHBOURS = 2;

/**
 * The code spans of a pair that one side has and the other lacks. Spans are compared as sets, and
 * with the spans of the pairs around: a language that repeats a name where English says "it"
 * writes the span twice, or names what the sentence before named. A span whose text the other side
 * writes as plain words is a term set in code type or out of it (a kept English term marked as
 * code), not code that changed; so is a source span glued to the letters of a word (`impl`ementing).
 * A translator's note (`（訳注：…）`) adds what it likes.
 */
function differingSpans(document: LintDocument, index: number, options: Options): { sources: CodePiece[]; translations: CodePiece[] } {
  const pair = document.pairs[index];
  const around = document.pairs.slice(Math.max(0, index - NEIGHBOURS), index + NEIGHBOURS + 1);
  const sources = piecesOf(pair.sources, "inlineCode", options);
  const translations = piecesOf(pair.translations, "inlineCode", options).filter((t) => !inTranslatorNote(document, t));
  const nearbySources = piecesOf(around.flatMap((p) => p.sources), "inlineCode", options);
  const nearbyTranslations = piecesOf(around.flatMap((p) => p.translations), "inlineCode", options);
  const words = (segments: Segment[]) => ` ${bare(segments.map((s) => proseOf(s, segmentText(document, s), { skipCode: true }).text).join(" "))} `;
  const sourceWords = words(pair.sources);
  const translationWords = words(pair.translations);
  // Spans around count when written the same; a span written with more or less around it only in the pair itself.
  // Around, a bare name (`num`) held in a longer span (`num[i]`) says nothing; an expression does.
  const kept = (piece: CodePiece, own: CodePiece[], nearby: CodePiece[], prose: string) =>
    inWords(piece.key, prose) ||
    own.some((o) => sameCodeWritten(piece.key, o.key) || sameCodeWritten(piece.shown, o.shown)) ||
    nearby.some((o) => o.key === piece.key || (!IDENTIFIER.test(piece.key) && !IDENTIFIER.test(o.key) && sameCodeWritten(piece.key, o.key)));
  const droppedSources = unique(sources.filter((s) => !gluedToWord(document.sourceText, s) && !kept(s, translations, nearbyTranslations, translationWords)));
  const addedTranslations = unique(translations.filter((t) => !kept(t, sources, nearbySources, sourceWords)));
  return withoutTranslatedTerms(...withoutTranslatedPhrases(droppedSources, addedTranslations), translationWords);
}

/** Words (and numbers) and spaces only, once strings are out: a phrase when there are two words or more. */
const PHRASE = /^(?=.*\p{L}{2})[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)+$/u;
const isPhrase = (piece: CodePiece) => PHRASE.test(spanWithoutStrings(piece.shown).replace(/""/g, " ").replace(/\s+/g, " ").trim());

/**
 * A phrase the source sets in code type (`event callback`, `Schedule "a" log`, a label a sample
 * shows) is words, which a translation translates; an identifier has no spaces. Each such source
 * span takes one translated phrase with it.
 */
function withoutTranslatedPhrases(sources: CodePiece[], translations: CodePiece[]): [CodePiece[], CodePiece[]] {
  const phrases = sources.filter(isPhrase);
  let left = phrases.length;
  return [sources.filter((s) => !phrases.includes(s)), translations.filter((t) => !(left > 0 && isPhrase(t) && left-- > 0))];
}

/** Words and nothing else, in lower case (`traits`, `assembly template`): in code type, a term, not an identifier. */
const PLAIN_WORDS = /^[a-z]+(?: [a-z]+)*$/;
/** Letters of a script other than Latin, and no code punctuation: a term written in the translation's own script. */
const OTHER_SCRIPT_ONLY = /^[^\p{Script=Latin}\p{N}\p{P}\p{S}]+$/u;
const OTHER_SCRIPT = /[^\P{L}\p{Script=Latin}]/u;

/**
 * Spans that are a term translated into a language written in another script: the source sets
 * plain words in code type (`closures`, `command not found`) and the Japanese or Chinese writes
 * the term in its own script, in code type (`クロージャ`) or not. An identifier's shape (`OurErrorType`,
 * `use_state`, `fmt::Result`) is code, and stays reported.
 */
function withoutTranslatedTerms(sources: CodePiece[], translations: CodePiece[], translationWords: string): { sources: CodePiece[]; translations: CodePiece[] } {
  if (!OTHER_SCRIPT.test(translationWords)) return { sources, translations };
  const code = sources.filter((s) => !PLAIN_WORDS.test(s.key));
  // Words of the translation's script in code type are words, unless they stand where an identifier was.
  let renderedIdentifiers = code.length;
  return { sources: code, translations: translations.filter((t) => !OTHER_SCRIPT_ONLY.test(t.key) || renderedIdentifiers-- > 0) };
}

/**
 * Whether a term occurs in prose as words of its own. Chinese and Japanese write no spaces: a
 * Latin term ends where the Latin letters end (`enumは`).
 */
function inWords(key: string, prose: string): boolean {
  // An identifier the other side writes as words: `TracerProvider` is "tracer provider".
  const words = key.replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2");
  return inProse(bare(key), prose) || (words !== key && inProse(bare(words), prose));
}

function inProse(term: string, prose: string): boolean {
  if (term.length === 0) return false;
  for (let at = prose.indexOf(term); at >= 0; at = prose.indexOf(term, at + 1)) {
    // English writes a term's plural in prose (`slice` in code, "slices" in words).
    const end = at + term.length + (prose.slice(at + term.length).match(/^(?:es|s)(?![\p{L}\p{N}])/u)?.[0].length ?? 0);
    if (!LATIN_WORD_CHARACTER.test(prose[at - 1] ?? " ") && !LATIN_WORD_CHARACTER.test(prose[end] ?? " ")) return true;
  }
  return false;
}

/** A span written as part of a word (`impl`ementing, `Box`ing): the word is what is translated. */
function gluedToWord(text: string, piece: CodePiece): boolean {
  const start = offsetOf(piece.node);
  const end = piece.node.position?.end.offset ?? start;
  return LATIN_LETTER.test(text[start - 1] ?? " ") || LATIN_LETTER.test(text[end] ?? " ");
}

const LATIN_LETTER = /\p{Script=Latin}/u;
/** A bare name: letters, digits and underscores. */
const IDENTIFIER = /^[\p{L}\p{N}_]+$/u;

/** Whether a translation's span sits in a translator's note in parentheses: `（訳注：…）`, `(N. do T.: …)`. */
function inTranslatorNote(document: LintDocument, piece: CodePiece): boolean {
  const before = document.text.slice(piece.segment.start, offsetOf(piece.node));
  const open = Math.max(before.lastIndexOf("("), before.lastIndexOf("（"));
  if (open < 0) return false;
  const inside = before.slice(open);
  return !/[)）]/.test(inside) && NOTE_MARK.test(inside);
}

/** A capitalised name of letters only (`Exporter`, `TracerProvider`): a type, which English makes plural. */
const TYPE_NAME = /^\p{Lu}\p{L}*$/u;

const IDENTIFIER_CHARACTER = /[\p{L}\p{N}_]/u;

/**
 * Whether one span holds the other whole, at identifier boundaries: `spawn` and `spawn()`,
 * `#[macro_use]` and `#[macro_use] extern crate`, `6` and `6, 12, 18` name the same code, written
 * with more or less around it (a translator may merge or split spans); `check` in `checks` does not.
 */
function sameCodeWritten(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length === 0 || !IDENTIFIER_CHARACTER.test(short)) return false;
  for (let at = long.indexOf(short); at >= 0; at = long.indexOf(short, at + 1)) {
    const before = long[at - 1] ?? " ";
    // A type's English plural is the same name (`Exporter`, `Exporters`); `strict_check` is not `strict_checks`.
    const rest = long.slice(at + short.length);
    const after = (TYPE_NAME.test(short) ? rest.replace(/^e?s(?![\p{L}\p{N}_])/u, "") : rest)[0] ?? " ";
    // A name continues only across letters: `Deref<Target=str>` ends at its `>` even where spacing
    // was taken out (`impl Deref<Target=str>for String`), while `check` inside `checks` does not end.
    const opensName = IDENTIFIER_CHARACTER.test(short[0]);
    const closesName = IDENTIFIER_CHARACTER.test(short[short.length - 1]);
    if (!(opensName && IDENTIFIER_CHARACTER.test(before)) && !(closesName && IDENTIFIER_CHARACTER.test(after))) return true;
  }
  return false;
}

/** The first piece of each key. */
function unique(pieces: CodePiece[]): CodePiece[] {
  const seen = new Set<string>();
  return pieces.filter((p) => !seen.has(p.key) && seen.add(p.key));
}

/** Share of lines two blocks have in common: above one half they are one block, changed. */
function likeness(a: CodePiece, b: CodePiece): number {
  const other = new Set(b.lines);
  const shared = a.lines.filter((l) => other.has(l)).length;
  return shared / Math.max(a.lines.length, b.lines.length, 1);
}

const SAME_BLOCK = 0.5;

const offsetOf = (node: Code | InlineCode) => node.position?.start.offset ?? 0;

export default defineRule({
  id: "code-mismatch",
  description:
    "An inline code span or a code block's code differs between a translation and its source: changed or added (a dropped block is missing-item's). Comments, strings and JSX text in code may be translated. Off by default: read right on rust-ja, react and tauri, but below 95% on opentelemetry (program output, localized example paths), and loud where a translation lags its source.",
  severity: "error",
  enabledByDefault: false,
  fixable: false,
  schema: z
    .object({
      /** Count comments in code blocks as code; by default a translator may translate them. */
      compareComments: z.boolean().default(false),
      /** Count what strings in code blocks hold as code; by default a sample's messages may be translated. */
      compareStrings: z.boolean().default(false),
    })
    .strict(),
  examples: {
    valid: [
      { title: "A code span kept as it is (Spanish).", code: "<!-- Install it with `npm install nl-lint`. -->\nInstálalo con `npm install nl-lint`.\n" },
      {
        title: "A code block whose comment is translated (Chinese, parallel files): only the code is compared.",
        code: "# Guide\n\n```py\n# 计算总数\ntotal = sum(items)\n```\n",
        source: "# Guide\n\n```py\n# compute the total\ntotal = sum(items)\n```\n",
      },
    ],
    invalid: [
      {
        title: "An identifier translated inside a code span (Brazilian Portuguese).",
        code: "<!-- Call `useState` at the top of the component. -->\nChame `usarEstado` no topo do componente.\n",
        messages: ["Code `usarEstado` is not in the source (line 1), which has `useState` here."],
      },
      {
        title: "A code span dropped (German).",
        code: "<!-- Set `timeout` to `30`. -->\nStellen Sie die Wartezeit auf `30`.\n",
        messages: ["Code `timeout` of the source (line 1) is missing from the translation."],
      },
    ],
  },
  messages: {
    spanChanged: "Code `{{translated}}` is not in the source (line {{sourceLine}}), which has `{{source}}` here.",
    spanAdded: "Code `{{translated}}` is not in the source (line {{sourceLine}}).",
    spanDropped: "Code `{{source}}` of the source (line {{sourceLine}}) is missing from the translation.",
    blockChanged: "Code block differs from its source (line {{sourceLine}}): `{{translated}}` is not in it.",
    blockLacks: "Code block lacks `{{source}}` of its source (line {{sourceLine}}).",
    blockAdded: "Code block has no counterpart in the source.",
  },
  check({ document, options, report }) {
    const sourceLine = (piece: CodePiece) => document.sourceLines.position(offsetOf(piece.node)).line;
    const at = (piece: CodePiece) => {
      const start = offsetOf(piece.node);
      return { side: "translation" as const, start, end: piece.node.position?.end.offset ?? start + 1 };
    };

    document.pairs.forEach((pair, index) => {
      if (pair.sources.length === 0 || pair.translations.length === 0) return;
      const { sources, translations } = differingSpans(document, index, options);
      translations.forEach((t, i) => {
        const s = sources[i];
        if (s) report({ messageId: "spanChanged", data: { translated: t.shown, source: s.shown, sourceLine: sourceLine(s) }, ...at(t) });
        else report({ messageId: "spanAdded", data: { translated: t.shown, sourceLine: document.sourceLines.position(pair.sources[0].start).line }, ...at(t) });
      });
      for (const s of sources.slice(translations.length)) report({ messageId: "spanDropped", data: { source: s.shown, sourceLine: sourceLine(s) }, ...segmentFirstLine(document, pair.translations[0]) });
    });

    const reportBlocks = (sourcePieces: CodePiece[], translationPieces: CodePiece[], whole: boolean) => {
      const unmatched = withoutShared(sourcePieces, translationPieces);
      const sourceKeys = new Set(sourcePieces.map((p) => p.key));
      const sources = [...unmatched.sources];
      for (const t of unmatched.translations) {
        const candidates = sources.filter((s) => s.node.type === "code" && holdsCode(s.node.lang));
        const best = candidates.map((s) => ({ s, score: likeness(t, s) })).sort((a, b) => b.score - a.score)[0];
        if (best && best.score >= SAME_BLOCK) {
          sources.splice(sources.indexOf(best.s), 1);
          const translated = new Set(t.lines);
          const missing = best.s.lines.find((l) => !translated.has(l));
          const { index, ...where } = differingLine(document, t, new Set(best.s.lines));
          // Every line of the translation's block is in the source's: the source has a line more.
          if (index < 0 && missing !== undefined) {
            const lacking = best.s.written!.indexOf(missing);
            const line = document.sourceLines.lineText((best.s.node.position?.start.line ?? 1) + 1 + lacking).trim();
            report({ messageId: "blockLacks", data: { source: line, sourceLine: sourceLine(best.s) + 1 + lacking }, ...where });
          } else if (index >= 0) {
            // (Lines the same but in another order or number: too unsure to say where.)
            report({ messageId: "blockChanged", data: { translated: document.text.slice(where.start, where.end), sourceLine: sourceLine(best.s) }, ...where });
          }
        } else if (whole && !sourceKeys.has(t.key)) {
          // A block the source has, written twice (once in each of two tabs), is no new code.
          report({ messageId: "blockAdded", ...segmentFirstLine(document, t.segment) });
        }
      }
    };

    if (document.mode === "parallel") {
      const all = (side: "source" | "translation") => document.segments.filter((s) => s.side === side);
      reportBlocks(piecesOf(all("source"), "code", options, "source"), piecesOf(all("translation"), "code", options), true);
    } else {
      // An inline post often writes a code block once, outside the comments: only blocks both sides hold are compared.
      for (const pair of matchedPairs(document)) reportBlocks(piecesOf(pair.sources, "code", options, "source"), piecesOf(pair.translations, "code", options), false);
    }
  },
});

/** The first line of a block whose code its source lacks (`index` -1 when there is none), as offsets into the translation. */
function differingLine(document: LintDocument, piece: CodePiece, sourceLines: Set<string>): { side: "translation"; start: number; end: number; index: number } {
  const written = piece.written ?? [];
  const index = written.findIndex((l) => l.length > 0 && !sourceLines.has(l));
  // The code's first line is the one after the opening fence; without a differing line, the block's first line of code.
  const line = (piece.node.position?.start.line ?? 1) + 1 + (index >= 0 ? index : Math.max(0, written.findIndex((l) => l.length > 0)));
  const lineStart = document.lines.starts[line - 1] ?? offsetOf(piece.node);
  const text = document.lines.lineText(line);
  const indent = text.length - text.trimStart().length;
  return { side: "translation", start: lineStart + indent, end: lineStart + text.trimEnd().length, index };
}
