import * as z from "zod";
import type { ExampleSettings, Rule, RuleExample } from "./rule.js";
import { describeSchema } from "./zod-messages.js";

/**
 * The rules' documentation, made from the rules themselves: a page a rule (`docs/rules/<id>.md`)
 * and the README's table of rules. Pure: `scripts/rule-docs.mjs` writes what this returns, and a
 * test compares it with the files on disk, so a page never drifts from its rule.
 */

export const RULE_DOCS_FOLDER = "docs/rules";
export const TABLE_START = "<!-- rules:start -->";
export const TABLE_END = "<!-- rules:end -->";

type JsonSchema = Parameters<typeof describeSchema>[0] & { default?: unknown; description?: string; minimum?: number; maximum?: number };

/** Where a rule's page lives, relative to the project's root. */
export function rulePagePath(rule: Rule): string {
  return `${RULE_DOCS_FOLDER}/${rule.id}.md`;
}

function longestBacktickRun(text: string): number {
  return Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
}

/** A fence longer than any run of backticks in `text`, so that the text shows as written. */
function fenced(text: string, language = "markdown"): string {
  const fence = "`".repeat(Math.max(3, longestBacktickRun(text) + 1));
  return `${fence}${language}\n${text.endsWith("\n") ? text : `${text}\n`}${fence}`;
}

/** Inline code that may itself hold backticks. */
function code(text: string): string {
  const longest = longestBacktickRun(text);
  const ticks = "`".repeat(longest + 1);
  return longest > 0 ? `${ticks} ${text} ${ticks}` : `${ticks}${text}${ticks}`;
}

function tableCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function isOnByDefault(rule: Rule): boolean {
  return rule.enabledByDefault !== false;
}

/** The option's type in words, with the bounds zod adds for a safe integer left out. */
function optionType(schema: JsonSchema): string {
  const words = describeSchema(schema);
  const atLeast = schema.minimum !== undefined && schema.minimum > Number.MIN_SAFE_INTEGER ? `, at least ${schema.minimum}` : "";
  const atMost = schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER ? `, at most ${schema.maximum}` : "";
  return words + atLeast + atMost;
}

function optionsSection(rule: Rule): string[] {
  const json = z.toJSONSchema(rule.schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  const properties = Object.entries(json.properties ?? {}) as Array<[string, JsonSchema]>;
  if (properties.length === 0) return ["## Options", "", "None."];
  const rows = properties.map(([name, schema]) => {
    const fallback = schema.default === undefined ? "" : code(JSON.stringify(schema.default));
    return `| ${code(name)} | ${tableCell(optionType(schema))} | ${fallback} | ${tableCell(schema.description ?? "")} |`;
  });
  const defaults = properties.map(([name, s]) => `      ${JSON.stringify(name)}: ${JSON.stringify(s.default ?? null)}`);
  const example = [`{`, `  "rules": {`, `    ${JSON.stringify(rule.id)}: [${JSON.stringify(rule.severity)}, {`, defaults.join(",\n"), `    }]`, `  }`, `}`].join("\n");
  return [
    "## Options",
    "",
    "| option | type | default | meaning |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
    "In `.nl-lint.json`, with the defaults:",
    "",
    fenced(example, "json"),
  ];
}

/** The services an example needs, in words: what a run would have provided. */
function settingsLines(settings: ExampleSettings): string[] {
  const lines: string[] = [];
  for (const [language, words] of Object.entries(settings.dictionaries ?? {})) {
    lines.push(`- Words the \`${language}\` dictionary knows: ${words.map(code).join(", ")}.`);
  }
  if (settings.words) lines.push(`- Words the project accepts: ${settings.words.map(code).join(", ")}.`);
  if (settings.corrections) lines.push(`- The project's corrections: ${code(JSON.stringify(settings.corrections))}.`);
  if (settings.urlLocalizations) lines.push(`- URL localizations: ${code(JSON.stringify(settings.urlLocalizations))}.`);
  if (settings.glossary) lines.push(`- The glossary: ${code(JSON.stringify(settings.glossary))}.`);
  if (settings.drift) {
    const { changedLines, removedAfter, since } = settings.drift;
    const changed = changedLines.map(([from, to]) => (from === to ? `${from}` : `${from}-${to}`)).join(", ");
    const parts = [
      ...(changed ? [`source lines ${changed} changed`] : []),
      ...(removedAfter.length ? [`text was removed after source line ${removedAfter.join(", ")}`] : []),
    ];
    lines.push(`- The source's history, ${since}: ${parts.join("; ") || "nothing changed"}.`);
  }
  for (const [path, text] of Object.entries(settings.files ?? {})) {
    lines.push(`- The run sees the file ${code(path)}${text.trim() ? `:\n\n${indent(fenced(text))}` : "."}`);
  }
  return lines;
}

function indent(text: string): string {
  return text.replace(/^(?=.)/gm, "  ");
}

function exampleSection(example: RuleExample): string[] {
  const lines = [`### ${example.title}`, ""];
  const context: string[] = [];
  if (example.targetLanguage) context.push(`- Language of the translation: \`${example.targetLanguage}\`.`);
  if (example.options !== undefined) context.push(`- Options: ${code(JSON.stringify(example.options))}.`);
  if (example.settings) context.push(...settingsLines(example.settings));
  if (context.length > 0) lines.push(...context, "");
  for (const other of example.otherFiles ?? []) lines.push(`Another file of the run, ${code(other.filePath)}:`, "", fenced(other.code), "");
  if (example.source !== undefined) {
    lines.push(`Source${example.sourcePath ? ` (${code(example.sourcePath)})` : ""}:`, "", fenced(example.source), "");
    lines.push(`Translation${example.filePath ? ` (${code(example.filePath)})` : ""}:`, "");
  } else if (example.filePath) {
    lines.push(`${example.otherFiles?.length ? "The file reported on, " : ""}${code(example.filePath)}:`, "");
  }
  lines.push(fenced(example.code), "");
  if (example.messages?.length) lines.push("Reported:", "", fenced(example.messages.join("\n"), "text"), "");
  if (example.output !== undefined) lines.push("After `--fix`:", "", fenced(example.output), "");
  return lines;
}

/** A rule's page: what it reports, its defaults, its options and its examples. */
export function rulePage(rule: Rule): string {
  const examples = rule.examples ?? { valid: [], invalid: [] };
  const lines = [
    `<!-- Generated from the rule by \`npm run docs\`: edit the rule (its description, schema and examples), not this page. -->`,
    "",
    `# ${rule.id}`,
    "",
    rule.description,
    "",
    `- Severity: \`${rule.severity}\``,
    `- On by default: ${isOnByDefault(rule) ? "yes" : "no (turn it on in the configuration, or with `--only`)"}`,
    `- Fixable: ${rule.fixable ? "yes, where the fix is certain (`--fix`)" : "no"}`,
    "",
    ...optionsSection(rule),
    "",
    "## Valid",
    "",
    "Each of these gives no finding of this rule.",
    "",
    ...examples.valid.flatMap(exampleSection),
    "## Invalid",
    "",
    "Each of these gives exactly the findings listed, in order.",
    "",
    ...examples.invalid.flatMap(exampleSection),
  ];
  return `${lines.join("\n").trimEnd()}\n`;
}

/** The README's table of rules, each id linked to its page. */
export function rulesTable(rules: Rule[]): string {
  const rows = rules.map((rule) => {
    const onByDefault = isOnByDefault(rule) ? rule.severity : "off";
    return `| [\`${rule.id}\`](${rulePagePath(rule)}) | ${onByDefault} | ${rule.fixable ? "yes" : ""} | ${tableCell(rule.description)} |`;
  });
  return ["| rule | default | fixable | what it reports |", "| --- | --- | --- | --- |", ...rows].join("\n");
}

/** The README with its table of rules (between the marker comments) made from `rules`. */
export function withRulesTable(readme: string, rules: Rule[]): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the markers ${TABLE_START} and ${TABLE_END} around the rules table`);
  return `${readme.slice(0, start + TABLE_START.length)}\n${rulesTable(rules)}\n${readme.slice(end)}`;
}

/** Every page, path relative to the project's root → text. */
export function rulePages(rules: Rule[]): Map<string, string> {
  return new Map(rules.map((rule) => [rulePagePath(rule), rulePage(rule)]));
}
