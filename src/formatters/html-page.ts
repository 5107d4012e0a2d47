import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { Element, ElementContent, Root as HastRoot } from "hast";
import { toHtml } from "hast-util-to-html";
import { element, textNode } from "./html-render.js";

/**
 * What the lint report and the status dashboard share: a page locked by a content security
 * policy, and sections whose markup stays gzipped until a reader opens them.
 */

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("base64");
}

/**
 * The page's policy: only its own script and style (by hash) run, nothing loads. A second wall
 * behind the escaping: nothing from a file name, a title or a post can run or load anything.
 */
export function lockedPolicy(script: string, css: string): string {
  return [
    "default-src 'none'",
    `script-src 'sha256-${sha256(script)}'`,
    `style-src 'sha256-${sha256(css)}'`,
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** A whole self-contained page: the policy, the style, the body, then the script. */
export function lockedPage(parts: { title: string; css: string; script: string; body: ElementContent[] }): string {
  const page: HastRoot = {
    type: "root",
    children: [
      { type: "doctype" },
      element("html", { lang: "en" }, [
        element("head", {}, [
          element("meta", { charSet: "utf-8" }),
          element("meta", { httpEquiv: ["Content-Security-Policy"], content: lockedPolicy(parts.script, parts.css) }),
          element("meta", { name: "viewport", content: "width=device-width, initial-scale=1" }),
          element("title", {}, [textNode(parts.title)]),
          element("style", {}, [textNode(parts.css)]),
        ]),
        element("body", {}, [...parts.body, element("script", {}, [textNode(parts.script)])]),
      ]),
    ],
  };
  return `${toHtml(page)}\n`;
}

/**
 * Markup kept gzipped, not parsed, until its section is opened: a report of thousands of files
 * stays a few megabytes the browser reads at once. Base64 holds no '<', so the data cannot end
 * its element. `readLazyData` (in the page's script) turns it back into markup.
 */
export function lazyData(children: ElementContent[]): Element {
  const markup = toHtml({ type: "root", children });
  return element("script", { type: "application/gzip", className: ["file-data"] }, [textNode(gzipSync(markup).toString("base64"))]);
}

/**
 * The page-side reader of `lazyData`, as source put before a client script; the client declares it
 * (`declare function readLazyData`) since it is inlined by text, not imported.
 */
export const LAZY_DATA_READER = `async function readLazyData(data) {
  const bytes = Uint8Array.from(atob(data.textContent || ""), (c) => c.charCodeAt(0));
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).text();
}
`;
