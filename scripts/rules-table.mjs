#!/usr/bin/env node
// Prints the README's rule table from the rules themselves (run after `npm run build`);
// with --write, replaces the table between the markers in README.md.
import { readFileSync, writeFileSync } from "node:fs";
import { builtinRules } from "../dist/rules/index.js";

export function rulesTable(rules) {
  const rows = rules.map((r) => `| \`${r.id}\` | ${r.enabledByDefault === false ? "off" : r.severity} | ${r.fixable ? "yes" : ""} | ${r.description} |`);
  return ["| rule | default | fixable | what it reports |", "| --- | --- | --- | --- |", ...rows].join("\n");
}

const table = rulesTable(builtinRules);
if (process.argv.includes("--write")) {
  const readme = readFileSync("README.md", "utf8");
  const updated = readme.replace(/(<!-- rules:start -->)[\s\S]*?(<!-- rules:end -->)/, `$1\n${table}\n$2`);
  writeFileSync("README.md", updated);
} else {
  console.log(table);
}
