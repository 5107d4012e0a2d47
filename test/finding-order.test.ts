import { describe, expect, it } from "vitest";
import { compareFindings } from "../src/core/finding-order.js";
import type { Finding } from "../src/core/types.js";

const finding = (ruleId: string, line: number, column: number, filePath?: string): Finding => ({
  ruleId, severity: 1, message: ruleId, side: filePath ? "source" : "translation", line, column, endLine: line, endColumn: column, start: 0, end: 0,
  ...(filePath ? { filePath } : {}),
});

describe("compareFindings", () => {
  it("puts the translation's findings before its source file's, then orders by line, column and rule id", () => {
    const found = [
      finding("typo", 2, 5, "en/guia.md"),
      finding("url-redirect", 3, 1),
      finding("typo", 1, 9),
      finding("broken-link", 3, 1),
      finding("link-count", 1, 2),
    ];
    expect(found.sort(compareFindings).map((f) => `${f.filePath ?? ""}:${f.line}:${f.column}:${f.ruleId}`)).toEqual([
      ":1:2:link-count",
      ":1:9:typo",
      ":3:1:broken-link",
      ":3:1:url-redirect",
      "en/guia.md:2:5:typo",
    ]);
  });
});
