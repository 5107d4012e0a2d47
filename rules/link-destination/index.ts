import * as posix from "../../src/text/posix-path.js";
import * as z from "zod";
import type { Nodes } from "mdast";
import { anchorsOfNodes, createSlugger, explicitHeadingId, headingPlainText, type ExplicitId } from "../../src/text/anchors.js";
import {
  ancestors,
  holdsAssets,
  isPagePath,
  isUnder,
  lookUp,
  mirrored,
  mirrorRoots,
  missingDepth,
  parseLocalLink,
  writtenTargets,
  type LocalLink,
  type Written,
} from "./link-paths.js";
import { segmentFirstLine } from "../../src/core/report-range.js";
import { defineRule, matchedPairs, type FileView, type PageAnchors } from "../../src/core/rule.js";
import { writtenDestinations, type WrittenDestination } from "../../src/text/links.js";
import type { LintDocument, Report, Segment, TextEdit } from "../../src/core/types.js";
import { isLanguageTag } from "../../src/text/url-match.js";

/**
 * A link that is well written but leads nowhere: a relative link or image to a file that does not
 * exist, a `#fragment` no heading or element of the target defines, a translation that links to
 * the source-language page although the translated one exists, and a translated heading whose
 * explicit id differs from its source heading's (links from other pages and languages use it).
 * Files are checked through `settings.files`; without it only same-page anchors and heading ids are.
 */

/** A link as written in the translation: its URL, where it is, and where its URL is. */
type Occurrence = WrittenDestination;

const HTML_LINK = /<(?:a|img|source|link)\b[^>]*?\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

function occurrencesIn(nodes: readonly Nodes[], text: string): Occurrence[] {
  return writtenDestinations(nodes, text, HTML_LINK);
}

/** Link paths the source writes, so that a destination it shares can be told from one the translator wrote. */
function sourcePaths(document: LintDocument): Set<string> {
  const sources = document.segments.filter((s) => s.side === "source");
  const urls = occurrencesIn(sources.flatMap((s) => s.nodes), document.sourceText).map((o) => o.url);
  for (const m of document.sourceText.matchAll(/^(?:[ \t]*>)*[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)/gm)) urls.push(m[1]);
  return new Set(urls.map((u) => parseLocalLink(u)?.path.replace(/(.)\/+$/, "$1")).filter((p): p is string => p !== undefined));
}

/** A host name written without its scheme (`example.org/page`), which a browser takes for a relative path. */
const WEB_HOST = /^(?:www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|edu|gov|io|ai|dev|app|co|info|me|ly|so))(?:\/|$)/i;

/**
 * A partial (`_includes/x.md`, `_note.mdx`): a file that site generators include into other pages
 * rather than render, so its own anchors are the including page's.
 */
function isPartial(filePath: string | undefined): boolean {
  return filePath !== undefined && filePath.split("/").some((segment) => segment.startsWith("_") && !/^_index\./.test(segment));
}

/**
 * Without a source file, the trees of a site kept one folder a language (`content/pt/…` beside
 * `content/en/…`): the folder named by the file's language and its source-language sibling, when
 * the view shows one. Such sites serve a page not translated yet from the sibling.
 */
function languageTrees(filePath: string, document: LintDocument, view: FileView): { translation: string; source: string } | undefined {
  const target = document.targetLanguage;
  if (!target) return undefined;
  const language = document.sourceLanguage ?? "en";
  const folder = ancestors(filePath).find((f) => isLanguageTag(posix.basename(f), target));
  if (!folder) return undefined;
  const parent = posix.dirname(folder);
  const sibling = (view.entries(parent) ?? []).find((name) => name.endsWith("/") && isLanguageTag(name.slice(0, -1), language));
  return sibling ? { translation: folder, source: posix.join(parent, sibling.slice(0, -1)) } : undefined;
}

/** Fragments a browser handles without an element: the page's top, text fragments, GitHub line numbers. */
function needsNoAnchor(fragment: string): boolean {
  return fragment === "" || fragment.toLowerCase() === "top" || fragment.startsWith(":~:") || /^L\d+(?:-L\d+)?$/.test(fragment);
}

function relativePath(folder: string, path: string, trailingSlash: boolean, dotSlash: boolean): string {
  let relative = posix.relative(folder, path) || ".";
  if (dotSlash && !relative.startsWith(".")) relative = `./${relative}`;
  return trailingSlash && !relative.endsWith("/") ? `${relative}/` : relative;
}

/** The link rewritten to lead to `path` instead, written the way the original was (relative or site-absolute). */
function rewrite(link: LocalLink, written: Written, path: string, filePath: string): string | undefined {
  let newPath: string;
  if (written.siteAbsolute) {
    if (!isUnder(path, written.base)) return undefined;
    newPath = `/${posix.relative(written.base, path)}${link.trailingSlash ? "/" : ""}`;
  } else {
    newPath = relativePath(posix.dirname(filePath), path, link.trailingSlash, link.path.startsWith("./"));
  }
  return `${encodeURI(newPath)}${link.query}${link.fragment !== undefined ? `#${link.fragment}` : ""}`;
}

const conventionsSchema = z
  .object({
    extensions: z
      .array(z.string().regex(/^\.[^./]+$/, "an extension such as .md"))
      .default([".md", ".mdx", ".markdown"])
      .describe("Extensions a link may leave out: `./setup` may be `setup.md`."),
    indexNames: z
      .array(z.string().min(1))
      .default(["index", "_index", "README", "readme"])
      .describe("Names of a folder's page: `./guide/` may be `guide/index.md`."),
    roots: z
      .record(z.string().regex(/^\//, "a site-absolute prefix such as /docs/"), z.string())
      .default({})
      .describe(
        "Where site-absolute links start, prefix → folder (`{\"/\": \"content/{lang}\"}`, `{lang}` being any one folder); without it, from the nearest ancestor that holds the link's first segment.",
      ),
    relativeTo: z
      .enum(["file", "page", "either"])
      .default("either")
      .describe("What a relative link starts from: the `file` (GitHub), the `page` URL one level deeper (Hugo), or `either`."),
    ignore: z.array(z.string().min(1)).default([]).describe("Links not to check, as written: `*` stands for any text (`/docs/specs/*`)."),
    headingIds: z
      .enum(["auto", "source", "translated"])
      .default("auto")
      .describe(
        "How the site keeps heading ids across languages: `source` (every translation keeps the source's ids), `translated` (translators write their own), or `auto` (read from each page's other headings).",
      ),
  })
  .strict();

/** How many links to missing pages, outnumbering those to pages found, show a page's tree to be incomplete. */
const INCOMPLETE_TREE_LINKS = 3;

type HeadingIdConvention = z.infer<typeof conventionsSchema>["headingIds"];

function ignorePatterns(patterns: string[]): RegExp[] {
  return patterns.map((p) => new RegExp(`^${p.split("*").map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`));
}

export default defineRule({
  id: "link-destination",
  description: "A link or image that leads nowhere: a missing file, an unknown anchor, the source-language page, a changed heading id.",
  severity: "warn",
  fixable: true,
  schema: conventionsSchema,
  messages: {
    missingFile: "Link '{{url}}' leads nowhere: there is no {{what}} '{{path}}'.{{hint}}",
    missingFragment: "Link '{{url}}': {{page}} has no heading or element with the anchor '{{fragment}}'.{{also}}",
    fragmentOnlyInSource:
      "Link '{{url}}': the anchor '{{fragment}}' exists in the source page but not in {{page}}: the translation changed that heading's id.",
    sourceLanguagePage: "Link '{{url}}' leads to the source-language page although the translated page exists: use '{{suggested}}'.",
    incompleteTree:
      "{{count}} links lead to pages this tree does not have, and {{found}} to pages it has: it looks like a partial copy of its site. Lint the whole site, or give the source with --source-root. The links: {{links}}.",
    headingIdChanged: "Heading id '{{found}}' differs from its source heading's '{{expected}}' (line {{sourceLine}}): links to '#{{expected}}' stop working here.",
    headingIdMissing: "Heading has no id where its source heading (line {{sourceLine}}) has '{{expected}}': links to '#{{expected}}' stop working here.",
  },
  examples: {
    valid: [
      {
        title: "A same-page link to a heading's anchor (Spanish).",
        code: "## Primeros pasos\n\nVuelve a [los primeros pasos](#primeros-pasos).\n",
      },
      {
        title: "A relative link to a page the run can see (French).",
        filePath: "/site/fr/index.md",
        code: "Lisez le [guide](./guide.md#installation).\n",
        settings: { files: { "/site/fr/index.md": "", "/site/fr/guide.md": "# Guide\n\n## Installation\n" } },
      },
    ],
    invalid: [
      {
        title: "An anchor no heading of the page defines: the Portuguese heading was translated, the link was not.",
        code: "## Primeiros passos\n\nVeja [o início](#getting-started).\n",
        messages: ["Link '#getting-started': this page has no heading or element with the anchor 'getting-started'."],
      },
      {
        title: "A relative link to a file that does not exist (German).",
        filePath: "/site/de/index.md",
        code: "Siehe die [Installation](./install.md).\n",
        settings: { files: { "/site/de/index.md": "", "/site/de/setup.md": "# Einrichtung\n" } },
        messages: ["Link './install.md' leads nowhere: there is no page 'install.md'."],
      },
      {
        title: "A Japanese heading that lost its source heading's explicit id, where the site keeps source ids: the fix writes it back.",
        source: "# Guide\n\n## Install {#install}\n\nRun the installer.\n",
        code: "# ガイド\n\n## インストール {#instalar}\n\nインストーラーを実行します。\n",
        options: { headingIds: "source" },
        messages: ["Heading id 'instalar' differs from its source heading's 'install' (line 3): links to '#install' stop working here."],
        output: "# ガイド\n\n## インストール {#install}\n\nインストーラーを実行します。\n",
      },
    ],
  },
  check({ document, options, settings, report }) {
    checkHeadingIds(document, options.headingIds, report);
    const ignored = ignorePatterns(options.ignore);
    const filePath = document.filePath?.replace(/\\/g, "/");
    const sourcePath = document.sourceFilePath?.replace(/\\/g, "/");
    const view = filePath && posix.isAbsolute(filePath) ? settings.files : undefined;
    const trees =
      document.mode === "parallel" && filePath && sourcePath
        ? mirrorRoots(filePath, sourcePath)
        : filePath && view
          ? languageTrees(filePath, document, view)
          : undefined;
    let ownAnchors: PageAnchors | undefined;
    let sourceAnchors: PageAnchors | undefined;
    let sharedPaths: Set<string> | undefined;
    const anchorsHere = () => (ownAnchors ??= anchorsOfNodes(document.root.children, document.text));

    /** Links to missing pages, held back until the page's other links tell whether its tree is complete. */
    const missingPages: Report[] = [];
    let foundPages = 0;

    for (const occurrence of occurrencesIn(document.root.children, document.text)) {
      const link = parseLocalLink(occurrence.url);
      if (!link || ignored.some((p) => p.test(occurrence.url))) continue;
      const at = { start: occurrence.start, end: occurrence.end, side: "translation" as const };
      if (link.path === "") {
        if (link.fragment === undefined || needsNoAnchor(link.fragment)) continue;
        const wanted = link.fragment.toLowerCase();
        if (anchorsHere().ids.has(wanted)) continue;
        const sources = document.segments.filter((s) => s.side === "source");
        sourceAnchors ??= anchorsOfNodes(sources.flatMap((s) => s.nodes), document.sourceText);
        const inSource = sources.length > 0 && sourceAnchors.ids.has(wanted);
        if (!inSource && (!anchorsHere().complete || isPartial(filePath))) continue;
        const also = sources.length > 0 ? " Nor has the source page." : "";
        report({ ...at, messageId: inSource ? "fragmentOnlyInSource" : "missingFragment", data: { url: occurrence.url, fragment: link.fragment, page: "this page", also } });
        continue;
      }
      if (!view || !filePath) continue;
      checkFileLink(view, filePath, link, occurrence, at);
    }
    reportMissingPages();

    /**
     * A page whose links mostly lead to pages its tree lacks sits in a partial copy of its site (a
     * few pages taken out to translate): one finding says so, rather than one a link. In a complete
     * tree most links resolve, and each dead one is reported on its own.
     */
    function reportMissingPages() {
      if (missingPages.length < INCOMPLETE_TREE_LINKS || missingPages.length <= foundPages) {
        for (const r of missingPages) report(r);
        return;
      }
      const listed = missingPages.slice(0, 3).map((r) => `'${r.data!.url}' (line ${document.lines.position(r.start).line})`);
      const more = missingPages.length > listed.length ? `, and ${missingPages.length - listed.length} more` : "";
      report({ ...missingPages[0], messageId: "incompleteTree", data: { count: missingPages.length, found: foundPages, links: listed.join(", ") + more } });
    }

    function checkFileLink(view: FileView, filePath: string, link: LocalLink, occurrence: Occurrence, at: Pick<Report, "start" | "end" | "side">) {
      const own = writtenTargets(link, filePath, view, options);
      // A page the translation lacks is served in the source language: look for it in the source tree.
      const fallback: Written[] = [];
      if (trees) {
        for (const w of own) {
          const path = isUnder(w.path, trees.source) && !isUnder(w.path, trees.translation) ? undefined : mirrored(w.path, trees.translation, trees.source);
          const base = mirrored(w.base, trees.translation, trees.source) ?? w.base;
          if (path) fallback.push({ ...w, path, base });
        }
        if (own.length === 0 && link.path.startsWith("/") && sourcePath) fallback.push(...writtenTargets(link, sourcePath, view, options));
      }
      let unknown = own.length + fallback.length === 0;
      const targets: Array<{ written: Written; found: string }> = [];
      for (const list of [own, fallback]) {
        for (const written of list) {
          const found = lookUp(view, written.path, link.trailingSlash, options);
          if ("unknown" in found) unknown = true;
          if ("found" in found) targets.push({ written, found: found.found });
        }
        if (targets.length > 0) break;
      }
      if (targets.length === 0) {
        if (!unknown && own.length > 0) reportMissing(view, own[0], link, occurrence, at);
        return;
      }
      if (isPagePath(targets[0].found, options)) foundPages++;
      if (trees && own.includes(targets[0].written)) checkLanguage(view, targets[0].written, targets[0].found, link, occurrence, at);
      if (link.fragment !== undefined && !needsNoAnchor(link.fragment)) checkFragment(view, targets, link, occurrence, at);
    }

    function reportMissing(view: FileView, written: Written, link: LocalLink, occurrence: Occurrence, at: Pick<Report, "start" | "end" | "side">) {
      const page = isPagePath(written.path, options);
      // An asset may be served from a static folder merged into the site: only a folder that keeps assets tells.
      const suggested = suggestion(view, link);
      if (!page && !suggested && !holdsAssets(posix.dirname(written.path), view)) return;
      const depth = missingDepth(written.path, view);
      sharedPaths ??= document.mode === "monolingual" ? new Set() : sourcePaths(document);
      // Missing folders, or a destination the source shares and this tree lacks too, may be mounted
      // from elsewhere (Hugo modules, generated pages): only a place to point to instead makes it sure.
      if (!suggested && (depth > 1 || sharedPaths.has(link.path.replace(/(.)\/+$/, "$1")))) return;
      const fix = suggested && occurrence.urlAt !== undefined ? { range: [occurrence.urlAt, occurrence.urlAt + occurrence.url.length] as [number, number], text: suggested } : undefined;
      const found: Report = {
        ...at,
        messageId: "missingFile",
        data: {
          url: occurrence.url,
          what: page ? "page" : "file",
          path: posix.relative(posix.dirname(filePath!), written.path) || ".",
          hint: suggested ? ` Did you mean '${suggested}'?` : "",
        },
        ...(fix ? { suggestions: [{ desc: `Link to '${suggested}'.`, fix }] } : {}),
      };
      // A missing page with nowhere to point to instead may be one of many that a partial copy lacks.
      if (page && !suggested) missingPages.push(found);
      else report(found);
    }

    /** A relative link written as if from the site's root (`learn/x` for `/learn/x`) leads somewhere from there. */
    function suggestion(view: FileView, link: LocalLink): string | undefined {
      if (link.path.startsWith("/") || link.path.startsWith(".")) return undefined;
      if (WEB_HOST.test(link.path)) return `https://${link.path}${link.query}${link.fragment !== undefined ? `#${link.fragment}` : ""}`;
      const absolute: LocalLink = { ...link, path: `/${link.path}` };
      for (const written of writtenTargets(absolute, filePath!, view, options)) {
        if ("found" in lookUp(view, written.path, link.trailingSlash, options)) {
          return `${encodeURI(absolute.path)}${link.query}${link.fragment !== undefined ? `#${link.fragment}` : ""}`;
        }
      }
      return undefined;
    }

    function checkLanguage(view: FileView, written: Written, found: string, link: LocalLink, occurrence: Occurrence, at: Pick<Report, "start" | "end" | "side">) {
      if (!trees || !isUnder(found, trees.source) || isUnder(found, trees.translation)) return;
      const translated = mirrored(found, trees.source, trees.translation);
      const target = mirrored(written.path, trees.source, trees.translation);
      if (!translated || !target || view.exists(translated) !== true) return;
      const suggested = rewrite(link, written, target, filePath!);
      if (!suggested) return;
      report({
        ...at,
        messageId: "sourceLanguagePage",
        data: { url: occurrence.url, suggested },
        ...(occurrence.urlAt !== undefined ? { fix: { range: [occurrence.urlAt, occurrence.urlAt + occurrence.url.length], text: suggested } } : {}),
      });
    }

    /** A fragment is fine when any page the link may lead to defines it, or may define it without showing it. */
    function checkFragment(view: FileView, targets: Array<{ written: Written; found: string }>, link: LocalLink, occurrence: Occurrence, at: Pick<Report, "start" | "end" | "side">) {
      const fragment = link.fragment!;
      const wanted = fragment.toLowerCase();
      const pages = targets.map((t) => (t.found === filePath ? anchorsHere() : view.anchors(t.found)));
      if (pages.some((anchors) => !anchors || anchors.ids.has(wanted))) return;
      const { written, found } = targets[0];
      const counterpart = trees && isUnder(found, trees.translation) ? mirrored(found, trees.translation, trees.source) : undefined;
      const sourcePage = counterpart === undefined ? undefined : view.anchors(counterpart);
      const inSource = sourcePage?.ids.has(wanted) === true;
      // A site-absolute path without the language's prefix may be the source-language page (a site
      // that serves its source language at the root, such as Starlight's): its anchor counts.
      if (inSource && written.siteAbsolute) return;
      if (!inSource && pages.some((anchors) => !anchors!.complete)) return;
      const shown = written.siteAbsolute ? posix.relative(written.base, found) : posix.relative(posix.dirname(filePath!), found);
      const page = `'${shown || posix.basename(found)}'`;
      const also = sourcePage ? " Nor has the source page." : "";
      report({ ...at, messageId: inSource ? "fragmentOnlyInSource" : "missingFragment", data: { url: occurrence.url, fragment, page, also } });
    }
  },
});

/** A heading id the translation is checked against: what the source heading has, and what the translation wrote. */
interface HeadingIdPair {
  source: Segment;
  translation: Segment;
  expected: Pick<ExplicitId, "id" | "syntax">;
  found?: ExplicitId;
}

const firstLine = (s: Segment) => s.raw.split(/\r?\n/)[0];

/** The heading pairs whose translation must keep the source's explicit id or slug. */
function headingIdPairs(document: LintDocument): HeadingIdPair[] {
  // A source heading without an explicit id is reached by its slug, numbered among the source's headings.
  // A slug numbered for a repeated heading is left alone: includes the text does not show may take part in the count.
  const slugger = createSlugger();
  const sourceSlugs = new Map<Segment, string>();
  for (const s of document.segments) {
    if (s.side !== "source" || s.kind !== "heading" || s.nodes[0]?.type !== "heading") continue;
    const explicit = explicitHeadingId(firstLine(s));
    if (explicit) slugger.reserve(explicit.id);
    else {
      const slug = slugger.slug(headingPlainText(s.nodes[0]));
      if (!slugger.numbered(slug)) sourceSlugs.set(s, slug);
    }
  }
  const pairs: HeadingIdPair[] = [];
  for (const pair of matchedPairs(document)) {
    if (pair.sources.length !== 1 || pair.translations.length !== 1) continue;
    const [source, translation]: Segment[] = [pair.sources[0], pair.translations[0]];
    if (source.kind !== "heading" || translation.kind !== "heading") continue;
    const explicit = explicitHeadingId(firstLine(source));
    const found = explicitHeadingId(firstLine(translation));
    // Without ids on either side, a translated heading gets a new slug: the sites this rule knows accept that.
    const expected = explicit ?? (found && sourceSlugs.has(source) ? { id: sourceSlugs.get(source)!, syntax: found.syntax } : undefined);
    if (!expected || expected.id === "") continue;
    pairs.push({ source, translation, expected, ...(found ? { found } : {}) });
  }
  return pairs;
}

/** The depth of each heading on one side, in order: two sides with the same outline pair their headings one to one. */
function outline(document: LintDocument, side: Segment["side"]): Segment[] {
  return document.segments.filter((s) => s.side === side && s.kind === "heading" && s.nodes[0]?.type === "heading");
}

function depthOf(segment: Segment): number {
  const node = segment.nodes[0];
  return node?.type === "heading" ? node.depth : 0;
}

/** Whether the two headings hold the same place in outlines that match heading for heading. */
function pairedForCertain(document: LintDocument, source: Segment, translation: Segment): boolean {
  const sources = outline(document, "source");
  const translations = outline(document, "translation");
  if (sources.length !== translations.length || sources.some((s, i) => depthOf(s) !== depthOf(translations[i]))) return false;
  return sources.indexOf(source) === translations.indexOf(translation);
}

/** A heading line with exactly `ids` id markers and nothing that reads as a code fence pasted into it. */
function plainHeadingLine(line: string, ids: number): boolean {
  return !/`{3}|~{3}/.test(line) && (line.match(/\{\/\*|\{[^{}]*#/g) ?? []).length === ids;
}

/**
 * A translated heading must keep its source heading's explicit id (`{#id}`, `{/*id*\/}`): sites
 * keep ids across languages so that links between pages and languages keep working.
 *
 * The fix writes the source's id, and is certain only when three things hold: the heading is paired
 * for certain (both pages have the same outline, heading for heading, and this heading holds the
 * same place in both); the site's convention is known (`headingIds: "source"`, or every other
 * heading of the page that could keep its source's id does, and at least one does); and the line
 * holds one id and no pasted code fence. Otherwise the finding comes with a suggestion.
 */
function checkHeadingIds(document: LintDocument, convention: HeadingIdConvention, report: (r: Report) => void): void {
  if (convention === "translated") return;
  const pairs = headingIdPairs(document);
  const differing = pairs.filter((p) => p.found?.id !== p.expected.id);
  const keptElsewhere = pairs.length > differing.length && differing.length === 1;
  for (const { source, translation, expected, found } of differing) {
    const line = firstLine(translation);
    const at = segmentFirstLine(document, translation);
    const sourceLine = document.sourceLines.position(source.start).line;
    let edit: TextEdit;
    let finding: Pick<Report, "messageId" | "data">;
    if (found) {
      edit = { range: [translation.start + found.start, translation.start + found.end], text: expected.id };
      finding = { messageId: "headingIdChanged", data: { found: found.id, expected: expected.id, sourceLine } };
    } else {
      const end = translation.start + line.replace(/\s+#+\s*$|\s+$/, "").length;
      const id = expected.syntax === "comment" ? `{/*${expected.id}*/}` : `{#${expected.id}}`;
      edit = { range: [end, end], text: ` ${id}` };
      finding = { messageId: "headingIdMissing", data: { expected: expected.id, sourceLine } };
    }
    if (!plainHeadingLine(line, found ? 1 : 0)) {
      report({ ...at, ...finding });
      continue;
    }
    const certain = (convention === "source" || keptElsewhere) && pairedForCertain(document, source, translation);
    if (certain) report({ ...at, ...finding, fix: edit });
    else report({ ...at, ...finding, suggestions: [{ desc: `Use the source heading's id '${expected.id}'.`, fix: edit }] });
  }
}
