import { directiveFromMarkdown } from "mdast-util-directive";
import { fromMarkdown } from "mdast-util-from-markdown";
import { frontmatterFromMarkdown } from "mdast-util-frontmatter";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { mdxFromMarkdown } from "mdast-util-mdx";
import { directive } from "micromark-extension-directive";
import { frontmatter } from "micromark-extension-frontmatter";
import { gfm } from "micromark-extension-gfm";
import { mdxjs } from "micromark-extension-mdxjs";
import { normalizeIdentifier } from "micromark-util-normalize-identifier";
import type { Nodes, Root } from "mdast";
import type { LineIndex } from "../core/lines.js";
import { addLiteralAutolinks, mayHoldTransformLinks } from "./autolink-literal.js";
import { guardLoneBrackets } from "./lone-brackets.js";
import { guardNesting } from "./nesting.js";
import { activeParseCache, copyTree } from "./parse-cache.js";
import { visitNodes } from "./tree.js";

const BOM = "\uFEFF";

export function stripBom(text: string): { text: string; bom: boolean } {
  return text.startsWith(BOM) ? { text: text.slice(1), bom: true } : { text, bom: false };
}

/**
 * The grammar a file is written in. GFM and front matter always; MDX (ESM, JSX, `{expressions}`,
 * no indented code, no HTML) for `.mdx` pages; generic directives (`:::note`, `:::tip[Title]`,
 * `::name`, `:name`) where a site uses them. Directives are off for plain Markdown by default:
 * they would read `:text` in ordinary prose (`see:this`, `10:30`) as syntax.
 */
export interface Grammar {
  mdx: boolean;
  directives: boolean;
}

export const MARKDOWN: Grammar = { mdx: false, directives: false };

export interface GrammarChoice {
  filePath?: string;
  /** Read the file as MDX; by default only `.mdx` files are. */
  mdx?: boolean;
  /** Read generic directives; by default only in MDX files (Astro Starlight's asides). */
  directives?: boolean;
}

/** The grammar of a file, from its name and what the options say: never from the file system. */
export function grammarFor(choice: GrammarChoice): Grammar {
  const mdx = choice.mdx ?? /\.mdx$/i.test(choice.filePath ?? "");
  return { mdx, directives: choice.directives ?? mdx };
}

const frontMatterKinds: Array<"yaml" | "toml"> = ["yaml", "toml"];

type ParserOptions = NonNullable<Parameters<typeof fromMarkdown>[1]>;
type MicromarkExtension = NonNullable<ParserOptions["extensions"]>[number];
type MdastExtension = NonNullable<ParserOptions["mdastExtensions"]>[number];

// micromark-extension-gfm's literal autolinks, by construct name: they are left out of the parse
// and found afterwards by addLiteralAutolinks (see autolink-literal.ts for why).
const LITERAL_AUTOLINK_CONSTRUCTS = new Set(["emailAutolink", "wwwAutolink", "protocolAutolink"]);

/** GFM's syntax without its literal-autolink constructs. */
function gfmWithoutLiteralAutolinks(): MicromarkExtension {
  const extension = gfm() as { text?: Record<string, unknown> } & MicromarkExtension;
  const text: Record<string, unknown[]> = {};
  for (const [code, constructs] of Object.entries(extension.text ?? {})) {
    const kept = ([] as unknown[]).concat(constructs).filter((c) => !LITERAL_AUTOLINK_CONSTRUCTS.has((c as { name?: string }).name ?? ""));
    if (kept.length > 0) text[code] = kept;
  }
  return { ...extension, text } as MicromarkExtension;
}

const isLiteralAutolinkExtension = (extension: MdastExtension) => Boolean((extension as { enter?: Record<string, unknown> }).enter?.literalAutolink);
// mdast-util-gfm-autolink-literal's transform (it finds `mailto:`, `xmpp:` and addresses the
// syntax leaves) runs after addLiteralAutolinks, as it ran after the syntax's links before.
const literalAutolinkTransforms = (gfmFromMarkdown() as MdastExtension[]).filter(isLiteralAutolinkExtension).flatMap((e) => (e as { transforms?: Array<(tree: Root) => Root | undefined | void> }).transforms ?? []);

/**
 * Literal autolinks are found by the scanner in autolink-literal.ts rather than by micromark's
 * extension. Off, every document is parsed with the extension (tests compare the two).
 */
let literalAutolinkScanner = true;

export function useLiteralAutolinkScanner(on: boolean): void {
  literalAutolinkScanner = on;
}

// Built once for each grammar: constructing the extensions for each file (or for each comment of a
// post) costs more than parsing it. Acorn's syntax trees are not kept: nothing reads JavaScript.
const parserOptions = new Map<string, ParserOptions>();

function optionsOf(grammar: Grammar, frontMatter: boolean, literalAutolinks: boolean): ParserOptions {
  const key = `${grammar.mdx ? 1 : 0}${grammar.directives ? 1 : 0}${frontMatter ? 1 : 0}${literalAutolinks ? 1 : 0}`;
  let options = parserOptions.get(key);
  if (!options) {
    options = {
      extensions: [
        literalAutolinks ? gfm() : gfmWithoutLiteralAutolinks(),
        ...(frontMatter ? [frontmatter(frontMatterKinds)] : []),
        ...(grammar.mdx ? [mdxjs({ addResult: false })] : []),
        ...(grammar.directives ? [directive()] : []),
      ],
      mdastExtensions: [
        ...(literalAutolinks ? gfmFromMarkdown() : gfmFromMarkdown().filter((e) => !isLiteralAutolinkExtension(e))),
        ...(frontMatter ? [frontmatterFromMarkdown(frontMatterKinds)] : []),
        ...(grammar.mdx ? [mdxFromMarkdown()] : []),
        ...(grammar.directives ? [directiveFromMarkdown()] : []),
      ],
    };
    parserOptions.set(key, options);
  }
  return options!;
}

/**
 * The mdast tree of `text`, GFM's literal autolinks included: found by the scanner where it can
 * tell, else by parsing again with micromark's extension.
 */
function parseText(text: string, grammar: Grammar, frontMatter: boolean): Root {
  const scanned = literalAutolinkScanner ? parseScanningAutolinks(text, grammar, frontMatter) : undefined;
  return scanned ?? fromMarkdown(text, optionsOf(grammar, frontMatter, true));
}

/** The tree with literal autolinks found by the scanner, or `undefined` where it cannot tell. */
export function parseScanningAutolinks(text: string, grammar: Grammar = MARKDOWN, frontMatter = true): Root | undefined {
  const root = fromMarkdown(text, optionsOf(grammar, frontMatter, false));
  if (!addLiteralAutolinks(root, text)) return undefined;
  if (mayHoldTransformLinks(root)) for (const transform of literalAutolinkTransforms) transform(root);
  return root;
}

/** Where a file could not be read with its grammar, and the grammar it was read with instead. */
export interface GrammarProblem {
  offset: number;
  reason: string;
}

export interface ParsedDocument {
  root: Root;
  grammar: Grammar;
  problem?: GrammarProblem;
}

/**
 * Parses a whole document; positions are those of `text`. Block quotes and lists nested deeper
 * than the parser copes with are cut (see `guardNesting`); the offsets where that happened are
 * added to `cuts` when given. Crowds of `]` that close nothing are read as spaces (see
 * `guardLoneBrackets`). MDX throws on what is not valid JSX or JavaScript; such a file is read as
 * Markdown (with directives if asked for) and the problem is returned, for a finding.
 * `definitions` (reference definitions written elsewhere, such as inside comments) are made
 * visible to the text's references without becoming part of the tree.
 */
export function parseDocument(text: string, grammar: Grammar = MARKDOWN, cuts?: number[], definitions = ""): ParsedDocument {
  const cache = activeParseCache();
  if (!cache) return parseWholeDocument(text, grammar, cuts, definitions);
  // A document's tree is shared, not copied: nothing downstream changes a tree (see `parsedSource`).
  const kept = cache.get(parseKey("document", text, grammar, definitions), (keptCuts) => parseWholeDocument(text, grammar, keptCuts, definitions));
  for (const cut of kept.cuts) cuts?.push(cut);
  return kept.value;
}

/** What a parse depends on besides its text, and the text: a key of a `ParseCache`. */
function parseKey(kind: string, text: string, grammar: Grammar, definitions: string): string {
  return `${kind} ${grammar.mdx ? 1 : 0}${grammar.directives ? 1 : 0}${literalAutolinkScanner ? 1 : 0}\0${definitions}\0${text}`;
}

function parseWholeDocument(text: string, grammar: Grammar, cuts: number[] | undefined, definitions: string): ParsedDocument {
  const guarded = guardNesting(text);
  for (const cut of guarded.cuts) cuts?.push(cut);
  const input = guardLoneBrackets(guarded.text);
  const read = (g: Grammar) => {
    const parse = (appended: string) => parseText(input + appended, g, true);
    return definitions === "" ? parse("") : withAppendedDefinitions(text.length, definitions, parse);
  };
  try {
    return { root: read(grammar), grammar };
  } catch (error) {
    if (!grammar.mdx || error instanceof RangeError) throw error;
    const fallback = { ...grammar, mdx: false };
    return { root: read(fallback), grammar: fallback, problem: mdxProblem(error, text.length) };
  }
}

/** The offset and reason of an MDX syntax error (a `VFileMessage` with a place). */
function mdxProblem(error: unknown, length: number): GrammarProblem {
  const message = error as { reason?: string; message?: string; place?: { offset?: number; start?: { offset?: number } } };
  const offset = message.place?.offset ?? message.place?.start?.offset ?? 0;
  return { offset: Math.min(Math.max(0, offset), length), reason: message.reason ?? message.message ?? String(error) };
}

/** The tree of a document (see `parseDocument`). */
export function parseMarkdown(text: string, cuts?: number[], grammar: Grammar = MARKDOWN, definitions = ""): Root {
  return parseDocument(text, grammar, cuts, definitions).root;
}

/** Where in the document each offset of a fragment lies: a fixed shift, or a map for a fragment pieced together. */
export type FragmentPlacement = number | ((fragmentOffset: number) => number);

/**
 * Parses a fragment of a document, such as the inside of an HTML comment, and moves every
 * position so that it points into the document itself. `definitions` are reference definitions
 * of the document the fragment's references may use (see `parseMarkdown`).
 */
export function parseFragment(fragment: string, placement: FragmentPlacement, lines: LineIndex, cuts?: number[], definitions = ""): Root {
  const place = typeof placement === "number" ? (offset: number) => offset + placement : placement;
  const cache = activeParseCache();
  // A kept tree has the fragment's own positions: each use moves a copy of it into place.
  const kept = cache
    ? cache.get(parseKey("fragment", fragment, MARKDOWN, definitions), (keptCuts) => parseFragmentAlone(fragment, keptCuts, definitions))
    : undefined;
  const fragmentCuts: number[] = [];
  const root = kept ? copyTree(kept.value) : parseFragmentAlone(fragment, fragmentCuts, definitions);
  for (const cut of kept?.cuts ?? fragmentCuts) cuts?.push(place(cut));
  shiftPositions(root, place, lines);
  return root;
}

/** A fragment's tree, positions counted from the fragment's start. */
function parseFragmentAlone(fragment: string, cuts: number[], definitions: string): Root {
  const guarded = guardNesting(fragment);
  for (const cut of guarded.cuts) cuts.push(cut);
  const parse = (appended: string) => parseText(guardLoneBrackets(guarded.text) + appended, MARKDOWN, false);
  return definitions === "" ? parse("") : withAppendedDefinitions(fragment.length, definitions, parse);
}

/**
 * Parses a text with definitions written after it, after a blank line, so that the text's own
 * offsets are unchanged, then drops the definitions' nodes. A text that leaves a block open (an
 * unclosed code fence) would swallow them: it is then parsed alone.
 */
function withAppendedDefinitions(length: number, definitions: string, parse: (appended: string) => Root): Root {
  const root = parse(`\n\n${definitions}`);
  const own = root.children.filter((child) => (child.position?.start.offset ?? 0) < length);
  if (own.some((child) => (child.position?.end.offset ?? 0) > length)) return parse("");
  root.children = own;
  if (root.position) root.position.end = own.at(-1)?.position?.end ?? root.position.start;
  return root;
}

/**
 * The definitions that a text's references may use: those whose label's every word is written in
 * it. A reference matches a definition by its label, case and spacing aside (micromark's
 * `normalizeIdentifier`), so a text without a label's words cannot use it: handing such a
 * definition to `parseFragment` only makes the parser read it, once for every comment of a post.
 */
export function definitionsUsableIn<D extends { label?: string | null; identifier: string }>(text: string, definitions: readonly D[]): D[] {
  if (definitions.length === 0) return [];
  const folded = normalizeIdentifier(text);
  return definitions.filter((d) => normalizeIdentifier(d.label ?? d.identifier).split(" ").every((word) => folded.includes(word)));
}

/** Reference definitions as Markdown lines, to hand to `parseMarkdown` or `parseFragment`. */
export function definitionLines(definitions: ReadonlyArray<{ label?: string | null; identifier: string; url: string }>): string {
  const destination = (url: string) => `<${url.replace(/[<>\s\\]/g, (c) => encodeURIComponent(c))}>`;
  return definitions.map((d) => `[${d.label ?? d.identifier}]: ${destination(d.url)}`).join("\n");
}

function shiftPositions(node: Nodes, place: (offset: number) => number, lines: LineIndex): void {
  visitNodes(node, (current) => {
    const pos = current.position;
    if (!pos || pos.start.offset === undefined || pos.end.offset === undefined) return;
    const start = place(pos.start.offset);
    const end = place(pos.end.offset);
    current.position = {
      start: { ...lines.position(start), offset: start },
      end: { ...lines.position(end), offset: end },
    };
  });
}

// Front matter is read in front-matter.ts; these stay importable from the parser that finds it.
export { frontMatterMapping, readFrontMatter } from "./front-matter.js";
