/**
 * Path arithmetic on `/`-separated paths, as node:path's posix functions do it, for the pure
 * stages: a rule that checks where a link leads must not import `node:*` (it runs wherever
 * `lint()` runs). Paths of a `FileView` are absolute with `/`, so no working folder is needed.
 */

export function isAbsolute(path: string): boolean {
  return path.startsWith("/");
}

/** `.` and `..` taken out and repeated slashes made one; a trailing slash is kept. */
export function normalize(path: string): string {
  if (path === "") return ".";
  const absolute = isAbsolute(path);
  const segments: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment !== "..") segments.push(segment);
    else if (segments.length > 0 && segments[segments.length - 1] !== "..") segments.pop();
    else if (!absolute) segments.push("..");
  }
  let body = segments.join("/");
  if (body === "" && !absolute) body = ".";
  if (body !== "" && path.endsWith("/")) body += "/";
  return absolute ? `/${body}` : body;
}

export function join(...parts: string[]): string {
  const joined = parts.filter((part) => part.length > 0).join("/");
  return joined === "" ? "." : normalize(joined);
}

function withoutTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 1 && path[end - 1] === "/") end--;
  return path.slice(0, end);
}

export function dirname(path: string): string {
  if (path === "") return ".";
  const trimmed = withoutTrailingSlashes(path);
  const slash = trimmed.lastIndexOf("/");
  if (slash < 0) return ".";
  if (slash === 0) return "/";
  // node:path keeps two leading slashes as a root of their own (`//a/` → `//`).
  if (slash === 1 && trimmed.startsWith("//")) return "//";
  return trimmed.slice(0, slash);
}

export function basename(path: string): string {
  const trimmed = withoutTrailingSlashes(path);
  return trimmed === "/" ? "" : trimmed.slice(trimmed.lastIndexOf("/") + 1);
}

/** The extension from the last dot of the last segment; none for a name whose only dot leads it (`.gitignore`) or for `..`. */
export function extname(path: string): string {
  const name = basename(path);
  const dot = name.lastIndexOf(".");
  return dot <= 0 || name === ".." ? "" : name.slice(dot);
}

/** The path from `from` to `to`, both taken from the same root when they are relative. */
export function relative(from: string, to: string): string {
  const parts = (path: string) => normalize(isAbsolute(path) ? path : `/${path}`).split("/").filter(Boolean);
  const a = parts(from);
  const b = parts(to);
  let shared = 0;
  while (shared < a.length && shared < b.length && a[shared] === b[shared]) shared++;
  return [...a.slice(shared).map(() => ".."), ...b.slice(shared)].join("/");
}
