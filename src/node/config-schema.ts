import * as z from "zod";
import type { RuleSetting } from "../core/lint.js";
import type { Rule } from "../core/rule.js";
import { describeIssues, formatPath, type ValidationProblem } from "../core/zod-messages.js";
import { urlCheckSchema } from "./url-check/options.js";

const SEVERITIES = ["off", "warn", "error"] as const;
const severity = z.enum(SEVERITIES);

/** A source and a translation pattern in which `{lang}` stands for a language tag (and `{a,b}` for either, where `braces` allows). */
function sourceAndTranslation(braces: boolean) {
  return z
    .object({ source: z.string().min(1), translation: z.string().min(1) })
    .strict()
    .superRefine((pair, ctx) => {
      for (const side of ["source", "translation"] as const) {
        for (const m of pair[side].matchAll(/\{([^{}]*)\}/g)) {
          if (m[1] !== "lang" && !(braces && m[1].includes(","))) {
            ctx.addIssue({ code: "custom", path: [side], message: `unknown placeholder {${m[1]}}: the only one is {lang}` });
          }
        }
      }
    });
}

/** A source path or pattern and where its translations are; `{lang}` stands for a language tag. */
const pairPattern = sourceAndTranslation(true);

/**
 * A URL prefix and its localised form: `{source: "https://example.dev/", translation: "https://{lang}.example.dev/"}`;
 * `{lang}` stands for the source's language on the source side and the target's on the translation side.
 */
const urlLocalization = sourceAndTranslation(false);

/**
 * `glossary`: source term → language tag (or `*`) → the forms a translation may use:
 * `{"pull request": {"pt-BR": ["pull request"], "es": ["solicitud de incorporación", "pull request"]}}`.
 */
const glossarySchema = z.record(
  z.string().trim().min(1, "a glossary term must not be empty"),
  z.record(z.string(), z.array(z.string().trim().min(1, "an allowed form must not be empty")).min(1, "list at least one allowed form")).superRefine((byLanguage, ctx) => {
    for (const tag of Object.keys(byLanguage)) {
      if (!/^\*$|^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/.test(tag)) ctx.addIssue({ code: "custom", path: [tag], message: "expected a language tag (pt-BR, es) or * for every language" });
    }
  }),
);

/** Rule modules: a path relative to the configuration file, or a package name. */
export const pluginsSchema = z.array(z.string().min(1));

/** Everything a configuration file may hold; `rules` is checked rule by rule, against each rule's schema. */
export const configFileSchema = z
  .object({
    $schema: z.string().optional(),
    rules: z.record(z.string(), z.unknown()).optional(),
    sourceLanguage: z.string().min(1).optional(),
    targetLanguage: z.string().min(1).optional(),
    pairs: z.array(pairPattern).optional(),
    ignores: z.array(z.string().min(1)).optional(),
    words: z.array(z.string().min(1)).optional(),
    /**
     * Hunspell dictionaries by language tag, for languages no `dictionary-*` package or system
     * dictionary covers: a path without extension (`dicts/ro_RO` for `.aff` and `.dic`) or both files.
     */
    dictionaries: z.record(z.string().regex(/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/, "expected a language tag"), z.union([z.string().min(1), z.object({ aff: z.string().min(1), dic: z.string().min(1) }).strict()])).optional(),
    corrections: z.record(z.string().min(1), z.string()).optional(),
    urlLocalizations: z.array(urlLocalization).optional(),
    reportUnusedDisableDirectives: severity.optional(),
    /** `--check-urls`: allow and deny lists of URL patterns, politeness and the cache's time-to-live. */
    urlCheck: urlCheckSchema.optional(),
    /** A translation's front-matter key (dots for nesting) that records the source commit it was made from. */
    sourceCommitKey: z.string().min(1).optional(),
    /**
     * What counts as a source change a translation must follow (`status`, `stale-translation`):
     * whitespace, wrapping, punctuation and link targets only are ignored unless
     * `countTrivialEdits`; commits whose message holds a `skipKeywords` entry are skipped.
     */
    drift: z.object({ countTrivialEdits: z.boolean().optional(), skipKeywords: z.array(z.string().min(1)).optional() }).strict().optional(),
    /** Read every file as MDX (`.mdx` files always are): for `.md` pages a site renders with MDX. */
    mdx: z.boolean().optional(),
    /** Read generic directives (`:::note`, `:::tip[Title]`); by default only `.mdx` files do. */
    directives: z.boolean().optional(),
    /** `--fix`: which rules' fixes are applied (all by default), as `--fix-type` says on the command line. */
    fix: z.object({ rules: z.array(z.string().min(1)) }).strict().optional(),
    /** Rule modules to load (paths relative to this file, or package names); see src/node/plugins.ts. */
    plugins: pluginsSchema.optional(),
    /** Terms and their allowed translations, for the `glossary` rule. */
    glossary: glossarySchema.optional(),
    /** A glossary file (`.csv` or `.tbx`), relative to this file; its terms add to `glossary`. */
    glossaryFile: z.string().min(1).optional(),
    /**
     * The folder of the source files, relative to this file, as `--source-root` names it (which
     * wins): a translation pairs with the file at the same relative path there.
     */
    sourceRoot: z.string().min(1).optional(),
  })
  .strict();

export type ConfigFile = Omit<z.infer<typeof configFileSchema>, "rules"> & { rules?: Record<string, RuleSetting> };

export interface ConfigProblem {
  /** `rules.typo.words`, or "" for the whole file. */
  path: string;
  message: string;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

function checkRule(id: string, setting: unknown, rule: Rule | undefined, known: string[]): ConfigProblem[] {
  const path = formatPath(["rules", id]);
  if (!rule) {
    const near = known.filter((k) => editDistance(k, id) <= 2);
    return [{ path, message: `unknown rule${near.length ? ` (did you mean ${near.join(" or ")}?)` : ""}; known rules: ${known.join(", ")}` }];
  }
  const expected = `expected "off", "warn" or "error", or [severity, options]`;
  const [level, options, ...extra] = Array.isArray(setting) ? setting : [setting];
  if (typeof level !== "string" || !(SEVERITIES as readonly string[]).includes(level)) {
    return [{ path: Array.isArray(setting) ? `${path}[0]` : path, message: `${expected}, got ${JSON.stringify(level)}` }];
  }
  if (extra.length > 0) return [{ path, message: `${expected}: a list of at most 2 items` }];
  if (options === undefined) return [];
  const parsed = rule.schema.safeParse(options);
  if (parsed.success) return [];
  // Options sit at index 1 of the setting, but readers name them after the rule: rules.typo.words.
  return describeIssues(rule.schema, options, parsed.error.issues).map((p) => ({
    path: formatPath(["rules", id, ...p.path]),
    message: p.message,
  }));
}

/** Checks a parsed configuration file; problems name the key path and what was expected there. */
export function validateConfig(raw: unknown, ruleSet: Rule[]): { config: ConfigFile } | { problems: ConfigProblem[] } {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return { problems: [{ path: "", message: `expected an object of settings, got ${Array.isArray(raw) ? "an array" : JSON.stringify(raw)}` }] };
  }
  const problems: ConfigProblem[] = [];
  const parsed = configFileSchema.safeParse(raw);
  if (!parsed.success) {
    for (const p of describeIssues(configFileSchema, raw, parsed.error.issues)) problems.push({ path: formatPath(p.path), message: p.message });
  }
  const rules = (raw as { rules?: unknown }).rules;
  if (rules !== undefined && rules !== null && typeof rules === "object" && !Array.isArray(rules)) {
    const byId = new Map(ruleSet.map((r) => [r.id, r]));
    const known = ruleSet.map((r) => r.id);
    for (const [id, setting] of Object.entries(rules)) problems.push(...checkRule(id, setting, byId.get(id), known));
  }
  if (parsed.success) problems.push(...checkFixRules(parsed.data.fix?.rules ?? [], ruleSet));
  if (problems.length > 0) return { problems };
  return { config: parsed.data as ConfigFile };
}

/** `fix.rules` may only name rules that exist and have fixes. */
function checkFixRules(ids: string[], ruleSet: Rule[]): ConfigProblem[] {
  const fixable = ruleSet.filter((r) => r.fixable).map((r) => r.id);
  return ids.flatMap((id, index) =>
    fixable.includes(id) ? [] : [{ path: formatPath(["fix", "rules", index]), message: `${JSON.stringify(id)} is not a rule with fixes; rules with fixes: ${fixable.join(", ")}` }],
  );
}
