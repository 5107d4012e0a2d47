import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { RULE_DOCS_FOLDER } from "../core/rule-docs.js";
import { ownPackage } from "../node/version.js";

/** The folder of nl-lint's package.json, and its repository's address when it names one. */
function packageRoot(): { folder: string; repository?: string } | undefined {
  const own = ownPackage();
  return own && { folder: own.folder, repository: repositoryUrl(own.manifest.repository) };
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
