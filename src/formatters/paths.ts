import { isAbsolute, relative } from "node:path";

/** A file's path as a reader in `cwd` would type it: relative inside `cwd`, absolute outside it. */
export function displayPath(filePath: string, cwd: string): string {
  const rel = relative(cwd, filePath);
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? filePath : rel;
}
