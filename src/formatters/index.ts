import { formatCompact } from "./compact.js";
import { formatGithub } from "./github.js";
import { formatHtml } from "./html.js";
import { formatJson } from "./json.js";
import { formatSarif } from "./sarif.js";
import { formatStylish } from "./stylish.js";
import type { Formatter } from "./types.js";

export const formatters: Record<string, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  compact: formatCompact,
  html: formatHtml,
};

/** Formats that show each file's text, so the engine keeps its pairs (`FileResult.review`) for them alone. */
export const reviewFormats = new Set(["html"]);
