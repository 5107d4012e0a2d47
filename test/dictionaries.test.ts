import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run, type CliIO } from "../src/cli/main.js";
import { ConfigError, ConfigLoader } from "../src/node/config.js";
import { builtinRules } from "../rules/index.js";
import { findDictionary } from "../src/node/dictionaries.js";
import { loadSpellers } from "../src/node/hunspell.js";
import { writeTempFiles } from "./helpers/temp-files.js";

/** A tiny Hunspell dictionary of Esperanto words (no `dictionary-eo` package is installed). */
const AFF = "SET UTF-8\nTRY aeiounrlstkmdpgbvjcfz\n";
const DIC = "6\nla\nsuno\nlumas\nhele\nhodiaŭ\nkaj\n";

function folder(files: Record<string, string>): string {
  return writeTempFiles(files, "nl-lint-dict-");
}

describe("finding a language's dictionary", () => {
  it("finds a system dictionary by tag: the language's own country, or any region of it", () => {
    const dir = folder({ "ro_RO.aff": AFF, "ro_RO.dic": DIC, "uk_UA.aff": AFF, "uk_UA.dic": DIC, "de_AT.aff": AFF });
    expect(findDictionary("ro", { folders: [dir] })?.aff).toBe(join(dir, "ro_RO.aff"));
    expect(findDictionary("ro-md", { folders: [dir] })?.aff).toBe(join(dir, "ro_RO.aff"));
    expect(findDictionary("uk", { folders: [dir] })?.dic).toBe(join(dir, "uk_UA.dic"));
    // An affix file without its word list is no dictionary; German still has its package.
    expect(findDictionary("de-at", { folders: [dir] })?.aff).toMatch(/dictionary-de/);
    expect(findDictionary("xx", { folders: [dir] })).toBeUndefined();
  });

  it("prefers the configuration, then an installed dictionary-<lang> package, then the system", () => {
    const dir = folder({ "pt_BR.aff": AFF, "pt_BR.dic": DIC });
    expect(findDictionary("pt-br", { folders: [dir] })?.aff).toBe(join(dir, "pt_BR.aff"));
    expect(findDictionary("pt", { folders: [dir] })?.aff).toMatch(/dictionary-pt/);
    const configured = { "pt-BR": { aff: "/x/mine.aff", dic: "/x/mine.dic" } };
    expect(findDictionary("pt-br", { configured, folders: [dir] })?.aff).toBe("/x/mine.aff");
  });

  it("loads a system dictionary and spells with it", async () => {
    const dir = folder({ "eo.aff": AFF, "eo.dic": DIC });
    const speller = (await loadSpellers([dir]))("eo");
    expect(speller?.correct("suno")).toBe(true);
    expect(speller?.correct("sunno")).toBe(false);
  });
});

describe("the dictionaries setting", () => {
  it("is resolved from the configuration's folder, and a missing file stops the run naming the key", () => {
    const dir = folder({ ".nl-lint.yaml": "dictionaries:\n  eo: dicts/eo\n", "dicts/eo.aff": AFF, "dicts/eo.dic": DIC });
    const config = new ConfigLoader({ ruleSet: builtinRules, cwd: dir }).forFile(join(dir, "post.md"));
    expect(config.dictionaries).toEqual({ eo: { aff: join(dir, "dicts/eo.aff"), dic: join(dir, "dicts/eo.dic") } });
    const broken = folder({ ".nl-lint.yaml": "dictionaries:\n  eo: { aff: eo.aff, dic: eo.dic }\n", "eo.aff": AFF });
    expect(() => new ConfigLoader({ ruleSet: builtinRules, cwd: broken }).forFile(join(broken, "post.md"))).toThrow(ConfigError);
    expect(() => new ConfigLoader({ ruleSet: builtinRules, cwd: broken }).forFile(join(broken, "post.md"))).toThrow(/dictionaries\.eo: no such file: .*eo\.dic/);
  });

  it("gives the typo rule a dictionary for a language nothing else covers", async () => {
    const dir = folder({
      ".nl-lint.yaml": "targetLanguage: eo\ndictionaries:\n  eo: dicts/eo\n",
      "dicts/eo.aff": AFF,
      "dicts/eo.dic": DIC,
      "post.md": "<!-- The sun shines brightly today. -->\n\nLa suno lumas hele hoddiaŭ.\n",
    });
    const out: string[] = [];
    const io: CliIO = { stdout: (t) => out.push(t), stderr: () => {}, cwd: dir, env: {}, isTTY: false, stderrIsTTY: false };
    await run(["--format", "json", "--only", "typo", "--concurrency", "1", "post.md"], io);
    const messages = JSON.parse(out.join(""))[0].messages.map((m: { message: string }) => m.message);
    expect(messages).toEqual([expect.stringContaining("Unknown word 'hoddiaŭ'. Did you mean 'hodiaŭ'?")]);
  });
});
