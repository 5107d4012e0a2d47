import * as z from "zod";
import { firstLineOf } from "../src/core/report-range.js";
import { defineRule, type SourceDrift } from "../src/core/rule.js";
import { describeLines, driftedBlocks, type DriftedBlock } from "../src/drift/drift-blocks.js";
import { driftSinceStamp, STAMP_SINCE } from "../src/drift/fingerprint.js";
import type { LintDocument } from "../src/core/types.js";

/**
 * A translation whose source changed after it was made, reported on the translation blocks that
 * render the changed source blocks, naming the source lines. How the source changed comes from
 * the caller (`settings.sourceDrift`: git history, a recorded commit) or, failing that, from the
 * stamp `nl-lint status --stamp` keeps in the translation's front matter, compared here with the
 * source as it is now. Off by default: it needs that history to say anything. Edits that need no
 * re-translation are left out where the history is read (src/drift/trivial-edits.ts), so that
 * this rule and `nl-lint status` agree.
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
  description:
    "A translation whose source changed after it was made (from git history, a recorded source commit, or a stamp); edits of white space, punctuation or link targets only, and commits whose message says `[nl-lint skip]` or `fix typo`, are not changes unless the configuration's `drift` counts them.",
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
  examples: {
    valid: [
      {
        title: "Nothing changed in the source since the French translation was made.",
        filePath: "/site/fr/install.md",
        source: "# Install\n\nDownload the installer.\n\nRun it as an administrator.\n",
        code: "# Installation\n\nTéléchargez l'installateur.\n\nLancez-le en tant qu'administrateur.\n",
        settings: { drift: { changedLines: [], removedAfter: [], since: "since commit 1a2b3c4" } },
      },
      {
        title: "Without any history (no drift from the caller, no stamp in the front matter) the rule says nothing.",
        filePath: "/site/es/install.md",
        source: "# Install\n\nDownload the installer.\n",
        code: "# Instalación\n\nDescarga el instalador.\n",
      },
    ],
    invalid: [
      {
        title: "A source paragraph changed after the French translation was made: its translation is reported.",
        filePath: "/site/fr/install.md",
        source: "# Install\n\nDownload the installer.\n\nRun it as an administrator, then restart.\n",
        code: "# Installation\n\nTéléchargez l'installateur.\n\nLancez-le en tant qu'administrateur.\n",
        settings: { drift: { changedLines: [[5, 5]], removedAfter: [], since: "since commit 1a2b3c4" } },
        messages: ["The source changed here since commit 1a2b3c4: source line 5."],
      },
      {
        title: "A paragraph added to the source that the Spanish translation does not have yet.",
        filePath: "/site/es/install.md",
        source: "# Install\n\nDownload the installer.\n\nCheck its signature first.\n",
        code: "# Instalación\n\nDescarga el instalador.\n",
        settings: { drift: { changedLines: [[5, 5]], removedAfter: [], since: "since commit 1a2b3c4" } },
        messages: ["Source line 5 changed since commit 1a2b3c4 and nothing in this translation renders it; it belongs after this block."],
      },
    ],
  },
  check({ document, settings, report }) {
    if (document.mode !== "parallel") return;
    const drift = driftOf(document, settings.sourceDrift);
    if (!drift) return;
    for (const block of driftedBlocks(document, drift)) {
      const span = block.translation ?? block.after;
      // Something must carry the finding: the block that renders it, or the one it comes after; else the first line.
      const { start, end } = firstLineOf(document.lines, span ?? { start: 0, end: document.text.length });
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
