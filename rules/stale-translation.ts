import * as z from "zod";
import { defineRule, type SourceDrift } from "../src/rule.js";
import { describeLines, driftedBlocks, type DriftedBlock } from "../src/drift/drift-blocks.js";
import { driftSinceStamp, STAMP_SINCE } from "../src/drift/fingerprint.js";
import type { LintDocument } from "../src/types.js";

/**
 * A translation whose source changed after it was made, reported on the translation blocks that
 * render the changed source blocks, naming the source lines. How the source changed comes from
 * the caller (`settings.sourceDrift`: git history, a recorded commit) or, failing that, from the
 * stamp `nl-lint status --stamp` keeps in the translation's front matter, compared here with the
 * source as it is now. Off by default: it needs that history to say anything.
 *
 * @example invalid
 * (translation stamped against "Install the package." — the source now says "Install the package with npm.")
 * → "The source changed here since the translation was stamped: source line 3."
 */

function driftOf(document: LintDocument, given: Record<string, SourceDrift> | undefined): SourceDrift | undefined {
  const fromCaller = document.filePath === undefined ? undefined : given?.[document.filePath];
  if (fromCaller) return fromCaller;
  const stamp = driftSinceStamp(document);
  return stamp ? { ...stamp, since: STAMP_SINCE } : undefined;
}

function messageFor(block: DriftedBlock): "changed" | "untranslated" | "removed" | "removedNearby" {
  if (block.change === "removed") return block.translation ? "removed" : "removedNearby";
  return block.translation ? "changed" : "untranslated";
}

export default defineRule({
  id: "stale-translation",
  description: "A translation whose source changed after it was made (from git history, a recorded source commit, or a stamp).",
  severity: "warn",
  enabledByDefault: false,
  fixable: false,
  uses: ["sourceDrift"],
  schema: z.object({}).strict(),
  messages: {
    changed: "The source changed here {{since}}: source {{lines}}.",
    untranslated: "Source {{lines}} changed {{since}} and nothing in this translation renders it; it belongs after this block.",
    removed: "Source text was removed {{since}} (after source line {{line}}); this block may still render it.",
    removedNearby: "Source text was removed {{since}} (after source line {{line}}); check the translation after this block.",
  },
  check({ document, settings, report }) {
    if (document.mode !== "parallel") return;
    const drift = driftOf(document, settings.sourceDrift);
    if (!drift) return;
    for (const block of driftedBlocks(document, drift)) {
      const span = block.translation ?? block.after;
      // Something must carry the finding: the block that renders it, or the one it comes after; else the first line.
      const start = span?.start ?? 0;
      const lineEnd = document.lines.starts[document.lines.position(start).line] ?? document.text.length;
      const end = Math.max(start, Math.min(span?.end ?? lineEnd, lineEnd - 1));
      const lines = block.sourceLines.length === 1 && block.sourceLines[0][0] === block.sourceLines[0][1] ? "line" : "lines";
      report({
        messageId: messageFor(block),
        data: { since: drift.since, lines: `${lines} ${describeLines(block.sourceLines)}`, line: block.removedAfter ?? 0 },
        side: "translation",
        start,
        end,
      });
    }
  },
});
