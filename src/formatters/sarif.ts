import { isAbsolute, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { reportedIdDescription } from "../core/reported-ids.js";
import type { Formatter, RuleDescription } from "./types.js";

const SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const SOURCE_ROOT = "%SRCROOT%";

/**
 * A path segment as little encoded as a URI allows, so that it still reads as the file's name:
 * spaces, brackets, `%` and non-ASCII letters are encoded, and `#` `?` (which would end the path)
 * and `:` (which would make the first segment a scheme).
 */
function encodeSegment(segment: string): string {
  return encodeURI(segment).replace(/[#?:]/g, (c) => encodeURIComponent(c));
}

/** A path inside `cwd` as a relative URI reference; outside it, a file URI. */
function artifactLocation(filePath: string, cwd: string): { uri: string; uriBaseId?: string } {
  const rel = relative(cwd, filePath);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return { uri: pathToFileURL(filePath).href };
  return { uri: rel.split(sep).map(encodeSegment).join("/"), uriBaseId: SOURCE_ROOT };
}


function driverRule(rule: RuleDescription) {
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description },
    help: { text: `${rule.description} Suppress one finding with <!-- nl-lint-disable-next-line ${rule.id} -- reason -->.` },
    defaultConfiguration: { level: rule.severity === "error" ? "error" : "warning" },
    properties: { tags: ["translation", "markdown"] },
  };
}

/**
 * SARIF 2.1.0, as GitHub code scanning takes it: one run, the rules with their help, and each
 * finding with a physical location whose URI is relative to the folder nl-lint ran in.
 */
export const formatSarif: Formatter = (results, { cwd, rules = [], toolVersion }) => {
  const described = new Map(rules.map((r) => [r.id, r]));
  for (const result of results) {
    for (const m of result.messages) {
      if (!described.has(m.ruleId)) {
        described.set(m.ruleId, { id: m.ruleId, description: reportedIdDescription(m.ruleId) ?? m.ruleId, severity: m.severity === 2 ? "error" : "warn" });
      }
    }
  }
  const driverRules = [...described.values()].map(driverRule);
  const ruleIndex = new Map(driverRules.map((r, i) => [r.id, i]));
  const sarifResults = results.flatMap((result) =>
    result.messages.map((m) => ({
      ruleId: m.ruleId,
      ruleIndex: ruleIndex.get(m.ruleId)!,
      level: m.severity === 2 ? "error" : "warning",
      message: { text: m.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(m.filePath ?? result.filePath, cwd),
            region: {
              startLine: m.line,
              startColumn: m.column,
              endLine: Math.max(m.endLine, m.line),
              endColumn: m.endLine > m.line ? m.endColumn : Math.max(m.endColumn, m.column),
            },
          },
        },
      ],
    })),
  );
  const log = {
    $schema: SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "nl-lint",
            ...(toolVersion ? { version: toolVersion, semanticVersion: toolVersion } : {}),
            rules: driverRules,
          },
        },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: pathToFileURL(cwd.endsWith(sep) ? cwd : cwd + sep).href } },
        results: sarifResults,
        columnKind: "utf16CodeUnits",
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
