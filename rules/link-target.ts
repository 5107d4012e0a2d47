import * as z from "zod";
import { hasUnknownTarget, linksOf } from "../src/text/links.js";
import { correspondingLine } from "../src/core/report-range.js";
import { defineRule, pairsWithFacingLeftovers, segmentText } from "../src/core/rule.js";
import type { LinkInfo, LintDocument, Pair, Segment } from "../src/core/types.js";
import { canonicalUrl, hasBrokenHost, isAnchorOnly, isLanguageTag, namesLanguage, sameTarget, type UrlMatchOptions } from "../src/text/url-match.js";

/**
 * A pair whose source and translation link to different places: a source URL the translation
 * lacks, or a translation URL its source lacks. URLs are compared once normalised (scheme,
 * `www.`, trailing slash, tracking parameters, anchors) and localisations are accepted: a
 * language folder or subdomain swapped for or added to a URL whose rest is unchanged
 * (`example.dev/docs/x` → `example.dev/pt-br/docs/x`, `pt-br.example.dev/docs/x`), and
 * configured prefixes, in which `{lang}` stands for a language tag. A repository's file at another
 * revision (`blob/<commit>/x` for `blob/main/x`) is the same document. A URL still written in the text but no longer rendered as a link
 * is `broken-link`'s finding, not this rule's.
 *
 * A link only the translation has (a gloss to an encyclopaedia, a page in the reader's language)
 * breaks nothing of the source: it is worth a reviewer's look, so it is a warning by default
 * (option `added`), while a source link lost or changed is an error.
 */

interface Target {
  url: string;
  link: LinkInfo;
  segment: Segment;
}

const definitionCache = new WeakMap<object, Map<string, string>>();

/** Reference definitions (`[label]: url`, also `> [label]: url`) of a text, read once per text holder. */
function definitions(holder: object, text: string): Map<string, string> {
  let found = definitionCache.get(holder);
  if (found) return found;
  found = new Map();
  // A definition may sit inside a blockquote (a GitHub alert keeps its own), behind `>` markers.
  for (const m of text.matchAll(/^(?:[ \t]{0,3}>)*[ \t]{0,3}\[([^\]\n]+)\]:[ \t]*(?:\r?\n(?:[ \t]{0,3}>)*[ \t]*)?<?([^\s>]+)>?/gm)) {
    const label = m[1].trim().replace(/\s+/g, " ").toLowerCase();
    if (!found.has(label)) found.set(label, m[2]);
  }
  definitionCache.set(holder, found);
  return found;
}

/** A reference's label as its definition is keyed: the parser gives it for every form (`[a][b]`, `[a][]`, `[a]`). */
function referenceLabel(link: LinkInfo): string {
  return (link.reference ?? link.label).trim().replace(/\s+/g, " ").toLowerCase();
}

/** Where the links of one side of a pair lead; images are `missing-item`'s concern. */
function targetsOf(document: LintDocument, segments: Segment[], holder: object): Target[] {
  const targets: Target[] = [];
  for (const segment of segments) {
    const text = segmentText(document, segment);
    for (const link of linksOf(segment, text)) {
      if (link.image) continue;
      const url =
        link.form === "reference"
          ? definitions(holder, text).get(referenceLabel(link))
          : link.form === "bare"
            ? trimBareUrl(link.url)
            : link.url;
      if (!url || isAnchorOnly(url)) continue;
      targets.push({ url, link, segment });
    }
    // Inside a comment a reference stays text (its definition lies outside what was parsed).
    for (const m of segment.raw.matchAll(/\[([^[\]\n]+)\]\[([^[\]\n]*)\]/g)) {
      const start = segment.start + m.index;
      if (targets.some((t) => t.segment === segment && t.link.start <= start && start < t.link.end)) continue;
      const label = (m[2] || m[1]).trim().replace(/\s+/g, " ").toLowerCase();
      const url = definitions(holder, text).get(label);
      if (!url || isAnchorOnly(url)) continue;
      targets.push({ url, segment, link: { url, label: m[1], start, end: start + m[0].length, form: "reference", image: false } });
    }
  }
  return targets;
}

/**
 * Whether the URL is written in `haystack` (lower-cased text), rendered as a link or not. The URL
 * must end where it is written: `/learn` is not written in `/learn/react-compiler` (a trailing
 * slash, an anchor or a query may follow it, another path segment may not).
 */
function writtenIn(haystack: string, url: string): boolean {
  const wanted = canonicalUrl(url).replace(/\?.*$/, "");
  if (wanted.length < 4) return false;
  for (let at = haystack.indexOf(wanted); at >= 0; at = haystack.indexOf(wanted, at + 1)) {
    const end = at + wanted.length;
    if (endsUrl(haystack[end]) || (haystack[end] === "/" && endsUrl(haystack[end + 1]))) return true;
  }
  return false;
}

/**
 * Whether a character after a URL's path ends that path (a `/` is a further segment, see
 * `writtenIn`): punctuation, a bracket (`…/growing-ca/[15]`), or CJK text right after it.
 */
function endsUrl(next: string | undefined): boolean {
  return next === undefined || /[\s()[\]<>?#"'.,;:!*_]|[^\x00-\x7f]/.test(next);
}

/**
 * A URL written bare in running text ends where URL characters end; the autolink literal may
 * run on into a closing parenthesis and a suffix (`…code)'ni`) or into CJK text and footnotes.
 */
function trimBareUrl(url: string): string {
  let cut = url.replace(/[^\x21-\x7e].*$/s, "").replace(/[[*].*$/s, "");
  let depth = 0;
  for (let i = 0; i < cut.length; i++) {
    if (cut[i] === "(") depth++;
    else if (cut[i] === ")" && --depth < 0) {
      cut = cut.slice(0, i);
      break;
    }
  }
  return cut;
}

function shorten(url: string): string {
  return url.length > 90 ? `${url.slice(0, 87)}…` : url;
}

export default defineRule({
  id: "link-target",
  description: "A translation links to a different URL than its source: one is missing, added or changed.",
  severity: "error",
  fixable: false,
  schema: z
    .object({
      localizations: z
        .array(z.object({ source: z.string(), translation: z.string() }))
        .default([])
        .describe("URL prefixes a translation may rewrite (`source` → `translation`), beside `settings.urlLocalizations`."),
      languagePrefixes: z.boolean().default(true).describe("Accept `/en/` → `/pt-br/`-style language swaps in paths and subdomains."),
      added: z
        .enum(["warn", "error", "off"])
        .default("warn")
        .describe("How a link the translation adds is reported: `warn` (a reviewer's look; it breaks no link of the source), `error` (the rule's severity) or `off`."),
    })
    .strict(),
  messages: {
    changed: "Link target '{{translation}}' differs from its source's '{{source}}' (line {{sourceLine}}).",
    missing: "The source (line {{sourceLine}}) links to '{{source}}'{{label}}; the translation does not.",
    added: "Translation links to '{{translation}}', which its source (line {{sourceLine}}) does not.",
  },
  examples: {
    valid: [
      {
        title: "The same URL on both sides (Portuguese).",
        code: "<!-- Read [the guide](https://example.org/guide). -->\nLeia [o guia](https://example.org/guide).\n",
      },
      {
        title: "A Spanish link to the Spanish version of the page: a language swap in the path is accepted.",
        code: "<!-- Read [the docs](https://example.org/en/docs/). -->\nLee [la documentación](https://example.org/es/docs/).\n",
        targetLanguage: "es",
      },
    ],
    invalid: [
      {
        title: "A French link whose URL changed on the way.",
        code: "<!-- Read [the guide](https://example.org/guide). -->\nLisez [le guide](https://example.org/guides).\n",
        messages: ["Link target 'https://example.org/guides' differs from its source's 'https://example.org/guide' (line 1)."],
      },
      {
        title: "A Chinese file that adds a link its English source does not have.",
        source: "Install the package.\n",
        code: "安装[软件包](https://example.org/package)。\n",
        messages: ["Translation links to 'https://example.org/package', which its source (line 1) does not."],
      },
    ],
  },
  check({ document, options, settings, report }) {
    const match: UrlMatchOptions = {
      localizations: [...options.localizations, ...(settings.urlLocalizations ?? [])],
      ...(options.languagePrefixes && document.targetLanguage
        ? { sourceLanguage: document.sourceLanguage ?? "en", targetLanguage: document.targetLanguage }
        : {}),
    };
    // In an inline post both sides live in one text; keep their definitions apart only in parallel mode.
    const sourceHolder = document.mode === "parallel" ? document.sourceLines : document.lines;

    // A translation link to a place the source links elsewhere on the page was moved, not added.
    const allSources = document.segments
      .filter((s) => s.side === "source")
      .map((s) => s.raw.toLowerCase())
      .join("\n");

    /**
     * A source URL its pair's translation lacks was moved when another translation block writes it
     * whose own source does not (a later paragraph, a list of notes at the end). A block whose
     * source links there too keeps its own link: a link repeated on a page and dropped in one
     * place is missing.
     */
    const pairOf = new Map<Segment, Pair>();
    for (const pair of document.pairs) for (const t of pair.translations) pairOf.set(t, pair);
    const lowered = new Map<Segment, string>();
    const lower = (segment: Segment) => lowered.get(segment) ?? lowered.set(segment, segment.raw.toLowerCase()).get(segment)!;
    const movedElsewhere = (url: string, pair: Pair) =>
      document.segments.some((t) => {
        if (t.side !== "translation" || !writtenIn(lower(t), url)) return false;
        const other = pairOf.get(t);
        return other !== pair && !other?.sources.some((s) => writtenIn(lower(s), url));
      });

    /** The source line a finding names: the link's own, not its paragraph's first. */
    const lineOf = (target: Target) => document.sourceLines.position(target.link.start).line;

    for (const pair of pairsWithFacingLeftovers(document)) {
      const sourceTargets = targetsOf(document, pair.sources, sourceHolder);
      // A source URL that is no URL at all is broken-link's finding; the translation may have
      // repaired it, so its links stand for those, in order.
      const sources = sourceTargets.filter((s) => !hasBrokenHost(s.url));
      const repaired = sourceTargets.length - sources.length;
      // A source reference defined nowhere led somewhere unknown: a translation link may stand for it.
      const unknown = pair.sources.reduce((n, s) => n + linksOf(s, segmentText(document, s)).filter(hasUnknownTarget).length, 0);
      const translations = targetsOf(document, pair.translations, document.lines);
      const missing = unique(
        sources.filter((s) => !translations.some((t) => sameTarget(s.url, t.url, match)) && !movedElsewhere(s.url, pair)),
      );
      const added = unique(
        translations.filter((t) => !sources.some((s) => sameTarget(s.url, t.url, match)) && !writtenIn(allSources, t.url)),
      ).slice(repaired + unknown);

      // Unmatched links on both sides are taken, in order, as one link whose target changed.
      const changed = Math.min(missing.length, added.length);
      for (let i = 0; i < changed; i++) {
        const t = added[i];
        if (localisedResource(t.url, sources) && !localisedOnSameSite(t.url, missing[i].url, document.targetLanguage!)) continue;
        report({
          messageId: "changed",
          data: { translation: shorten(t.url), source: shorten(missing[i].url), sourceLine: lineOf(missing[i]) },
          side: "translation",
          start: t.link.start,
          end: t.link.end,
        });
      }
      for (const s of missing.slice(changed)) reportMissing(s, pair);
      const pairLine = document.sourceLines.position(pair.sources[0].start).line;
      for (const t of options.added === "off" ? [] : added.slice(changed)) {
        if (localisedResource(t.url, sources)) continue;
        report({
          messageId: "added",
          data: { translation: shorten(t.url), sourceLine: pairLine },
          side: "translation",
          start: t.link.start,
          end: t.link.end,
          ...(options.added === "warn" ? { severity: "warn" as const } : {}),
        });
      }
    }

    /**
     * A translation that points to a copy of the page in its own language (the translated
     * edition of a newsletter, say) localises the link rather than breaking it.
     */
    function localisedResource(url: string, sources: Target[]): boolean {
      const target = document.targetLanguage;
      if (!target || !namesLanguage(url, target)) return false;
      return !sources.some((s) => namesLanguage(s.url, target));
    }

    /** A link the translation lacks is reported on the translation's line that stands where the source's link does. */
    function reportMissing(s: Target, pair: Pair) {
      report({
        messageId: "missing",
        data: { source: shorten(s.url), label: s.link.label ? ` ('${s.link.label}')` : "", sourceLine: lineOf(s) },
        side: "translation",
        ...correspondingLine(document, pair, s.segment, s.link.start),
      });
    }
  },
});

/**
 * Whether a URL is localised the way a documentation site localises its pages, on the site of the
 * source's URL: a language subdomain (`pt-br.docs.example` for `docs.example`) or a language
 * folder in the path. Such a localisation keeps the rest of the URL (`sameTarget` checked it),
 * so a difference there is a changed target, not a translated resource.
 */
function localisedOnSameSite(translation: string, source: string, language: string): boolean {
  const [host, ...path] = canonicalUrl(translation).split("/");
  const sourceHost = canonicalUrl(source).split("/")[0];
  const labels = host.split(".");
  if (labels.length > 2 && isLanguageTag(labels[0], language)) return labels.slice(1).join(".") === sourceHost;
  return host === sourceHost && path.some((segment) => isLanguageTag(segment, language));
}

/** One report per URL, however many times a side repeats it. */
function unique(targets: Target[]): Target[] {
  const seen = new Set<string>();
  return targets.filter((t) => {
    const key = canonicalUrl(t.url);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
