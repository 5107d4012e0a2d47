import { posix } from "node:path";
import { createFileView } from "../../src/node/file-view.js";
import type { FileView } from "../../src/core/rule.js";

/** A file view over files held in memory (path → text), as a run would see them on disk under `roots`. */
export function memoryFiles(files: Record<string, string>, roots: string[] = ["/site"]): FileView & { reads: string[] } {
  const reads: string[] = [];
  const folders = new Map<string, Set<string>>();
  for (const path of Object.keys(files)) {
    let child = posix.basename(path);
    for (let folder = posix.dirname(path); ; folder = posix.dirname(folder)) {
      if (!folders.has(folder)) folders.set(folder, new Set());
      folders.get(folder)!.add(child);
      if (folder === "/") break;
      child = `${posix.basename(folder)}/`;
    }
  }
  const view = createFileView({
    roots,
    source: {
      list: (folder) => (folders.has(folder) ? [...folders.get(folder)!] : undefined),
      read: (file) => {
        reads.push(file);
        return files[file];
      },
    },
  });
  return Object.assign(view, { reads });
}
