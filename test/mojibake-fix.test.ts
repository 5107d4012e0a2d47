import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import mojibake from "../rules/mojibake/index.js";
import { lintFile } from "../src/node/engine.js";
import { fixUntilStable } from "../src/core/fix.js";
import { lint } from "../src/core/lint.js";
import { TYPOGRAPHY } from "./helpers/typography.js";

const ruleSet = [mojibake];

function fileWith(bytes: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), "nl-lint-mojibake-")), "post.md");
  writeFileSync(path, bytes);
  return path;
}

function fixText(text: string): string {
  return fixUntilStable(text, (t) => lint(t, { ruleSet }).findings).output;
}

/** Damages text the way a wrong decoder does, independently of the rule's own tables. */
const WINDOWS_1252_HIGH = ["€", "\u0081", "‚", "ƒ", "„", "…", "†", "‡", "ˆ", "‰", "Š", "‹", "Œ", "\u008d", "Ž", "\u008f", "\u0090", "‘", "’", "“", "”", "•", "–", "—", "˜", "™", "š", "›", "œ", "\u009d", "ž", "Ÿ"];
const decoders: Record<string, (bytes: Buffer) => string> = {
  mac: (bytes) => new TextDecoder("macintosh").decode(bytes),
  latin1: (bytes) => bytes.toString("latin1"),
  "windows-1252": (bytes) => [...bytes].map((b) => (b >= 0x80 && b < 0xa0 ? WINDOWS_1252_HIGH[b - 0x80] : String.fromCharCode(b))).join(""),
};
const damage = (text: string, charset: string) => decoders[charset](Buffer.from(text, "utf8"));

describe("mojibake --fix round trip", () => {
  const shared = fileURLToPath(new URL("../../shared/", import.meta.url));
  const seed = join(shared, "seeds", "000_a0a147a17d4b6ea1.txt");
  const original = join(shared, "corpus", "dair-ai-newsletter", "2020-03-02-NLP_Newsletter[PT-BR]_BERTology_Primer_fastpages_T5.md");

  it.skipIf(!existsSync(seed) || !existsSync(original))("restores the damaged seed post byte for byte", () => {
    const path = fileWith(readFileSync(seed));
    const outcome = lintFile(path, { ruleSet, fix: true });
    expect(outcome.result.messages).toEqual([]);
    expect(readFileSync(path).equals(readFileSync(original))).toBe(true);
  });

  it("keeps a BOM and CRLF line ends", () => {
    const path = fileWith("\uFEFFLinha com a√ß√£o.\r\nOutra com informa√ß√µes.\r\n");
    lintFile(path, { ruleSet, fix: true });
    expect(readFileSync(path, "utf8")).toBe("\uFEFFLinha com ação.\r\nOutra com informações.\r\n");
  });

  it("reports the line of a damaged file with a BOM", () => {
    const { findings } = lint("\uFEFF# T√≠tulo\n\nUma li√ß√£o.\n", { ruleSet });
    expect(findings.map((f) => [f.line, f.column])).toEqual([[1, 4]]);
  });

  it("undoes text damaged twice, one layer a pass", () => {
    expect(fixText("O cafÃƒÂ© estÃƒÂ¡ pronto.\n")).toBe("O café está pronto.\n");
  });

  it("restores any damaged post, in each charset", () => {
    const strong = ["edição", "informações", "naïveté", "Straße", "Привет", "日本語", "🤗", "didn’t", "coração"];
    const words = [...strong, "à", "é", "Δ", "the", "de", "©", "über", "ça", "“quoted”", "—", "año", "Ελλάδα", "x", "42"];
    const post = fc.tuple(fc.constantFrom(...strong), fc.array(fc.constantFrom(...words), { maxLength: 12 }), fc.constantFrom("\n", "\r\n"));
    fc.assert(
      fc.property(post, fc.constantFrom(...Object.keys(decoders)), ([first, rest, newline], charset) => {
        const text = [first, ...rest].join(" ") + "." + newline + rest.join(" ") + newline;
        expect(fixText(damage(text, charset))).toBe(text);
      }),
      { seed: 20200302, numRuns: 300 },
    );
  });
});

describe("mojibake --fix and sound typography", () => {
  it("repairs a damaged paragraph and leaves the typography of every other paragraph as it is", () => {
    const sound = TYPOGRAPHY.map(([, code]) => code).join("\n");
    const text = `Uma nova edi√ß√£o da newsletter.\n\n${sound}\nO caf√© est√° pronto.\n`;
    expect(fixText(text)).toBe(`Uma nova edição da newsletter.\n\n${sound}\nO café está pronto.\n`);
  });

  it("leaves sound typography alone in a page whose language is known", () => {
    for (const [name, code] of TYPOGRAPHY) {
      for (const targetLanguage of ["fr", "es", "de", "pt-br", "tr", "pl"]) {
        expect(lint(code, { ruleSet, targetLanguage }).findings, `${name} (${targetLanguage})`).toEqual([]);
      }
    }
  });
});
