import { describe, expect, it } from "vitest";
import rule from "../../rules/typo.js";
import { lint } from "../../src/core/lint.js";
import type { Speller } from "../../src/core/rule.js";
import { loadSpellers } from "../../src/node/hunspell.js";
import { alphabetOf, suggestWords } from "../../src/spell/suggest.js";
import { runRuleTests } from "../helpers/rule-tester.js";

/** A dictionary of a few words, with the suggestions the real loader would compute from it. */
function fakeSpeller(words: string): Speller {
  const known = new Set(words.split(/\s+/));
  const correct = (word: string) => known.has(word) || known.has(word.toLowerCase());
  const alphabet = alphabetOf("TRY esianrtolcdugmphbyfvkwzxjq\nMAP aáãâ\nMAP eéê\nMAP oóõô\nMAP cç\n");
  return { correct, suggest: (word) => suggestWords(word, correct, alphabet) };
}

const portuguese = fakeSpeller(
  "o a os as e de do da em no na um uma que com para por se ele ela nós roda qualquer obrigado à pelos modelo foi treinado " +
    "dados novo artigo compartilhou usamos cada exceção publicou ontem idiomas russo árabe tailandês traz versão sobre " +
    "chamado relatório lemos escreveu sua livro evite objeto muar três são estudo mostra texto nosso ler nova tratada achamos cuidado muito bom calma novos trabalho " +
    "agrupamento carregar ordenação salvar ressalvar estamos é lista atualize agora recache consultor",
);
const english = fakeSpeller(
  "the a an of and on any for to we it runs thanks shares new notebook notebooks framework model project fast text models read " +
    "learning without labels sparsity study shows dataset trained data in",
);
const speller = (language: string) => (language.startsWith("pt") ? portuguese : language === "en" ? english : undefined);
const withDictionary = { targetLanguage: "pt-br", settings: { speller } };
const withoutDictionary = { targetLanguage: "pt-br", settings: {} };
const frenchClassic = fakeSpeller("une étoile brille la chaîne est longue");
const inFrench = { targetLanguage: "fr", settings: { speller: (language: string) => (language === "fr" ? frenchClassic : english) } };

runRuleTests(rule, {
  valid: [
    {
      name: "the pieces of a word an inline HTML tag cuts are no words",
      code: "<!-- The model was trained. -->\n\nO modelo foi <b>treinad</b>o.\n",
      lint: withDictionary,
    },
    {
      name: "a name the source writes as inline code may be quoted as text in the translation",
      code: "<!-- Make a folder called `trienado`. -->\n\nO «trienado» roda.\n",
      lint: withDictionary,
    },
    {
      name: "French: a capital without its accent and the reformed spelling without a circumflex are correct",
      code: "<!-- A star shines. -->\n\nEtoile, brille.\n\n<!-- The chain is long. -->\n\nLa chaine est longue.\n",
      lint: inFrench,
    },
    {
      name: "a word of the paired source is kept as it is",
      code: "<!-- We trained the model on a dataset. -->\n\nO modelo foi treinado em um dataset.\n",
      lint: withDictionary,
    },
    {
      name: "cognates of source words are no slips, even without a dictionary",
      code: "<!-- The model and the project. -->\n\nO *modelo* e o *projeto*.\n",
      lint: withoutDictionary,
    },
    {
      name: "names, brands and acronyms",
      code: "<!-- Lucia Vasquez shares a study. -->\n\nLucia Vasquez compartilhou um estudo da OpenLab sobre NLP em GPUs.\n",
      lint: withDictionary,
    },
    {
      name: "code, URLs, e-mail addresses and link targets are not prose",
      code: "<!-- The framework runs on any GPU. -->\n\nUsamos `franework` em https://franework.example.org, [o texto](https://example.org/franework) e contato@franework.org.\n",
      lint: withDictionary,
    },
    {
      name: "a page in the source language is no translation: its terms are not judged by a dictionary",
      code: "The framwork trained the model on the dataset.\n",
      lint: { targetLanguage: "en", settings: { speller } },
    },
    {
      name: "a word damaged by a wrong decoding is skipped whole",
      code: "A vers√£o nova traz o texto.\n",
      lint: withDictionary,
    },
    {
      name: "the project's word list",
      code: "Usamos o tokenizador novo.\n",
      options: { words: ["tokenizador"] },
      lint: withDictionary,
    },
    {
      name: "words from configuration",
      code: "Usamos o tokenizador novo.\n",
      lint: { targetLanguage: "pt-br", settings: { speller, words: ["Tokenizador"] } },
    },
    {
      name: "an English word the translator borrowed",
      code: "<!-- We read it. -->\n\nNós lemos o notebook.\n",
      lint: withDictionary,
    },
    {
      name: "a word coined from a source word, with no dictionary word near it",
      code: "<!-- The study shows sparsity. -->\n\nO estudo mostra esparsidade.\n",
      lint: withDictionary,
    },
    {
      name: "a title kept in English, with jargon neither dictionary knows",
      code: "***Learning to read text without labels in heatmaps***\n\nO artigo sobre o livro.\n",
      lint: withDictionary,
    },
    {
      name: "a capitalised word near a dictionary word but in a run of names",
      code: "Idiomas: Rosso Vasquez escreveu o livro.\n",
      lint: withDictionary,
    },
    {
      name: "a short word whose only neighbour is a chance edit is jargon, not a slip",
      code: "Evite mutar o objeto.\n",
      lint: withDictionary,
    },
    {
      name: "words built by the language's own rules: a prefix, an -ável adjective, a verb beside its -ação noun",
      code: "O reagrupamento é carregável e estamos ordenando a lista.\n",
      lint: withDictionary,
    },
    {
      name: "a term set in italics is marked as foreign, even near a dictionary word",
      code: "Atualize o *refcache* agora.\n",
      lint: withDictionary,
    },
    {
      name: "an agent noun's activity (-or → -oria) is a regular derivation",
      code: "Atualize a consultoria agora.\n",
      lint: withDictionary,
    },
    {
      name: "a Latin name glued to Japanese text is judged as the name alone",
      code: "<!-- Use the Prometheus exporter. -->\n\nこのPrometheusエクスポーターを使う。\n",
      lint: { targetLanguage: "ja", settings: { speller } },
    },
    {
      name: "no dictionary: plain words are not judged",
      code: "O modelo foi trenado com dadso.\n",
      lint: withoutDictionary,
    },
  ],
  invalid: [
    {
      name: "a slip in a borrowed word, fixed from the source",
      code: "<!-- The framework runs on any GPU. -->\n\nO *franework* roda em qualquer GPU.\n",
      errors: [{ messageId: "nearSource", line: 3, column: 4, messageIncludes: "Unknown word 'franework'; the source (line 1) has 'framework'." }],
      output: "<!-- The framework runs on any GPU. -->\n\nO *framework* roda em qualquer GPU.\n",
      lint: withDictionary,
    },
    {
      name: "a dotted name is one word, and its slip is found without a dictionary",
      code: "<!-- Thanks to acme.io for the notebooks. -->\n\nObrigado à acm.io pelos notebooks.\n",
      errors: [{ messageId: "nearSource", line: 3, column: 12, messageIncludes: "'acme.io'" }],
      output: "<!-- Thanks to acme.io for the notebooks. -->\n\nObrigado à acme.io pelos notebooks.\n",
      lint: withoutDictionary,
    },
    {
      name: "a name at the start of a sentence, after its source",
      code: "Carls Mendes compartilhou um livro.\n\n<!-- Carla Mendes shares a notebook. -->\n",
      errors: [{ messageId: "nearSource", line: 1, column: 1, messageIncludes: "'Carla'" }],
      output: "Carla Mendes compartilhou um livro.\n\n<!-- Carla Mendes shares a notebook. -->\n",
      lint: withDictionary,
    },
    {
      name: "a word the dictionary does not know, with its suggestions and no automatic fix",
      code: "O modelo foi trienado com dados.\n",
      errors: [{ messageId: "unknown", line: 1, column: 14, messageIncludes: "Did you mean 'treinado'?" }],
      output: null,
      lint: withDictionary,
    },
    {
      name: "two slips, one of them an accent",
      code: "Idiomas: russo, árabe e Tailândes.\n",
      errors: [{ messageId: "unknown", line: 1, column: 25, messageIncludes: "'Tailandês'" }],
      output: null,
      lint: withDictionary,
    },
    {
      name: "a short word missing its accent",
      code: "São tres idiomas.\n",
      errors: [{ messageId: "unknown", line: 1, column: 5, messageIncludes: "'três'" }],
      output: null,
      lint: withDictionary,
    },
    {
      name: "a derivation the dictionary spells with a doubled letter the writer dropped",
      code: "Evite resalvar o objeto.\n",
      errors: [{ messageId: "unknown", line: 1, column: 7, messageIncludes: "'ressalvar'" }],
      output: null,
      lint: withDictionary,
    },
    {
      name: "a slip in a Latin name inside Japanese text names the name alone",
      code: "<!-- Use the Prometheus exporter. -->\n\nこのPromethuesエクスポーターを使う。\n",
      errors: [{ messageId: "nearSource", line: 3, column: 3, messageIncludes: "Unknown word 'Promethues'; the source (line 1) has 'Prometheus'" }],
      output: "<!-- Use the Prometheus exporter. -->\n\nこのPrometheusエクスポーターを使う。\n",
      lint: { targetLanguage: "ja", settings: { speller } },
    },
    {
      name: "the same word outside italics is judged by the dictionary",
      code: "Atualize o refcache agora.\n",
      errors: [{ messageId: "unknown", line: 1, column: 12, messageIncludes: "'recache'" }],
      output: null,
      lint: withDictionary,
    },
    {
      name: "a missing accent is a slip even in italics",
      code: "São *tres* idiomas.\n",
      errors: [{ messageId: "unknown", line: 1, column: 6, messageIncludes: "'três'" }],
      output: null,
      lint: withDictionary,
    },
    {
      name: "the list of misspellings still applies to a page in the source language",
      code: "The framwork trained the model.\n",
      lint: { targetLanguage: "en", settings: { speller } },
      options: { corrections: { framwork: "framework" } },
      errors: [{ messageId: "correction", line: 1, column: 5 }],
      output: "The framework trained the model.\n",
    },
    {
      name: "a known misspelling from the rule's options is fixed",
      code: "Cada excessão foi tratada.\n",
      options: { corrections: { excessão: "exceção" } },
      errors: [{ messageId: "correction", line: 1, column: 6, messageIncludes: "write 'exceção'" }],
      output: "Cada exceção foi tratada.\n",
      lint: withDictionary,
    },
    {
      name: "a known misspelling from configuration keeps the word's capital",
      code: "Excessão publicou ontem.\n",
      errors: [{ messageId: "correction", line: 1, column: 1 }],
      output: "Exceção publicou ontem.\n",
      lint: { targetLanguage: "pt-br", settings: { corrections: { excessão: "exceção" } } },
    },
    {
      name: "clean words beside damaged ones are still checked",
      code: "A vers√£o nova traz o relatório chamaod Ler.\n",
      errors: [{ messageId: "unknown", line: 1, column: 33, messageIncludes: "'chamaod'" }],
      output: null,
      lint: withDictionary,
    },
    {
      name: "the language is recognised from the text when nothing names it",
      code:
        "<!-- We read the study. -->\n\n" +
        "Nós lemos o estudo que ele publicou ontem sobre os idiomas, e ela escreveu um relatório com os dados do artigo para " +
        "cada um de nós. O estudo mostra que o modelo foi treinado com dados novos, e o relatório traz uma versão do texto " +
        "para ler com calma. Nós lemos o artigo com cuidado e achamos o relatório muito bom para o nosso trabaho.\n",
      errors: [{ messageId: "unknown", messageIncludes: "'trabaho'" }],
      output: null,
      lint: { settings: { speller } },
    },
  ],
});

/** What a fix may replace: tests of the certainty rule in several languages (see the rule's doc comment). */
const spanish = fakeSpeller("los las el la de en y se hablan entre sí servicios proyecto requisitos agregar son componentes lee usa instala es sus");
const french = fakeSpeller("le la les de des en et un une texte ligne lignes est mode écrit");
const german = fakeSpeller("installiere es auf dem der die das und ist");
const englishTerms = fakeSpeller(
  "the a an of and on to is it in each other talk microservices subproject prerequisites components read use forked operators run " +
    "cluster install android text line multiline mode written",
);
const bySpeller: Record<string, Speller> = { es: spanish, fr: french, de: german, en: englishTerms, pt: portuguese };
const languages = (targetLanguage: string) => ({ targetLanguage, settings: { speller: (tag: string) => bySpeller[tag.split("-")[0]] } });

runRuleTests(rule, {
  valid: [
    {
      name: "es: a word built by the target's prefixes is not replaced with the source's English word",
      code: "<!-- Microservices talk to each other. -->\n\nLos microservicios hablan entre sí.\n",
      lint: languages("es"),
    },
    {
      name: "es: an -able adjective from a known -ar verb is the translator's word",
      code: "<!-- Subproject components are Aggregable. -->\n\nLos componentes del subproyecto son agregables.\n",
      lint: languages("es"),
    },
    {
      name: "fr: a French compound on multi- is not the English multiline",
      code: "<!-- Multiline text mode. -->\n\nLe mode texte multiligne.\n",
      lint: languages("fr"),
    },
    {
      name: "pt: a common English word of the source is no name to copy (operators → operadores)",
      code: "<!-- The operators run the cluster. -->\n\nOs operadores rodam o cluster.\n",
      lint: languages("pt-br"),
    },
    {
      name: "pt: a capital that opens a sentence does not make a common word a name",
      code: "<!-- Operators run the cluster. -->\n\nOperadores rodam o cluster.\n",
      lint: languages("pt-br"),
    },
    {
      name: "ja: loanwords one kana apart at the word's end or start, or short ones, are other words (compiler, compile; support, report)",
      code: "コンパイルする。コンパイルした。コンパイルの後。サポートする。サポートした。サポートの話。\n\nコンパイラが動く。レポートを書く。\n",
      lint: languages("ja"),
    },
    {
      name: "ja: the long-vowel mark is a house style, not a slip (interface)",
      code: "インターフェイスを使う。インターフェイスを書く。インターフェイスの例。\n\nインターフェースを読む。\n",
      lint: languages("ja"),
    },
    {
      name: "ro: a lower-case source term no dictionary knows is jargon the translation inflects, not a name (submodule → submodulul)",
      code: "<!-- Update the submodule first. -->\n\nActualizați mai întâi submodulul.\n",
      lint: { targetLanguage: "ro", settings: { speller: (tag: string) => (tag === "ro" ? fakeSpeller("actualizați mai întâi modulul") : tag === "en" ? englishTerms : undefined) } },
    },
    {
      name: "ro, no dictionary: a capitalised source name the translation renders in its own spelling is not replaced",
      code: "<!-- Start the Collector before the Detectors. -->\n\nPorniți Colector înainte de detectoare.\n",
      lint: languages("ro"),
    },
    {
      name: "bn: a name with a suffix of the target's script is the target's inflection, not a slip of the English possessive",
      code: "<!-- OpenTelemetry's goals are simple. -->\n\nOpenTelemetry-র লক্ষ্য সহজ।\n",
      lint: languages("bn"),
    },
  ],
  invalid: [
    {
      name: "es: a slip of a target word is corrected from the target dictionary, as a suggestion only",
      code: "<!-- Read the components. -->\n\nLee los compomentes.\n",
      errors: [{ messageId: "unknown", line: 3, column: 9, messageIncludes: "Did you mean 'componentes'?" }],
      output: null,
      lint: languages("es"),
    },
    {
      name: "de: a name the source capitalises mid-sentence is copied, so its slip is fixed",
      code: "<!-- Install it on Android. -->\n\nInstalliere es auf Anroid.\n",
      errors: [{ messageId: "nearSource", line: 3, column: 20, messageIncludes: "'Android'" }],
      output: "<!-- Install it on Android. -->\n\nInstalliere es auf Android.\n",
      lint: languages("de"),
    },
    {
      name: "it: a product name unknown to the source dictionary, fixed even with no Italian dictionary",
      code: "<!-- DeepSpeed trains large models. -->\n\nDeepSeed addestra modelli grandi.\n",
      errors: [{ messageId: "nearSource", line: 3, column: 1, messageIncludes: "'DeepSpeed'" }],
      output: "<!-- DeepSpeed trains large models. -->\n\nDeepSpeed addestra modelli grandi.\n",
      lint: languages("it"),
    },
    {
      name: "ja: a loanword written once and one kana dropped from one the page writes three times is a slip, suggested only",
      code: "ネットワークの設定を確認する。\n\nネットワークが遅い。\n\nネットワークを再起動する。\n\nネトワークの状態を見る。\n",
      errors: [{ messageId: "katakana", line: 7, column: 1, messageIncludes: "'ネトワーク' is written once; this page writes 'ネットワーク' 3 times" }],
      output: null,
      lint: languages("ja"),
    },
    {
      name: "ja: a voicing mark slipped, even on the first kana",
      code: "ダウンロードする。\n\nダウンロードが終わる。\n\nダウンロードを止める。\n\nタウンロードを再開する。\n",
      errors: [{ messageId: "katakana", line: 7, column: 1, messageIncludes: "'ダウンロード' 3 times" }],
      output: null,
      lint: languages("ja"),
    },
    {
      name: "ja: a product name misspelt inside a link's text is fixed",
      code: "<!-- Read the [OpenTelemetry docs](https://example.org/docs). -->\n\n[OprnTelemetry のドキュメント](https://example.org/docs)を読む。\n",
      errors: [{ messageId: "nearSource", line: 3, column: 2, messageIncludes: "'OpenTelemetry'" }],
      output: "<!-- Read the [OpenTelemetry docs](https://example.org/docs). -->\n\n[OpenTelemetry のドキュメント](https://example.org/docs)を読む。\n",
      lint: languages("ja"),
    },
  ],
});

describe("the Hunspell loader", () => {
  it("loads the Portuguese dictionary once, for pt and pt-br, and checks and suggests words", async () => {
    const spellerFor = await loadSpellers();
    const pt = spellerFor("pt-br");
    expect(pt).toBeDefined();
    expect(spellerFor("pt")).toBe(pt);
    expect(pt!.correct("atualizações")).toBe(true);
    expect(pt!.correct("atualizaçãoes")).toBe(false);
    expect(pt!.suggest!("entitulado")).toContain("intitulado");
    expect(spellerFor("xx")).toBeUndefined();
    expect(spellerFor("../../etc")).toBeUndefined();
  });
});

describe("suggestions are asked for only when they can lead to a finding", () => {
  /** The Portuguese test dictionary, counting the words it is asked suggestions for. */
  function countingSpeller() {
    const asked: string[] = [];
    const counting: Speller = { correct: portuguese.correct, suggest: (word) => (asked.push(word), portuguese.suggest!(word)) };
    const settings = { speller: (language: string) => (language.startsWith("pt") ? counting : language === "en" ? english : undefined) };
    return { asked, settings };
  }

  it("asks none for a regular derivation the dictionary has with no letter doubled", () => {
    const { asked, settings } = countingSpeller();
    const { findings } = lint("O reagrupamento é carregável e estamos ordenando a lista.\n", { only: ["typo"], targetLanguage: "pt-br", settings });
    expect(findings).toEqual([]);
    expect(asked).toEqual([]);
  });

  it("still asks, and reports, when the dictionary has the derivation with a letter doubled", () => {
    const { asked, settings } = countingSpeller();
    const { findings } = lint("Evite resalvar o objeto.\n", { only: ["typo"], targetLanguage: "pt-br", settings });
    expect(findings.map((f) => f.message)).toEqual(["Unknown word 'resalvar'. Did you mean 'ressalvar'?"]);
    expect(asked).toEqual(["resalvar"]);
  });
});
