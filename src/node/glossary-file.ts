import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { SaxesParser } from "saxes";
import type { Glossary } from "../core/rule.js";

/**
 * Reads a glossary file into the plain data `glossary` reads (`settings.glossary`):
 *
 * - CSV: one row a term and language, columns `term, language, allowed forms`; forms are separated
 *   by `|`, and several rows for one term and language add up. A first row `term,language,...` is a
 *   header. Lines starting with `#` are comments.
 * - TBX-lite: `<termEntry>` elements, each with `<langSet xml:lang="…">` holding `<tig><term>`
 *   (or `<ntig><termGrp><term>`). The langSet in the source language names the term; the others
 *   give its allowed forms in their languages.
 *
 * A file that cannot be used throws a `GlossaryFileError` with the line (0 for the whole file).
 */
/** Why a glossary file cannot be used, and on which line (0: the file as a whole). */
export class GlossaryFileError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
    this.name = "GlossaryFileError";
  }
}

export function readGlossaryFile(filePath: string, sourceLanguage = "en"): Glossary {
  let text: string;
  try {
    text = readFileSync(filePath, "utf8").replace(/^\uFEFF/, "");
  } catch (error) {
    throw new GlossaryFileError(0, `cannot read the glossary file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const extension = extname(filePath).toLowerCase();
  if (extension === ".csv") return glossaryFromCsv(text);
  if (extension === ".tbx" || extension === ".xml") return glossaryFromTbx(text, sourceLanguage);
  throw new GlossaryFileError(0, `a glossary file is .csv or .tbx, not ${extension || "a file without an extension"}`);
}

function problem(line: number, message: string): GlossaryFileError {
  return new GlossaryFileError(line, message);
}

function addForms(glossary: Glossary, term: string, language: string, forms: string[]): void {
  const byLanguage = (glossary[term] ??= {});
  const known = (byLanguage[language] ??= []);
  for (const form of forms) if (!known.includes(form)) known.push(form);
}

/** Adds a glossary's terms to another, a term's forms for a language adding up. */
export function mergeGlossary(into: Glossary, terms: Glossary): void {
  for (const [term, byLanguage] of Object.entries(terms)) {
    for (const [language, forms] of Object.entries(byLanguage)) addForms(into, term, language, forms);
  }
}

const LANGUAGE_TAG = /^(?:\*|[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)$/;

export function glossaryFromCsv(text: string): Glossary {
  let rows: Array<{ record: string[]; info: { lines: number } }>;
  try {
    rows = parseCsv(text, { info: true, trim: true, skip_empty_lines: true, comment: "#", comment_no_infix: true, relax_column_count: true }) as unknown as typeof rows;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    throw problem(line, `not valid CSV: ${(error as Error).message.replace(/^Invalid [^:]*:\s*/, "")}`);
  }
  const glossary: Glossary = {};
  rows.forEach(({ record, info }, index) => {
    if (index === 0 && /^term$/i.test(record[0] ?? "") && /^lang(?:uage)?$/i.test(record[1] ?? "")) return;
    const [term = "", language = "", forms = "", ...extra] = record;
    const line = info.lines;
    if (extra.some((cell) => cell !== "")) throw problem(line, `expected 3 columns (term, language, allowed forms separated by "|"), got ${record.length}`);
    if (!term) throw problem(line, "the term (first column) is empty");
    if (!LANGUAGE_TAG.test(language)) throw problem(line, `expected a language tag (pt-BR, es, *) in the second column, got ${JSON.stringify(language)}`);
    const allowed = forms.split("|").map((f) => f.trim()).filter(Boolean);
    if (allowed.length === 0) throw problem(line, `"${term}" (${language}) lists no allowed form in the third column`);
    addForms(glossary, term, language, allowed);
  });
  return glossary;
}

/** One `<termEntry>` as it is read: its terms per language, and where it starts. */
interface TermEntry {
  line: number;
  terms: Array<{ language: string; term: string; line: number }>;
}

export function glossaryFromTbx(text: string, sourceLanguage: string): Glossary {
  const entries = readTermEntries(text);
  const source = sourceLanguage.toLowerCase();
  const isSource = (language: string) => language === source || language.startsWith(`${source}-`) || source.startsWith(`${language}-`);
  const glossary: Glossary = {};
  for (const entry of entries) {
    const sourceTerms = entry.terms.filter((t) => isSource(t.language.toLowerCase()));
    if (sourceTerms.length === 0) throw problem(entry.line, `the termEntry has no langSet in the source language (${sourceLanguage}) to name its term`);
    for (const { term } of sourceTerms) {
      for (const target of entry.terms.filter((t) => !isSource(t.language.toLowerCase()))) addForms(glossary, term, target.language, [target.term]);
    }
  }
  return glossary;
}

/** The TBX subset, read with a streaming XML parser so that every problem has its line. */
function readTermEntries(text: string): TermEntry[] {
  const parser = new SaxesParser({ position: true });
  const entries: TermEntry[] = [];
  let entry: TermEntry | undefined;
  const languages: Array<string | undefined> = [];
  let term: { text: string; line: number } | undefined;
  parser.on("opentag", (tag) => {
    const lang = tag.attributes["xml:lang"] ?? tag.attributes["lang"];
    languages.push(typeof lang === "string" ? lang : languages[languages.length - 1]);
    if (tag.name === "termEntry" || tag.name === "conceptEntry") entry = { line: parser.line, terms: [] };
    if (tag.name === "term") term = { text: "", line: parser.line };
  });
  parser.on("text", (value) => {
    if (term) term.text += value;
  });
  parser.on("closetag", (tag) => {
    const language = languages.pop();
    if (tag.name === "term" && term) {
      if (!entry) throw problem(term.line, "a <term> outside any <termEntry>");
      if (!language) throw problem(term.line, "a <term> whose langSet has no xml:lang");
      const value = term.text.trim();
      if (!value) throw problem(term.line, "an empty <term>");
      entry.terms.push({ language, term: value, line: term.line });
      term = undefined;
    }
    if ((tag.name === "termEntry" || tag.name === "conceptEntry") && entry) {
      entries.push(entry);
      entry = undefined;
    }
  });
  parser.on("error", (error) => {
    throw problem(parser.line, `not well-formed XML: ${error.message.replace(/^[^:]*:\d+:\d+:\s*/, "")}`);
  });
  parser.write(text).close();
  return entries;
}
