import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { RULE_DOCS_FOLDER } from "../core/rule-docs.js";

/** The folder of nl-lint's package.json, above this module (in src/, dist/src/ or dist/). */
function packageRoot(): { folder: string; repository?: string } | undefined {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(folder, "package.json"), "utf8"));
      if (pkg.name === "nl-lint") return { folder, repository: repositoryUrl(pkg.repository) };
    } catch {
      // Not here: look one folder up.
    }
    folder = dirname(folder);
  }
  return undefined;
}

/** A browsable repository address from package.json's `repository` (a string or `{url}`), without `git+` or `.git`. */
function repositoryUrl(repository: unknown): string | undefined {
  const url = typeof repository === "string" ? repository : (repository as { url?: unknown } | undefined)?.url;
  if (typeof url !== "string" || !/^(?:git\+)?https:\/\//.test(url)) return undefined;
  return url.replace(/^git\+/, "").replace(/\.git$/, "");
}

/**
 * Where a rule's page (`docs/rules/<id>.md`) is read: on the repository named in package.json,
 * or else the page in the installed package. Undefined for ids without a page (those the engine reports itself).
 */
export function ruleDocsLinker(): (ruleId: string) => string | undefined {
  const root = packageRoot();
  const known = new Map<string, string | undefined>();
  return (ruleId) => {
    if (!root || !/^[a-z][a-z0-9-]*$/.test(ruleId)) return undefined;
    if (!known.has(ruleId)) {
      const page = join(root.folder, RULE_DOCS_FOLDER, `${ruleId}.md`);
      const found = existsSync(page);
      known.set(ruleId, !found ? undefined : root.repository ? `${root.repository}/blob/main/${RULE_DOCS_FOLDER}/${ruleId}.md` : pathToFileURL(page).href);
    }
    return known.get(ruleId);
  };
}
