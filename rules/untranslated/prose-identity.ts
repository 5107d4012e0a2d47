import { featuresOf } from "../../src/pair/features.js";
import type { LintDocument } from "../../src/core/types.js";

/** The block kinds whose text is prose a translator rewrites (not code, tables or images). */
const PROSE = new Set(["paragraph", "listItem", "heading"]);

export interface ProseIdentity {
  /** Letters and digits of translated prose (paragraphs, list items, headings) in matched pairs. */
  proseLength: number;
  /** The part of it that is the same text as its source. */
  identicalLength: number;
  /** `identicalLength / proseLength`, 0 when there is no prose: near 1 for a page left in the source language. */
  share: number;
}

const identityCache = new WeakMap<LintDocument, ProseIdentity>();

function comparable(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * How much of a parallel translation is its source copied unchanged: a per-document signal, so
 * that a page nobody translated can be reported once rather than once per paragraph.
 */
export function proseIdentity(document: LintDocument): ProseIdentity {
  let cached = identityCache.get(document);
  if (cached) return cached;
  let proseLength = 0;
  let identicalLength = 0;
  for (const pair of document.pairs) {
    if (pair.sources.length === 0 || pair.translations.length === 0) continue;
    if (!pair.translations.every((t) => PROSE.has(t.kind))) continue;
    const length = pair.translations.reduce((n, t) => n + featuresOf(t).length, 0);
    proseLength += length;
    const source = comparable(pair.sources.map((s) => s.raw).join("\n"));
    const translation = comparable(pair.translations.map((t) => t.raw).join("\n"));
    if (source === translation) identicalLength += length;
  }
  cached = { proseLength, identicalLength, share: proseLength === 0 ? 0 : identicalLength / proseLength };
  identityCache.set(document, cached);
  return cached;
}

