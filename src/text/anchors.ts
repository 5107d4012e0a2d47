import { slug } from "github-slugger";
import type { Heading, Nodes, Root } from "mdast";
import { anchorLines } from "./heading-lines.js";
import { jsxOpeningTag } from "../parse/markup.js";
import { parseMarkdown } from "../parse/parse.js";
import type { PageAnchors } from "../core/rule.js";
import { plainText, visitNodes } from "../parse/tree.js";

/**
 * A heading's anchor as GitHub derives it from the text: lower case, spaces to `-`, punctuation
 * gone. github-slugger's list of dropped characters was measured on GitHub itself, so it keeps
 * what GitHub keeps where Unicode classes would not (`²` and `½` are dropped, `ª` kept).
 */
export function githubSlug(text: string): string {
  return slug(text);
}

export interface Slugger {
  /** The anchor of a heading without an explicit id; a repeated one gets `-1`, `-2`… as on GitHub and in Hugo. */
  slug(text: string): string;
  /** Takes an explicit id, so that a later heading with that slug is numbered (as Hugo's goldmark does). */
  reserve(id: string): void;
  /** Whether `slug` numbered this slug because its text came before. */
  numbered(slug: string): boolean;
}

/** Slugs for the headings of one page, in document order. */
export function createSlugger(): Slugger {
  const seen = new Map<string, number>();
  const numbered = new Set<string>();
  return {
    slug(text) {
      const base = githubSlug(text);
      let slug = base;
      while (seen.has(slug)) {
        const count = seen.get(base)! + 1;
        seen.set(base, count);
        slug = `${base}-${count}`;
      }
      if (slug !== base) numbered.add(slug);
      seen.set(slug, 0);
      return slug;
    },
    reserve(id) {
      if (!seen.has(id)) seen.set(id, 0);
    },
    numbered: (slug) => numbered.has(slug),
  };
}

export interface ExplicitId {
  id: string;
  /** Offsets of the id itself in the text searched. */
  start: number;
  end: number;
  /** `{#id}` (Hugo, kramdown, Docusaurus; with classes and attributes too) or `{/*id*\/}` (MDX sites such as react.dev). */
  syntax: "attribute" | "comment";
}

// Written at the end of a heading; both keep an anchor stable whatever the heading says. An
// attribute block may hold classes and key=value pairs beside the id: `{.notranslate lang=en #id}`.
// Attributes are apart by white space: were they not, `a=b=c=…` could be split in exponentially
// many ways, and a heading with many '=' and no closing brace would hang the run.
const ATTRIBUTE = String.raw`(?:(?:[#.][^\s{}#.=]+)+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s{}"']+))`;
const ATTRIBUTES = new RegExp(String.raw`\{(\s*${ATTRIBUTE}(?:\s+${ATTRIBUTE})*)\s*\}\s*#*\s*$`);
const COMMENT_ID = /\{\/\*\s*([^\s*]+)\s*\*\/\}\s*#*\s*$/;

/** The explicit id written at the end of a heading's line, if any. */
export function explicitHeadingId(heading: string): ExplicitId | undefined {
  const trimmed = heading.replace(/\s+$/, "");
  const comment = trimmed.match(COMMENT_ID);
  if (comment) {
    const start = comment.index! + comment[0].indexOf(comment[1]);
    return { id: comment[1], start, end: start + comment[1].length, syntax: "comment" };
  }
  const block = trimmed.match(ATTRIBUTES);
  const id = block?.[1].match(/(?:^|\s)#([^\s{}#.=]+)/);
  if (!block || !id) return undefined;
  const start = block.index! + 1 + id.index! + id[0].indexOf("#") + 1;
  return { id: id[1], start, end: start + id[1].length, syntax: "attribute" };
}

/**
 * The text a reader sees in a heading, explicit id left out: what GitHub slugs, so an image's
 * alt text is not part of it (the rendered heading shows a picture, not its alt).
 */
export function headingPlainText(heading: Heading | readonly Nodes[]): string {
  return withoutExplicitId(plainText(heading, { imageAlt: false })).trim();
}

/** A heading's text without the explicit id at its end (`{#start}`, `{/*start*\/}`), which sites do not show. */
export function withoutExplicitId(text: string): string {
  return text.replace(ATTRIBUTES, "").replace(COMMENT_ID, "");
}

/**
 * `id="…"` and `name="…"` on HTML elements, and JSX props that name an anchor (`titleId="…"`, `permalink="…"`),
 * outside comments.
 */
const ID_ATTRIBUTE = /(?:^|[\s<])(?:id|name|permalink|anchor|[a-z][A-Za-z]*Id)\s*=\s*\{?\s*(?:"([^"]*)"|'([^']*)')/g;

/** An MDX component opening a block: such components (`<Challenges>`) often render a heading named after them. */
const COMPONENT = /^<([A-Z][A-Za-z0-9]*)[\s>/]/;
/** A heading line inside a JSX or HTML block, which MDX parses as Markdown but CommonMark keeps as HTML. */
const HEADING_LINE = /^ {0,3}#{1,6}[ \t]+(.+)$/gm;

function htmlIds(html: string, slugger: Slugger): string[] {
  const withoutComments = html.replace(/<!--[\s\S]*?(?:-->|$)/g, "");
  const ids = [...withoutComments.matchAll(ID_ATTRIBUTE)].map((m) => m[1] ?? m[2]);
  const component = withoutComments.match(COMPONENT);
  if (component) ids.push(component[1]);
  for (const m of withoutComments.matchAll(HEADING_LINE)) {
    const explicit = explicitHeadingId(m[1]);
    if (explicit) slugger.reserve(explicit.id);
    ids.push(explicit ? explicit.id : slugger.slug(m[1].replace(ATTRIBUTES, "").replace(/[`*_]|<[^>]*>/g, "").trim()));
  }
  return ids.filter((id) => id !== "");
}

/**
 * The anchors a page defines, lower-cased (browsers match ids exactly, but sites and GitHub
 * lower-case slugs, so a difference of case alone is not worth a finding): each heading's explicit
 * id or slug, and HTML ids.
 */
export function anchorsOfNodes(nodes: readonly Nodes[], text: string): PageAnchors {
  const anchors = new Set<string>();
  const slugger = createSlugger();
  // In document order, so that repeated slugs get their numbers right.
  visitNodes(nodes, (node) => {
    if (node.type === "heading") {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      const explicit = start === undefined || end === undefined ? undefined : explicitHeadingId(text.slice(start, end));
      if (explicit) slugger.reserve(explicit.id);
      anchors.add((explicit ? explicit.id : slugger.slug(headingPlainText(node))).toLowerCase());
    }
    if (node.type === "html") for (const id of htmlIds(node.value, slugger)) anchors.add(id.toLowerCase());
    if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") {
      for (const id of htmlIds(text.slice(...jsxOpeningTag(node)), slugger)) anchors.add(id.toLowerCase());
    }
  });
  return { ids: anchors, complete: anchors.size > 0 && !TEMPLATING.test(text) };
}

/** Site-generator templating and includes, which may render headings of their own. */
const TEMPLATING = /\{\{[<%]|\{%-?\s*include/;

/** The anchors of a Markdown text; only its headings and HTML blocks are parsed. */
export function anchorsOf(input: string): PageAnchors {
  const text = input.replace(/^\uFEFF/, "");
  const lines = anchorLines(text);
  const { ids } = anchorsOfNodes([parseMarkdown(lines) as Root], lines);
  return { ids, complete: ids.size > 0 && !TEMPLATING.test(text) };
}
