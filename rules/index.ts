import type { Rule } from "../src/rule.js";
import brokenLink from "./broken-link.js";
import commentSyntax from "./comment-syntax.js";
import linkCount from "./link-count.js";
import linkDestination from "./link-destination.js";
import mojibake from "./mojibake.js";
import typo from "./typo.js";

/** Every built-in rule, in the order they run and are documented. */
export const builtinRules: Rule[] = [brokenLink, linkCount, mojibake, commentSyntax, typo, linkDestination];
