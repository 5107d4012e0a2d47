#!/usr/bin/env node
// Writes each rule's page (docs/rules/<id>.md) and the README's table of rules from the rules in
// `builtinRules` (run through `npm run docs`, which builds first). Pages of rules that no longer
// exist are removed. With --check, writes nothing and exits 1 when a file is stale.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { builtinRules } from "../dist/rules/index.js";
import { RULE_DOCS_FOLDER, rulePages, withRulesTable } from "../dist/src/core/rule-docs.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const check = process.argv.includes("--check");

const wanted = rulePages(builtinRules);
wanted.set("README.md", withRulesTable(readFileSync(join(root, "README.md"), "utf8"), builtinRules));

const folder = join(root, RULE_DOCS_FOLDER);
const leftOver = existsSync(folder)
  ? readdirSync(folder).filter((name) => name.endsWith(".md")).map((name) => `${RULE_DOCS_FOLDER}/${name}`).filter((path) => !wanted.has(path))
  : [];
const stale = [...wanted].filter(([path, text]) => !existsSync(join(root, path)) || readFileSync(join(root, path), "utf8") !== text).map(([path]) => path);

if (check) {
  for (const path of [...stale, ...leftOver]) console.error(`stale: ${path}`);
  if (stale.length + leftOver.length > 0) {
    console.error("Run `npm run docs` to regenerate the rule docs.");
    process.exit(1);
  }
} else {
  mkdirSync(folder, { recursive: true });
  for (const path of stale) writeFileSync(join(root, path), wanted.get(path));
  for (const path of leftOver) rmSync(join(root, path));
  console.log(`${stale.length} written, ${leftOver.length} removed, ${wanted.size - stale.length} unchanged.`);
}
