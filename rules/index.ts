import type { Rule } from "../src/core/rule.js";
import brokenLink from "./broken-link.js";
import inconsistentTranslation from "./inconsistent-translation/index.js";
import commentSyntax from "./comment-syntax.js";
import linkCount from "./link-count.js";
import linkDestination from "./link-destination/index.js";
import linkTarget from "./link-target.js";
import missingItem from "./missing-item/index.js";
import mojibake from "./mojibake/index.js";
import numberMismatch from "./number-mismatch/index.js";
import repeatedWord from "./repeated-word/index.js";
import staleTranslation from "./stale-translation.js";
import typo from "./typo.js";
import untranslated from "./untranslated/index.js";
import codeMismatch from "./code-mismatch/index.js";
import markupMismatch from "./markup-mismatch/index.js";
import outdatedSource from "./outdated-source/index.js";
import glossary from "./glossary/index.js";
import missingSentence from "./missing-sentence/index.js";

/** Every built-in rule, in the order they run and are documented. */
export const builtinRules: Rule[] = [brokenLink, linkCount, mojibake, commentSyntax, typo, linkDestination, staleTranslation, missingItem, untranslated, linkTarget, numberMismatch, codeMismatch, markupMismatch, glossary, inconsistentTranslation, repeatedWord, outdatedSource, missingSentence];
