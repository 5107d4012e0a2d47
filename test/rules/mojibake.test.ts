import { describe, expect, it } from "vitest";
import rule from "../../rules/mojibake/index.js";
import { CHARSETS, isDamagedWord } from "../../rules/mojibake/evidence.js";
import { runRuleTests } from "../helpers/rule-tester.js";
import { TYPOGRAPHY } from "../helpers/typography.js";

runRuleTests(rule, {
  valid: [
    { name: "Portuguese with tildes and capitals", code: "O João e a Conceição moram em São Paulo; NÃO, MAÇÃ e ÁGUA em maiúsculas.\n" },
    { name: "French accents and apostrophes", code: "Le château est à côté de l’église : « Élodie » parle d’étendre le modèle.\n" },
    { name: "maths and signs", code: "Temos √π ≈ 1,77 e 2√2, ∑ e ∏; © 2020 Acme™, 25 °C e ¬p.\n" },
    { name: "a quote or a dash against an accented letter", code: "Ele respondeu “é” e saiu—é verdade.\n" },
    { name: "a capital Ã before a closing quote", code: "O livro “IRMÃ” saiu ontem.\n" },
    { name: "mojibake quoted in code, nowhere else", code: "O erro mostra `cafÃ©` no lugar de café:\n\n```\nedi√ß√£o\n```\n" },
    { name: "Japanese with a Latin name", code: "これは日本語の文です。OpenTelemetryを使います。\n" },
    { name: "Ukrainian", code: "Це український текст про трасування.\n" },
    { name: "emoji", code: "Obrigado 🤗 pela ajuda ✍️ e até logo 👋.\n" },
    ...TYPOGRAPHY.map(([name, code]) => ({ name: `typography: ${name}`, code })),
  ],
  invalid: [
    {
      name: "Mac OS Roman, with the charset and one word in the message",
      code: "Uma nova edi√ß√£o da newsletter chegou.\n",
      errors: [{ messageId: "damaged", line: 1, column: 13, messageIncludes: "Mac OS Roman: 'edi√ß√£o' should read 'edição' (line 1)" }],
      output: "Uma nova edição da newsletter chegou.\n",
    },
    {
      name: "Windows-1252 apostrophe",
      code: "It didnâ€™t work.\n",
      errors: [{ messageId: "damaged", messageIncludes: "Windows-1252: 'didnâ€™t' should read 'didn’t'" }],
      output: "It didn’t work.\n",
    },
    {
      name: "Latin-1, where Windows-1252's signs are C1 controls",
      code: "It didnâ\u0080\u0099t work, cafÃ©.\n",
      errors: [{ messageId: "damaged", messageIncludes: "Latin-1:" }],
      output: "It didn’t work, café.\n",
    },
    {
      name: "Latin-1 or Windows-1252, when nothing tells them apart",
      code: "Um cafÃ© com pÃ£o.\n",
      errors: [{ messageId: "damaged", messageIncludes: "Latin-1/Windows-1252: 'cafÃ©' should read 'café'" }],
      output: "Um café com pão.\n",
    },
    {
      name: "a four-byte emoji read as Mac OS Roman",
      code: "Thanks \uf8ffü§ó\n",
      errors: [{ messageId: "damaged" }],
      output: "Thanks 🤗\n",
    },
    {
      name: "one finding for a run that covers a source comment and its translation",
      code: "<!-- Thanks to the folks who helped ‚Äî really. -->\n\nObrigado √†s pessoas que ajudaram ‚Äî de verdade.\n",
      errors: [{ messageId: "damaged", line: 1, side: "source", messageIncludes: "'√†s' should read 'às' (lines 1–3)" }],
      output: "<!-- Thanks to the folks who helped — really. -->\n\nObrigado às pessoas que ajudaram — de verdade.\n",
    },
    {
      name: "CRLF line ends are kept",
      code: "Primeira linha com a√ß√£o.\r\nSegunda com informa√ß√µes.\r\n",
      errors: [{ messageId: "damaged", line: 1, messageIncludes: "(lines 1–2)" }],
      output: "Primeira linha com ação.\r\nSegunda com informações.\r\n",
    },
    {
      name: "clean accented text between two damaged paragraphs splits the run",
      code: "Uma edi√ß√£o antiga.\n\nUma edição nova e limpa.\n\nOutra li√ß√£o antiga.\n",
      errors: [
        { messageId: "damaged", line: 1, messageIncludes: "(line 1)" },
        { messageId: "damaged", line: 5, messageIncludes: "'li√ß√£o' should read 'lição' (line 5)" },
      ],
      output: "Uma edição antiga.\n\nUma edição nova e limpa.\n\nOutra lição antiga.\n",
    },
    {
      name: "Cyrillic read as Windows-1252",
      code: "ÐŸÑ€Ð¸Ð²ÐµÑ‚ world\n",
      errors: [{ messageId: "damaged", messageIncludes: "should read 'Привет'" }],
      output: "Привет world\n",
    },
    {
      name: "a lone ambiguous pair counts once the text is known to be damaged",
      code: "A varia√ß√£o Œî cresce.\n",
      errors: [{ messageId: "damaged" }],
      output: "A variação Δ cresce.\n",
    },
    {
      name: "à with its no-break space",
      code: "Fiz Ã\u00a0 mÃ£o, Ã\u00a0 noite.\n",
      errors: [{ messageId: "damaged" }],
      output: "Fiz à mão, à noite.\n",
    },
    {
      name: "code is repaired too when the text around it is damaged",
      code: "A funÃ§Ã£o `cÃ³digo` falha.\n",
      errors: [{ messageId: "damaged" }],
      output: "A função `código` falha.\n",
    },
    {
      name: "one sequence that gives a Greek letter in a French page is reported without a fix",
      code: "La lettre Ï† reste.\n",
      lint: { targetLanguage: "fr" },
      errors: [{ messageId: "damaged", messageIncludes: "should read 'φ'" }],
      output: null,
    },
    {
      name: "the same sequence is fixed in a Greek page",
      code: "La lettre Ï† reste.\n",
      lint: { targetLanguage: "el" },
      errors: [{ messageId: "damaged" }],
      output: "La lettre φ reste.\n",
    },
    {
      name: "a run of damaged ideographs is fixed in a French page too: typography never chains sequences",
      code: "Le mot æ—¥æœ¬ est resté.\n",
      lint: { targetLanguage: "fr" },
      errors: [{ messageId: "damaged", messageIncludes: "should read '日本'" }],
      output: "Le mot 日本 est resté.\n",
    },
    {
      name: "Japanese katakana with the long-vowel mark, which belongs to no one script",
      code: "Der Name ã‚¨ã‚¯ã‚¹ãƒ\u009dãƒ¼ã‚¿ãƒ¼ bleibt.\n",
      lint: { targetLanguage: "de" },
      errors: [{ messageId: "damaged" }],
      output: "Der Name エクスポーター bleibt.\n",
    },
    {
      name: "a damaged source file in parallel mode is reported on the source side, without a fix",
      code: "A nova edição chegou.\n",
      lint: { source: { text: "The new edi√ß√£o arrived.\n", filePath: "en.md" } },
      errors: [{ messageId: "damaged", side: "source" }],
      output: null,
    },
  ],
});

describe("mojibake charsets", () => {
  const byteOf = (id: string, character: string) => CHARSETS.find((c) => c.id === id)!.byteOf.get(character);

  it("maps Mac OS Roman from Node's decoder, Apple logo included", () => {
    expect(byteOf("mac", "√")).toBe(0xc3);
    expect(byteOf("mac", "ß")).toBe(0xa7);
    expect(byteOf("mac", "\uf8ff")).toBe(0xf0);
  });

  it("maps Windows-1252's 0x80–0x9F, undefined bytes as C1 controls, and Latin-1", () => {
    expect(byteOf("western", "€")).toBe(0x80);
    expect(byteOf("western", "\u008d")).toBe(0x8d);
    expect(byteOf("western", "Ž")).toBe(0x8e);
    expect(byteOf("western", "’")).toBe(0x92);
    expect(byteOf("western", "Ÿ")).toBe(0x9f);
    expect(byteOf("western", "\u0099")).toBe(0x99);
    expect(byteOf("western", "é")).toBe(0xe9);
  });

  it("gives every byte exactly one character in Mac OS Roman", () => {
    const mac = CHARSETS.find((c) => c.id === "mac")!;
    expect(new Set(mac.byteOf.values()).size).toBe(128);
    expect(mac.byteOf.size).toBe(128);
  });
});

describe("isDamagedWord", () => {
  it("recognises damaged words", () => {
    for (const word of ["edi√ß√£o", "didnâ€™t", "cafÃ©", "√©", "\uf8ffü§ó"]) expect(isDamagedWord(word), word).toBe(true);
  });

  it("leaves sound words alone", () => {
    for (const word of ["edição", "João", "château", "√π", "“é”", "d’étendre", "©", "™", "NÃO"]) expect(isDamagedWord(word), word).toBe(false);
  });
});

describe("mojibake suggestions", () => {
  it("suggests the repair it does not apply", async () => {
    const { lint } = await import("../../src/core/lint.js");
    const [finding] = lint("La lettre Ï† reste.\n", { ruleSet: [rule], targetLanguage: "fr" }).findings;
    expect(finding.fix).toBeUndefined();
    expect(finding.suggestions?.map((s) => s.fix)).toEqual([{ range: [10, 12], text: "φ" }]);
  });
});
