import { describe, expect, it } from "vitest";
import { createFileView, type FileViewSource } from "../src/node/file-view.js";

/** A source over a few folders that counts how often each folder is listed. */
function countingSource(folders: Record<string, string[]>): FileViewSource & { listed: Map<string, number> } {
  const listed = new Map<string, number>();
  return {
    listed,
    list(folder) {
      listed.set(folder, (listed.get(folder) ?? 0) + 1);
      return folders[folder];
    },
    read: () => undefined,
  };
}

describe("createFileView: exists", () => {
  const source = countingSource({ "/site": ["docs/", "index.md"], "/site/docs": ["guide.md", "Setup/", "notes.txt"] });
  const view = createFileView({ roots: ["/site"], source });

  it("knows files and folders of a listing, and what is missing", () => {
    expect(view.exists("/site/docs/guide.md")).toBe(true);
    expect(view.exists("/site/docs/Setup")).toBe(true);
    expect(view.exists("/site/docs/Setup/")).toBe(true);
    expect(view.exists("/site/docs/./notes.txt")).toBe(true);
    expect(view.exists("/site/docs/setup")).toBe(false);
    expect(view.exists("/site/docs/missing.md")).toBe(false);
    expect(view.exists("/site/gone/page.md")).toBe(false);
    expect(view.exists("/site")).toBe(true);
  });

  it("cannot tell for a path outside its roots", () => {
    expect(view.exists("/elsewhere/page.md")).toBeUndefined();
  });

  it("lists each folder once however many paths are asked about", () => {
    for (let i = 0; i < 5; i++) view.exists(`/site/docs/page-${i}.md`);
    expect(source.listed.get("/site/docs")).toBe(1);
    expect(source.listed.get("/site")).toBe(1);
  });
});
