import { formatCompact } from "./compact.js";
import { formatGithub } from "./github.js";
import { formatJson } from "./json.js";
import { formatSarif } from "./sarif.js";
import { formatStylish } from "./stylish.js";
import type { Formatter } from "./types.js";

const builtIn: Record<string, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  compact: formatCompact,
};

export const formatterNames = [...Object.keys(builtIn), "html"];

/** The formatter of a name; the HTML report's renderer is loaded only for it (it is most of the start-up). */
export async function loadFormatter(name: string): Promise<Formatter> {
  if (name === "html") return (await import("./html.js")).formatHtml;
  const formatter = builtIn[name];
  if (!formatter) throw new Error(`unknown format '${name}'`);
  return formatter;
}

/** Formats that show each file's text, so the engine keeps its pairs (`FileResult.review`) for them alone. */
export const reviewFormats = new Set(["html"]);
