import { posix } from "node:path";
import { describe, expect, it } from "vitest";
import * as pure from "../src/text/posix-path.js";

// The pure stages compute link destinations without node:path; they must agree with it.
const PIECES = ["docs", "en", ".", "..", "", "guide.md", ".nojekyll", "a.b.c", "...", "..x", "x.", "index.md", "日本語"];

function pathsFrom(seed: number, count: number): string[] {
  let state = seed;
  // The high bits: the low bits of this generator repeat with a short period.
  const next = (n: number) => Math.floor((state = (state * 1103515245 + 12345) % 2147483648) / 65536) % n;
  return Array.from({ length: count }, () => {
    const body = Array.from({ length: 1 + next(5) }, () => PIECES[next(PIECES.length)]).join("/");
    return `${next(2) ? "/" : ""}${body}${next(4) === 0 ? "/" : ""}`;
  });
}

describe("posix path arithmetic without node:path", () => {
  const paths = pathsFrom(7, 3000);
  const others = pathsFrom(11, 3000);

  it("normalizes, splits and names paths as node:path's posix functions do", () => {
    for (const name of ["normalize", "dirname", "basename", "extname", "isAbsolute"] as const) {
      const differing = paths.filter((p) => (pure[name] as (p: string) => unknown)(p) !== posix[name](p));
      expect(differing, name).toEqual([]);
    }
  });

  it("joins and relates two paths as node:path does (relate: both absolute, as a file view's are)", () => {
    const pairs = paths.map((p, i) => [p, others[i]] as const);
    expect(pairs.filter(([a, b]) => pure.join(a, b) !== posix.join(a, b))).toEqual([]);
    const absolute = pairs.filter(([a, b]) => a.startsWith("/") && b.startsWith("/"));
    expect(absolute.length).toBeGreaterThan(500);
    expect(absolute.filter(([a, b]) => pure.relative(a, b) !== posix.relative(a, b))).toEqual([]);
  });

  it("keeps the cases links meet", () => {
    expect(pure.relative("/site/docs/en", "/site/docs/en/guide.md")).toBe("guide.md");
    expect(pure.relative("/site/docs/en/a", "/site/img/x.png")).toBe("../../../img/x.png");
    expect(pure.extname("/site/.nojekyll")).toBe("");
    expect(pure.join("/site/docs", "../img", "x.png")).toBe("/site/img/x.png");
  });
});
