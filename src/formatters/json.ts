import type { Formatter } from "./types.js";

/** ESLint's JSON result shape; offsets and the side are kept for tools that want them. */
export const formatJson: Formatter = (results) =>
  JSON.stringify(
    // The text before fixing is for the diff of the stylish format; ESLint's shape has `output` only.
    results.map(({ originalText, ...r }) => ({
      ...r,
      messages: r.messages.map(({ start, end, ...m }) => ({ ...m, range: [start, end] })),
    })),
  );
