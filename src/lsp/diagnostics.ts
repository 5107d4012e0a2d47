import { basename } from "node:path";
import { pathToFileURL } from "node:url";
import { DiagnosticSeverity, type Diagnostic, type Range } from "vscode-languageserver/node";
import type { Finding, LintDocument } from "../core/types.js";
import type { LintedText } from "./session.js";

/** A finding's own range, from its 1-based lines and columns (UTF-16 units, as LSP counts by default). */
export function findingRange(finding: Finding): Range {
  return {
    start: { line: finding.line - 1, character: finding.column - 1 },
    end: { line: finding.endLine - 1, character: finding.endColumn - 1 },
  };
}

/** Whether a finding is placed in another file than the linted one: the source file of a parallel translation. */
export function inOtherFile(linted: LintedText, finding: Finding): boolean {
  return finding.filePath !== undefined && finding.filePath !== linted.filePath;
}

/**
 * Where a finding in the source file shows in the translation: on the first line of the
 * translation block paired with the source block it is in (the top of the file when none is).
 */
function translationLineOf(document: LintDocument | undefined, finding: Finding): Range {
  const pair = document?.pairs.find((p) => p.sources.some((s) => s.start <= finding.start && finding.start <= s.end));
  const translation = pair?.translations[0];
  const line = translation ? document!.lines.position(translation.start).line - 1 : 0;
  return { start: { line, character: 0 }, end: { line, character: 0 } };
}

/** The diagnostics of one lint, in the order of its findings; `data` holds the finding's index, for code actions. */
export function diagnosticsOf(linted: LintedText, docsUrl: (ruleId: string) => string | undefined): Diagnostic[] {
  return linted.findings.map((finding, index) => {
    const href = docsUrl(finding.ruleId);
    const elsewhere = inOtherFile(linted, finding);
    const diagnostic: Diagnostic = {
      range: elsewhere ? translationLineOf(linted.document, finding) : findingRange(finding),
      severity: finding.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      code: finding.ruleId,
      ...(href ? { codeDescription: { href } } : {}),
      source: "nl-lint",
      message: elsewhere ? `In the source (${basename(finding.filePath!)}:${finding.line}): ${finding.message}` : finding.message,
      data: { index },
    };
    if (elsewhere) diagnostic.relatedInformation = [{ location: { uri: pathToFileURL(finding.filePath!).href, range: findingRange(finding) }, message: finding.message }];
    return diagnostic;
  });
}
