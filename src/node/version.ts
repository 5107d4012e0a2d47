import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let found: { folder: string; manifest: Record<string, unknown> } | null | undefined;

/** nl-lint's own package.json and its folder, found above this module (in src/, dist/src/ or dist/); read once. */
export function ownPackage(): { folder: string; manifest: Record<string, unknown> } | undefined {
  if (found !== undefined) return found ?? undefined;
  found = null;
  let folder = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    try {
      const manifest = JSON.parse(readFileSync(join(folder, "package.json"), "utf8"));
      if (manifest.name === "nl-lint") return (found = { folder, manifest });
    } catch {
      // Not here: look one folder up.
    }
    folder = dirname(folder);
  }
  return undefined;
}

/** nl-lint's own version, from its package.json. */
export function toolVersion(): string | undefined {
  const version = ownPackage()?.manifest.version;
  return typeof version === "string" ? version : undefined;
}
