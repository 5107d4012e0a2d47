import type { Rule } from "../core/rule.js";

/** The file `nl-lint --init` writes: YAML, so that every setting can carry its explanation. */
export const STARTER_CONFIG_NAME = ".nl-lint.yaml";

/** A commented starter configuration listing every rule at its default severity. */
export function starterConfig(ruleSet: Rule[]): string {
  const width = Math.max(...ruleSet.map((r) => r.id.length)) + 1;
  const rules = ruleSet.map((r) => `  ${`${r.id}:`.padEnd(width)} ${(r.enabledByDefault === false ? "off" : r.severity).padEnd(5)}  # ${r.description}`).join("\n");
  return `# nl-lint configuration.
# nl-lint looks for its configuration from each linted file's folder upwards; in each folder the
# first of .nl-lint.json, .nl-lint.yaml, .nl-lint.yml, nl-lint.config.json and the "nl-lint" key
# of package.json wins. Paths below are relative to this file's folder.

# Languages as BCP 47 tags. Without them, the translation's language is read from its front
# matter (lang: pt-BR) or its path ([PT-BR] in the name, a /pt-br/ folder), and the source is English.
# sourceLanguage: en
# targetLanguage: pt-BR

# Each rule is off, warn or error, or [severity, {options}] for a rule that takes options.
rules:
${rules}

# Parallel translations: where the translations of each source file are. {lang} stands for a
# language tag, so one line covers every language.
# pairs:
#   - source: content/en/**
#     translation: content/{lang}/**

# Files never to lint, in .gitignore syntax (a .nl-lintignore file works too).
# ignores:
#   - drafts/**

# Words to accept in every language: names, brands, terms of the trade.
# words:
#   - fastpages

# Misspellings seen in this project, and their corrections.
# corrections:
#   recieve: receive

# URL prefixes a translation may rewrite: the source's prefix and the translation's.
# urlLocalizations:
#   - source: https://react.dev/
#     translation: https://pt-br.react.dev/

# Report nl-lint-disable comments that no longer suppress anything: off, warn or error.
# reportUnusedDisableDirectives: warn

# The translations' front-matter key that records the source commit they were made from, when
# it is none of default_lang_commit, sourceCommit and l10n.sourceCommit (nl-lint status).
# sourceCommitKey: translated_from

# The grammar: .mdx files are read as MDX with directives (:::note), other files as Markdown (GFM).
# mdx: true           # read .md files as MDX too (a page that is not valid MDX falls back to Markdown)
# directives: true    # read :::note and :::tip[Title] asides in Markdown files too
`;
}
