import type { Formatter } from "./types.js";

/** ESLint's JSON result shape; offsets and the side are kept for tools that want them. */
export const formatJson: Formatter = (results) =>
  JSON.stringify(
    results.map((r) => ({
      ...r,
      messages: r.messages.map(({ start, end, ...m }) => ({ ...m, range: [start, end] })),
    })),
  );
