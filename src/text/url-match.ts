/**
 * Whether a translation's URL points where its source's does. A translation may change how a
 * URL is written (scheme, `www.`, a trailing slash, tracking parameters, the anchor, which
 * follows translated headings) and may point to the localised page of a site that has one.
 */

export interface UrlLocalization {
  source: string;
  translation: string;
}

const TRACKING = /^(?:utm_[a-z_]+|ref|ref_src|ref_url|fbclid|gclid|mc_cid|mc_eid|igshid)$/i;

/** The URL reduced to what decides where it leads: host and path, lower-cased, and the query that matters. */
export function canonicalUrl(url: string): string {
  let rest = url.trim().replace(/^<|>$/g, "");
  rest = rest.replace(/[.,;:!?*_]+$/, "");
  const hash = rest.indexOf("#");
  if (hash >= 0) rest = rest.slice(0, hash);
  let query = "";
  const q = rest.indexOf("?");
  if (q >= 0) {
    query = rest
      .slice(q + 1)
      .split("&")
      .filter((p) => p && !TRACKING.test(p.split("=")[0]))
      .sort()
      .join("&");
    rest = rest.slice(0, q);
  }
  rest = rest
    .replace(/^https?:\/\//i, "")
    .replace(/^\/\//, "")
    .replace(/^www\./i, "")
    .replace(/\/(?:index\.html?)?$/i, "")
    .replace(/\/+$/, "");
  return (decoded(rest) + (query ? `?${decoded(query)}` : "")).toLowerCase();
}

/**
 * The text with its escapes decoded and `+` read as a space: a query encodes a space as `+`
 * or `%20` (`good+first`, `good%20first`), and a path keeps `+` as written or escapes it
 * (`C++`, `C%2B%2B`). Reading every plus as a space equates all of these; a link that
 * changed only a plus into a space is not worth a finding.
 */
function decoded(text: string): string {
  // Run by run of escapes: a stray `%` (a Hugo `{{% param %}}` in the URL) spoils no other escape.
  const unescaped = text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
  return unescaped.replace(/\+/g, " ");
}

/** Whether the URL points into the same page (an anchor only): anchors follow translated headings. */
export function isAnchorOnly(url: string): boolean {
  return url.trim().startsWith("#");
}

function tagVariants(tag: string): string[] {
  const t = tag.toLowerCase();
  const [language, region] = t.split(/[-_]/);
  const variants = new Set([t, language]);
  if (region) {
    variants.add(`${language}-${region}`);
    variants.add(`${language}_${region}`);
  }
  return [...variants];
}

/**
 * Default localisations when the languages are known: a path segment or a subdomain naming the
 * source language (`/en/`, `/en-us/`, `en.wikipedia.org`) replaced by one naming the target.
 */
function languageSwapped(source: string, translation: string, sourceLanguage: string, targetLanguage: string): boolean {
  const from = new Set([...tagVariants(sourceLanguage), `${sourceLanguage.split("-")[0]}-us`, `${sourceLanguage.split("-")[0]}-gb`]);
  const to = new Set(tagVariants(targetLanguage));
  const s = source.split("/");
  const t = translation.split("/");
  if (s.length !== t.length) {
    // A site that serves its source language without a prefix: `/docs/x` → `/pt-br/docs/x`.
    if (t.length === s.length + 1) {
      for (let i = 1; i < t.length; i++) {
        if (to.has(t[i]) && [...t.slice(0, i), ...t.slice(i + 1)].join("/") === source) return true;
      }
    }
    return false;
  }
  let swapped = false;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === t[i]) continue;
    if (i === 0) {
      if (!hostLocalized(s[0], t[0], from, to)) return false;
      // `en.example.org` → `pt.example.org` may translate the path too; a host that only gains
      // the language (`example.dev` → `pt-br.example.dev`) must keep the rest of the URL.
      if (s[0].split(".").length === t[0].split(".").length) return true;
      swapped = true;
      continue;
    }
    if (from.has(s[i]) && to.has(t[i])) swapped = true;
    else return false;
  }
  return swapped;
}

/**
 * A documentation host localised by its subdomain: the source language's subdomain swapped for the
 * target's (`en.example.org` → `pt.example.org`), or the target's put before a host that serves
 * the source language without one (`example.dev` → `pt-br.example.dev`).
 */
function hostLocalized(source: string, translation: string, from: Set<string>, to: Set<string>): boolean {
  const sh = source.split(".");
  const th = translation.split(".");
  if (!to.has(th[0])) return false;
  if (sh.length === th.length) return from.has(sh[0]) && sh.slice(1).join(".") === th.slice(1).join(".");
  return th.length === sh.length + 1 && sh.length >= 2 && th.slice(1).join(".") === source;
}

/** A file or folder on a code host at some revision: `github.com/o/r/blob/<ref>/path`, `gitlab.com/o/r/-/tree/<ref>/path`. */
const CODE_HOST_FILE = /^((?:github\.com|gitlab\.com)\/[^/]+\/[^/]+\/(?:-\/)?(?:blob|tree|raw))\/([^/]+)(\/.+)$/;

/**
 * The same file of the same repository at another revision (a pinned commit for `main`, a tag for
 * a branch): a translation made earlier or later links the same document.
 */
function sameFileAtAnotherRevision(source: string, translation: string): boolean {
  const s = source.match(CODE_HOST_FILE);
  const t = translation.match(CODE_HOST_FILE);
  // A query on such a URL only says how to show the file (`?plain=1`) or where the revision came from (`?from_branch=main`).
  const file = (m: RegExpMatchArray) => m[3].replace(/\?.*$/, "");
  return s !== null && t !== null && s[1] === t[1] && file(s) === file(t);
}

/** `./build` and `/site/build` may name the same page: a relative path matches the end of the other. */
function sameRelativeTarget(a: string, b: string): boolean {
  const relative = (u: string) => !/^[a-z][a-z0-9+.-]*:|^\/|^[a-z0-9-]+(\.[a-z0-9-]+)+(\/|$)/.test(u);
  for (const [rel, other] of [[a, b], [b, a]]) {
    if (!relative(rel)) continue;
    const rest = rel.replace(/^(?:\.\.?(?:\/|$))+/, "");
    // Only `.` and `..` left: the page's own folder, which a site-absolute path may spell out.
    if (rest.length === 0) return other.startsWith("/");
    if (other === rest || other.endsWith(`/${rest}`)) return true;
  }
  return false;
}

/** Any language tag, for a `{lang}` whose language the run does not know: `pt`, `pt-br`, `zh_hans`. */
const ANY_TAG = "[a-z]{2,3}(?:[-_][a-z0-9]{2,8})?";

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A configured prefix as a pattern: `{lang}` stands for a tag of the given language, or any tag when it is unknown. */
function prefixPattern(prefix: string, language: string | undefined): string {
  const tags = language ? tagVariants(language).map(escaped).join("|") : ANY_TAG;
  return canonicalUrl(prefix)
    .split("{lang}")
    .map(escaped)
    .join(`(?:${tags})`);
}

/**
 * Whether canonical URLs `s` and `t` differ only by a configured localisation: the source starts
 * with its prefix, the translation with its own, and what follows is the same. `{lang}` in a prefix
 * stands for the source's language on the source side and the target's on the translation side.
 */
function localized(s: string, t: string, l: UrlLocalization, options: UrlMatchOptions): boolean {
  if (!l.source.includes("{lang}") && !l.translation.includes("{lang}")) {
    const from = canonicalUrl(l.source);
    const to = canonicalUrl(l.translation);
    return s.startsWith(from) && t.startsWith(to) && s.slice(from.length) === t.slice(to.length);
  }
  const from = s.match(new RegExp(`^${prefixPattern(l.source, options.sourceLanguage)}`));
  const to = t.match(new RegExp(`^${prefixPattern(l.translation, options.targetLanguage)}`));
  return from !== null && to !== null && s.slice(from[0].length) === t.slice(to[0].length);
}

export interface UrlMatchOptions {
  localizations?: UrlLocalization[];
  sourceLanguage?: string;
  targetLanguage?: string;
}

/** Whether translation URL `translation` may stand for source URL `source`. */
export function sameTarget(source: string, translation: string, options: UrlMatchOptions = {}): boolean {
  const s = canonicalUrl(source);
  const t = canonicalUrl(translation);
  if (s === t) return true;
  if (sameRelativeTarget(s, t) || sameFileAtAnotherRevision(s, t)) return true;
  for (const l of options.localizations ?? []) if (localized(s, t, l, options)) return true;
  if (options.sourceLanguage && options.targetLanguage) return languageSwapped(s, t, options.sourceLanguage, options.targetLanguage);
  return false;
}

/** Whether the text is a tag of the language, whole: `pt-br`, `pt_BR`, `pt`. */
export function isLanguageTag(text: string, language: string): boolean {
  return tagVariants(language).includes(text.toLowerCase());
}

/** Whether a URL names the language, as a localised copy of a page does (`/pt-br/`, `-PT-BR-`, `?lang=pt`). */
export function namesLanguage(url: string, language: string): boolean {
  const lower = url.toLowerCase();
  return tagVariants(language).some((tag) => {
    const loose = tag.replace(/[-_]/, "[-_]?");
    return new RegExp(`(?:^|[^a-z0-9])${loose}(?:[^a-z0-9]|$)`).test(lower);
  });
}

/** A web URL whose host is no domain name (a title pasted into it): `broken-link` reports it. */
export function hasBrokenHost(url: string): boolean {
  const match = url.match(/^https?:\/\/([^/?#]*)/i);
  if (!match) return false;
  const host = match[1].replace(/^[^@]*@/, "").replace(/:\d+$/, "");
  return !(host === "localhost" || /^[a-z0-9-]+(\.[a-z0-9-]+)+\.?$/i.test(host) || /^\[[0-9a-f:]+\]$/i.test(host));
}
