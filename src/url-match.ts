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
      // Host: `en.example.org` → `pt.example.org`; the path may then be translated too.
      const sh = s[0].split(".");
      const th = t[0].split(".");
      if (sh.length === th.length && from.has(sh[0]) && to.has(th[0]) && sh.slice(1).join(".") === th.slice(1).join(".")) return true;
      return false;
    }
    if (from.has(s[i]) && to.has(t[i])) swapped = true;
    else return false;
  }
  return swapped;
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
  if (sameRelativeTarget(s, t)) return true;
  for (const l of options.localizations ?? []) {
    const from = canonicalUrl(l.source);
    const to = canonicalUrl(l.translation);
    if (s.startsWith(from) && t.startsWith(to) && s.slice(from.length) === t.slice(to.length)) return true;
  }
  if (options.sourceLanguage && options.targetLanguage) return languageSwapped(s, t, options.sourceLanguage, options.targetLanguage);
  return false;
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
