/**
 * How a code block's language writes comments and strings, found by its fence's info string
 * (`ts`, `python title="x.py"`): what a translator may translate in a code sample is set apart
 * from the code itself.
 */
interface Syntax {
  /** Whether the language writes markup whose text is for readers (HTML, JSX): `<h1>Olá</h1>`. */
  markupText?: boolean;
  line: string[];
  block: Array<[string, string]>;
  /** Quote characters that open a string on one line; a backtick string may span lines. */
  quotes: string[];
}

const C_LIKE: Syntax = { line: ["//"], block: [["/*", "*/"]], quotes: ['"', "'", "`"] };
/** JavaScript and TypeScript, which may hold JSX. */
const JS: Syntax = { ...C_LIKE, markupText: true };
/** Rust and Go: `'a` is a lifetime or a rune, not a string. */
const C_NO_SINGLE: Syntax = { line: ["//"], block: [["/*", "*/"]], quotes: ['"', "`"] };
const HASH: Syntax = { line: ["#"], block: [], quotes: ['"', "'"] };
const SQL_LIKE: Syntax = { line: ["--"], block: [["/*", "*/"]], quotes: ['"', "'"] };
const MARKUP: Syntax = { line: [], block: [["<!--", "-->"]], quotes: ['"', "'"], markupText: true };
const MDX: Syntax = { line: [], block: [["<!--", "-->"], ["{/*", "*/}"]], quotes: [], markupText: true };
const CSS: Syntax = { line: [], block: [["/*", "*/"]], quotes: ['"', "'"] };
const SCSS: Syntax = { line: ["//"], block: [["/*", "*/"]], quotes: ['"', "'"] };
const INI: Syntax = { line: ["#", ";"], block: [], quotes: ['"'] };
/**
 * Text, output and unknown languages: output that quotes code (a compiler's error) carries its
 * `//` comments, translated like the code's; nothing else is set apart.
 */
const PLAIN: Syntax = { line: ["//"], block: [], quotes: [] };

const BY_LANGUAGE: Record<string, Syntax> = {};
const languages = (syntax: Syntax, names: string) => names.split(" ").forEach((n) => (BY_LANGUAGE[n] = syntax));
languages(JS, "js javascript jsx mjs cjs ts typescript tsx mts cts");
languages(C_LIKE, "java c h cpp c++ cc hpp cs csharp kotlin kt swift scala php dart groovy gradle json json5 jsonc objc objective-c zig solidity sol proto protobuf");
languages(C_NO_SINGLE, "rust rs go golang");
languages(HASH, "sh bash shell zsh fish python py python3 ruby rb yaml yml toml dockerfile docker makefile make perl pl r powershell ps1 ps nix cmake elixir ex exs graphql gql tcl properties env dotenv");
languages(SQL_LIKE, "sql psql mysql pgsql plsql lua haskell hs elm ada");
languages(MARKUP, "html htm xml svg xhtml vue svelte astro md markdown");
languages(MDX, "mdx");
languages(CSS, "css");
languages(SCSS, "scss less sass");
languages(INI, "ini conf cfg");

/** A fence's language: the first word of its info string (`js title="a.js"`, `rust,ignore`). */
const languageOf = (lang: string | null | undefined) => (lang ?? "").split(/[\s,{]/)[0].toLowerCase();

/** The syntax a fence's info string names. */
export function syntaxOf(lang: string | null | undefined): Syntax {
  return BY_LANGUAGE[languageOf(lang)] ?? PLAIN;
}

/**
 * Fences that name no language, plain text, or a diagram (whose labels are prose): what they
 * hold may be translated.
 */
const TEXT = new Set(["", "text", "txt", "plain", "plaintext", "mermaid", "plantuml", "puml", "dot", "graphviz"]);

/** Whether a block is code to compare: it names a language other than plain text. */
export function holdsCode(lang: string | null | undefined): boolean {
  return !TEXT.has(languageOf(lang));
}

export interface CodeTextOptions {
  /** Replace what strings hold with `""`, so a translated message in a sample is not a change. */
  ignoreStrings: boolean;
  /** Leave comments in, to compare them as code. */
  keepComments: boolean;
}

/** A comment marker only opens a comment at a word boundary: `$#`, `a#b` and `https://` are code. */
function opensLineComment(code: string, at: number, marker: string): boolean {
  if (!code.startsWith(marker, at)) return false;
  const before = at === 0 ? "\n" : code[at - 1];
  if (marker === "#" || marker === ";") return /\s/.test(before);
  if (marker === "//") return before !== ":";
  return true;
}

/**
 * The code of a block with its comments removed and, when asked, its strings emptied: what a
 * translation must keep as it is. A quote left open at the end of its line opens no string
 * (an apostrophe in JSX text, `don't`).
 */
export function codeWithoutComments(code: string, lang: string | null | undefined, options: CodeTextOptions): string {
  const found = syntaxOf(lang);
  const syntax = options.keepComments ? { ...found, line: [], block: [] } : found;
  let out = "";
  let i = 0;
  while (i < code.length) {
    const block = syntax.block.find(([open]) => code.startsWith(open, i));
    if (block) {
      const close = code.indexOf(block[1], i + block[0].length);
      const end = close < 0 ? code.length : close + block[1].length;
      // Keep the comment's line breaks, so that each line of the result is a line of the block.
      out += " " + code.slice(i, end).replace(/[^\n]/g, "");
      i = end;
      continue;
    }
    if (syntax.line.some((m) => opensLineComment(code, i, m))) {
      const end = code.indexOf("\n", i);
      i = end < 0 ? code.length : end;
      continue;
    }
    const quote = syntax.quotes.find((q) => code[i] === q);
    if (quote) {
      const close = closingQuote(code, i, quote);
      if (close > i) {
        // Emptied strings are one token whatever their quotes: `'root'` and `"root"` are the same code.
        out += options.ignoreStrings ? '""' : code.slice(i, close + 1);
        i = close + 1;
        continue;
      }
    }
    out += code[i];
    i++;
  }
  return options.ignoreStrings && syntax.markupText ? withoutMarkupText(out) : out;
}

/**
 * Text between a tag's end and the next tag, as JSX and HTML samples show a reader
 * (`<h1>Meu app</h1>`, `Nome: {name}`), emptied like strings: a sample's interface may be translated.
 */
function withoutMarkupText(code: string): string {
  // The whole run goes, punctuation too: `Welcome to {room}!` and `Bem-vindo à sala {room}.` are the same code.
  return code.replace(MARKUP_TEXT, (_, opener: string, text: string) => opener + text.replace(/\S+/gu, ""));
}

/**
 * A tag's end (not an arrow `=>` or a comparison) or an expression's, and the text after it up
 * to the next tag or `{expression}`: words, never a statement (`;`, `=`). Expressions stay code.
 */
const MARKUP_TEXT = /((?<![=\->])>|\})([^<>;={}]*?)(?=[<{])/g;

/** Where the string opened at `start` closes, skipping escapes; -1 when it does not close on its line. */
function closingQuote(code: string, start: number, quote: string): number {
  for (let i = start + 1; i < code.length; i++) {
    const c = code[i];
    if (c === "\\") i++;
    else if (c === quote) return i;
    else if (c === "\n" && quote !== "`") return -1;
  }
  return -1;
}

/** A code span with what its strings hold emptied (`x = "algo"` is `x = ""`): the strings a sample shows may be translated. */
export function spanWithoutStrings(code: string): string {
  return codeWithoutComments(code, "js", { ignoreStrings: true, keepComments: true });
}

/**
 * Code with its spacing evened: runs of spaces are one, and none is kept beside an operator or
 * a bracket (`len + 1` is `len+1`), where spacing is style, not code.
 */
export function withoutSpacing(code: string): string {
  return code.replace(/\s+/g, " ").trim().replace(/ ?([^\p{L}\p{N}_ ]) ?/gu, "$1");
}

/**
 * Each line of a block's code without its spacing (a translation may indent differently), one
 * for each line the block is written on: a line that held only a comment is empty.
 */
export function codeLines(code: string): string[] {
  return code.split(/\r?\n/).map(withoutSpacing);
}
