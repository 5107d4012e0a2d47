import { commentsOfTree } from "../../src/pair/segments.js";
import type { LintDocument } from "../../src/core/types.js";

/**
 * The comment `--fix` writes above a translation whose source comment it brought up to date: the
 * translation still renders the old English, and only a person can say how it should change. It
 * is an nl-lint directive (`nl-lint-review`), so it is never read as source text, suppresses
 * nothing, and is reported on every run until it is deleted.
 */
export const REVIEW_MARKER = "<!-- nl-lint-review -- source changed: check this translation, then delete this line -->";

const MARKER_INSIDE = /^\s*nl-lint-review(?:\s|$)/;

/** The review markers of a document, as offsets of their comments. */
export function reviewMarkers(document: LintDocument): Array<{ start: number; end: number }> {
  return commentsOfTree(document.root, document.text)
    .filter(({ span, inner }) => span.closed && MARKER_INSIDE.test(inner))
    .map(({ span }) => ({ start: span.start, end: span.end }));
}
