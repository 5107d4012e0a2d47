import { describe, expect, it } from "vitest";
import rule from "../../rules/stale-translation.js";
import { lint } from "../../src/core/lint.js";
import { fnv1a, STAMP_KEY, stampValue } from "../../src/drift/fingerprint.js";
import { setFrontMatterKey } from "../../src/cli/status/front-matter-key.js";
import { runRuleTests, type InvalidCase, type ValidCase } from "../helpers/rule-tester.js";

const SOURCE = "en/setup.md";
const TRANSLATION = "pt/setup.md";

const original = [
  "---",
  "title: Setup",
  "---",
  "",
  "# Setup",
  "",
  "Download the installer from https://example.org/get and save it.",
  "",
  "Run it and answer the 3 questions it asks.",
  "",
].join("\n");

const translation = [
  "---",
  "title: Configuração",
  "---",
  "",
  "# Configuração",
  "",
  "Baixe o instalador de https://example.org/get e salve-o.",
  "",
  "Execute-o e responda às 3 perguntas que ele faz.",
  "",
].join("\n");

/** The translation with a stamp of `source` in its front matter: one line more, so its blocks sit at lines 6, 8 and 10. */
function stampedAgainst(source: string): string {
  const { document } = lint(translation, { filePath: TRANSLATION, source: { text: source, filePath: SOURCE }, only: [] });
  return setFrontMatterKey(translation, STAMP_KEY, stampValue(document));
}

const stamped = stampedAgainst(original);
const against = (source: string) => ({ filePath: TRANSLATION, source: { text: source, filePath: SOURCE } });

// The rule is off by default: every case turns it on.
const on = <T extends ValidCase>(cases: T[]): T[] => cases.map((c) => ({ options: {}, ...c }));

runRuleTests(rule, {
  valid: on<ValidCase>([
    { name: "stamped against the source as it is", code: stamped, lint: against(original) },
    { name: "reflowing a paragraph is no change", code: stamped, lint: against(original.replace("and save it.", "and\nsave it.")) },
    { name: "no stamp and nothing from the caller: nothing to compare with", code: translation, lint: against(original.replace("3", "4")) },
    { name: "not a parallel translation", code: "<!-- Some English text here. -->\nUm texto em português aqui.\n" },
    {
      name: "the caller's answer (here: no change) wins over the stamp",
      code: stamped,
      lint: { ...against(original.replace("3 questions", "4 questions")), settings: { sourceDrift: { [TRANSLATION]: { changedLines: [], removedAfter: [], since: "since abc1234" } } } },
    },
  ]),
  invalid: on<InvalidCase>([
    {
      name: "a changed paragraph is reported on the paragraph that renders it",
      code: stamped,
      lint: against(original.replace("Run it and answer the 3 questions it asks.", "Run it and answer the 4 questions it asks.")),
      errors: [{ messageId: "changed", line: 10, messageIncludes: "source line 9" }],
    },
    {
      name: "a new paragraph at the end belongs after the last block",
      code: stamped,
      lint: against(`${original}\nRestart the computer when it is done.\n`),
      errors: [{ messageId: "untranslated", line: 10, messageIncludes: "Source line 11 changed since the translation was stamped" }],
    },
    {
      name: "a paragraph removed from the source: the translation block that still renders it",
      code: stamped,
      lint: against(original.replace("Download the installer from https://example.org/get and save it.\n\n", "")),
      errors: [{ messageId: "removed", line: 8, messageIncludes: "after source line 5" }],
    },
    {
      name: "a new title in the source's front matter points at the translation's front matter",
      code: stamped,
      lint: against(original.replace("title: Setup", "title: Installing")),
      errors: [{ messageId: "changed", line: 1, messageIncludes: "source lines 1–3" }],
    },
    {
      name: "lines the caller found changed (git) name the blocks they fall in",
      code: translation,
      lint: { ...against(original), settings: { sourceDrift: { [TRANSLATION]: { changedLines: [[7, 7]], removedAfter: [], since: "since 1a2b3c4 (its default_lang_commit; 2 source commits since)" } } } },
      errors: [{ messageId: "changed", line: 7, messageIncludes: "since 1a2b3c4 (its default_lang_commit; 2 source commits since): source line 7" }],
    },
    {
      name: "blank lines the caller found changed are not reported, the block next to them is",
      code: translation,
      lint: { ...against(original), settings: { sourceDrift: { [TRANSLATION]: { changedLines: [[8, 9]], removedAfter: [], since: "since x" } } } },
      errors: [{ messageId: "changed", line: 9, messageIncludes: "source line 9" }],
    },
  ]),
});

describe("stale-translation is off by default", () => {
  it("reports nothing unless turned on, and reports when --only names it", () => {
    const options = against(original.replace("3 questions", "4 questions"));
    expect(lint(stamped, options).findings.filter((f) => f.ruleId === rule.id)).toEqual([]);
    expect(lint(stamped, { ...options, only: [rule.id] }).findings.map((f) => [f.ruleId, f.severity])).toEqual([[rule.id, 1]]);
  });
});

describe("the stamp", () => {
  it("hashes with FNV-1a, 32 bits (published test vectors)", () => {
    expect(fnv1a("")).toBe("811c9dc5");
    expect(fnv1a("a")).toBe("e40c292c");
    expect(fnv1a("foobar")).toBe("bf9cf968");
  });

  it("holds one fingerprint per source block (front matter, heading, two paragraphs), and a change moves only its own", () => {
    const value = (source: string) => stampValue(lint(translation, { ...against(source), only: [] }).document).split(" ");
    const before = value(original);
    expect(before[0]).toBe("v1");
    expect(before).toHaveLength(5);
    const after = value(original.replace("3 questions", "4 questions"));
    expect(after.map((h, i) => h === before[i])).toEqual([true, true, true, true, false]);
  });
});
