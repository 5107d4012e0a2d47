import { describe, expect, it } from "vitest";
import rule from "../../rules/inconsistent-translation/index.js";
import { lintProject, type ProjectText } from "../../src/core/lint-project.js";
import type { LintOptions } from "../../src/core/lint.js";
import { RuleTester } from "../helpers/rule-tester.js";

type Options = Omit<LintOptions, "filePath" | "source">;

/** The rule's messages per file, for a run of the given texts with the rule alone. */
function messagesOf(texts: ProjectText[], options: Options = {}): Record<string, string[]> {
  const results = lintProject(texts, { targetLanguage: "pt-br", ruleSet: [rule], rules: { [rule.id]: "warn" }, ...options });
  return Object.fromEntries(results.map((r) => [r.filePath, r.findings.filter((f) => f.ruleId === rule.id).map((f) => `${f.line}: ${f.message}`)]));
}

const inline = (source: string, translation: string) => `<!-- ${source} -->\n${translation}\n`;

describe("inconsistent-translation", () => {
  it("reports the rendering that departs from the one most pages use, naming the others", () => {
    const found = messagesOf([
      { filePath: "/site/a.md", text: inline("## Deploying your app", "## Publicando seu app") },
      { filePath: "/site/b.md", text: inline("## Deploying your app", "## Publicando seu app") },
      { filePath: "/site/c.md", text: `# Título\n\n${inline("## Deploying your app", "## Implantando seu aplicativo")}` },
    ]);
    expect(found["/site/a.md"]).toEqual([]);
    expect(found["/site/b.md"]).toEqual([]);
    expect(found["/site/c.md"]).toEqual(['4: "Deploying your app" is translated "Implantando seu aplicativo" here, but elsewhere as "Publicando seu app" (2 times, first in /site/a.md:2).']);
  });

  it("folds case, spacing, typographic quotes and trailing punctuation on both sides", () => {
    const found = messagesOf([
      { filePath: "/site/a.md", text: inline("## Using the “fast” mode:", "## Usando o modo “rápido”:") },
      { filePath: "/site/b.md", text: inline("## using the  \"fast\" Mode", '## Usando o Modo  "rápido"') },
    ]);
    expect(Object.values(found).flat()).toEqual([]);
  });

  it("does not tell renderings apart by a space beside Chinese or Japanese", () => {
    const found = messagesOf(
      [
        { filePath: "/site/a.md", text: inline("## Starting the API server", "## API サーバーの起動") },
        { filePath: "/site/b.md", text: inline("## Starting the API server", "## APIサーバーの起動") },
        { filePath: "/site/c.md", text: inline("## Starting the API server", "## API サーバーを起動する") },
      ],
      { targetLanguage: "ja" },
    );
    expect(found["/site/a.md"]).toEqual([]);
    expect(found["/site/b.md"]).toEqual([]);
    expect(found["/site/c.md"]).toEqual(['2: "Starting the API server" is translated "API サーバーを起動する" here, but elsewhere as "API サーバーの起動" (2 times, first in /site/a.md:2).']);
  });

  it("does not tell renderings apart by the number a translator put before a heading", () => {
    const found = messagesOf(
      [
        { filePath: "/site/a.md", text: inline("## Further reading on caching", "## 3、关于缓存的延伸阅读") },
        { filePath: "/site/b.md", text: inline("## Further reading on caching", "## 5. 关于缓存的延伸阅读") },
        { filePath: "/site/c.md", text: inline("## Further reading on caching", "## 关于缓存的延伸阅读") },
      ],
      { targetLanguage: "zh-cn" },
    );
    expect(Object.values(found).flat()).toEqual([]);
  });

  it("does not tell renderings apart by a gloss in brackets that the source has not", () => {
    const found = messagesOf(
      [
        { filePath: "/site/a.md", text: inline("## Batching the exports", "## エクスポートのバッチ処理（バッチング）") },
        { filePath: "/site/b.md", text: inline("## Batching the exports", "## エクスポートのバッチ処理 (Batching)") },
        { filePath: "/site/c.md", text: inline("## Batching the exports", "## エクスポートのバッチ処理") },
        { filePath: "/site/d.md", text: inline("## Batching the exports", "## エクスポートの一括処理（Batching）") },
      ],
      { targetLanguage: "ja" },
    );
    expect(found["/site/a.md"]).toEqual([]);
    expect(found["/site/b.md"]).toEqual([]);
    expect(found["/site/c.md"]).toEqual([]);
    expect(found["/site/d.md"]).toEqual(['2: "Batching the exports" is translated "エクスポートの一括処理（Batching）" here, but elsewhere as "エクスポートのバッチ処理（バッチング）" (3 times, first in /site/a.md:2).']);
  });

  it("keeps the brackets a source has: they are text to translate", () => {
    const found = messagesOf([
      { filePath: "/site/a.md", text: inline("## Reading gauges (async)", "## Lendo medidores (assíncronos)") },
      { filePath: "/site/b.md", text: inline("## Reading gauges (async)", "## Lendo medidores (assíncronos)") },
      { filePath: "/site/c.md", text: inline("## Reading gauges (async)", "## Lendo medidores") },
    ]);
    expect(found["/site/c.md"]).toEqual(['2: "Reading gauges (async)" is translated "Lendo medidores" here, but elsewhere as "Lendo medidores (assíncronos)" (2 times, first in /site/a.md:2).']);
  });

  it("compares what a reader sees: link targets, emphasis and explicit ids left out", () => {
    const found = messagesOf([
      { filePath: "/site/a.md", text: inline("## Read the [server guide](/a/server)", "## Leia o [guia do servidor](/pt/server) {#guia}") },
      { filePath: "/site/b.md", text: inline("## Read the [server guide](../server)", "## Leia o *guia do servidor* {/*guia-servidor*/}") },
    ]);
    expect(Object.values(found).flat()).toEqual([]);
  });

  it("leaves out translations that keep the source, and sources shorter than minWords", () => {
    const found = messagesOf([
      { filePath: "/site/a.md", text: `${inline("## Server Components", "## Server Components")}\n${inline("## Caveats", "## Ressalvas")}` },
      { filePath: "/site/b.md", text: `${inline("## Server Components", "## Componentes de Servidor")}\n${inline("## Caveats", "## Avisos")}` },
    ]);
    expect(Object.values(found).flat()).toEqual([]);
  });

  it("reports a one-word heading when minWords allows it", () => {
    const found = messagesOf(
      [
        { filePath: "/site/a.md", text: inline("## Caveats", "## Ressalvas") },
        { filePath: "/site/b.md", text: inline("## Caveats", "## Avisos") },
      ],
      { rules: { [rule.id]: ["warn", { minWords: 1 }] } },
    );
    expect(found["/site/b.md"]).toEqual(['2: "Caveats" is translated "Avisos" here, but elsewhere as "Ressalvas" (/site/a.md:2).']);
  });

  it("compares files of one language only", () => {
    const results = lintProject(
      [
        { filePath: "/site/es/a.md", text: inline("## Handling errors well", "## Manejar bien los errores") },
        { filePath: "/site/fr/a.md", text: inline("## Handling errors well", "## Bien gérer les erreurs") },
      ],
      { ruleSet: [rule], rules: { [rule.id]: "warn" } },
    );
    expect(results.map((r) => r.digests?.[rule.id]?.language)).toEqual(["es", "fr"]);
    expect(results.flatMap((r) => r.findings)).toEqual([]);
  });

  it("compares the pairs of parallel files", () => {
    const source = { filePath: "/site/en/a.md", text: "# Guide\n\n## Writing good tests\n\nSome text.\n" };
    const found = messagesOf([
      { filePath: "/site/pt-br/a.md", text: "# Guia\n\n## Escrevendo bons testes\n\nUm texto.\n", source },
      { filePath: "/site/pt-br/b.md", text: inline("## Writing good tests", "## Como escrever bons testes") },
    ]);
    expect(found["/site/pt-br/a.md"]).toEqual(['3: "Writing good tests" is translated "Escrevendo bons testes" here, but elsewhere as "Como escrever bons testes" (/site/pt-br/b.md:2).']);
  });

  it("obeys a directive at the translation, which then counts as used", () => {
    const silenced = `<!-- nl-lint-disable-next-line inconsistent-translation -- a page of its own -->\n${inline("## Running the checks", "## Rodando as verificações")}`;
    const results = lintProject(
      [
        { filePath: "/site/a.md", text: inline("## Running the checks", "## Executando as verificações") },
        { filePath: "/site/b.md", text: silenced },
      ],
      { targetLanguage: "pt-br", ruleSet: [rule], rules: { [rule.id]: "warn" }, reportUnusedDisableDirectives: "error" },
    );
    const [a, b] = results;
    expect(b.findings).toEqual([]);
    expect(a.findings.map((f) => f.ruleId)).toEqual([rule.id]);
  });

  it("collects nothing when the rule is off or --only leaves it out", () => {
    const texts = [{ filePath: "/site/a.md", text: inline("## Running the checks", "## Executando as verificações") }];
    expect(lintProject(texts, { ruleSet: [rule], rules: { [rule.id]: "off" } })[0].digests).toBeUndefined();
    expect(lintProject(texts, { ruleSet: [rule], only: ["typo"] })[0].digests).toBeUndefined();
  });
});

// The rule tester runs a project rule over a case and its `otherFiles` as one run.
new RuleTester({ targetLanguage: "fr" }).run(rule, {
  valid: [{ code: inline("## Reading the logs", "## Lire les journaux"), filePath: "/fr/b.md", otherFiles: [{ filePath: "/fr/a.md", text: inline("## Reading the logs", "## Lire les journaux") }] }],
  invalid: [
    {
      code: inline("## Reading the logs", "## Consulter les logs"),
      filePath: "/fr/b.md",
      otherFiles: [{ filePath: "/fr/a.md", text: inline("## Reading the logs", "## Lire les journaux") }],
      errors: [{ messageId: "inconsistent", line: 2, messageIncludes: '"Lire les journaux" (/fr/a.md:2)' }],
      output: null,
    },
  ],
});

describe("inconsistent-translation of configured glossary terms", () => {
  const glossary = {
    "merge request": { es: ["solicitud de fusión", "merge request"], "pt-BR": ["merge request"] },
    branch: { fr: ["branche", "branch"] },
    workflow: { de: ["Arbeitsablauf", "Workflow"] },
    trace: { es: ["traza", "trace"] },
  };
  const withGlossary = (targetLanguage: string, options: Options = {}) => ({ targetLanguage, settings: { glossary }, ...options });
  const para = (source: string, translation: string) => inline(source, translation);

  it("reports the pages that render a term with the form fewer pages use; a plural is the same form", () => {
    const found = messagesOf(
      [
        { filePath: "/es/a.md", text: para("Open two merge requests.", "Abre dos solicitudes de fusión.") },
        { filePath: "/es/b.md", text: para("Close the merge request.", "Cierra la solicitud de fusión.") },
        { filePath: "/es/c.md", text: `# Guía\n\n${para("Review the merge request.", "Revisa el merge request.")}` },
      ],
      withGlossary("es"),
    );
    expect(found["/es/a.md"]).toEqual([]);
    expect(found["/es/b.md"]).toEqual([]);
    expect(found["/es/c.md"]).toEqual(['4: The term "merge request" is rendered "merge request" here, but elsewhere as "solicitud de fusión" (2 times, first in /es/a.md:2).']);
  });

  it("counts pages before uses: one page repeating a form does not outvote two pages", () => {
    const busy = [1, 2, 3].map((n) => para(`Step ${n} of the workflow starts.`, `Schritt ${n} des Workflows beginnt.`)).join("\n");
    const found = messagesOf(
      [
        { filePath: "/de/a.md", text: busy },
        { filePath: "/de/b.md", text: para("The workflow stops.", "Der Arbeitsablauf hält an.") },
        { filePath: "/de/c.md", text: para("Each workflow has a name.", "Jeder Arbeitsablauf hat einen Namen.") },
      ],
      withGlossary("de"),
    );
    expect(found["/de/a.md"]).toHaveLength(3);
    expect(found["/de/a.md"][0]).toBe('2: The term "workflow" is rendered "Workflow" here, but elsewhere as "Arbeitsablauf" (2 times, first in /de/b.md:2).');
    expect([...found["/de/b.md"], ...found["/de/c.md"]]).toEqual([]);
  });

  it("does not report a page for using both forms when no other page uses the term", () => {
    const text = [para("Create a branch.", "Créez une branche."), para("Delete the branch.", "Supprimez la branch.")].join("\n");
    expect(messagesOf([{ filePath: "/fr/a.md", text }, { filePath: "/fr/b.md", text: para("Read the logs.", "Lisez les journaux.") }], withGlossary("fr"))["/fr/a.md"]).toEqual([]);
  });

  it("reports the mixed page's minority form once another page uses the term", () => {
    const mixed = [para("Create a branch.", "Créez une branche."), para("Delete the branch.", "Supprimez la branch.")].join("\n");
    const found = messagesOf([{ filePath: "/fr/a.md", text: mixed }, { filePath: "/fr/b.md", text: para("Rename the branch.", "Renommez la branche.") }], withGlossary("fr"));
    expect(found["/fr/a.md"]).toEqual(['5: The term "branch" is rendered "branch" here, but elsewhere as "branche" (2 times, first in /fr/a.md:2).']);
    expect(found["/fr/b.md"]).toEqual([]);
  });

  it("takes a pair that names both forms (a form and its English) for no use of either", () => {
    const found = messagesOf(
      [
        { filePath: "/es/a.md", text: para("Open a merge request.", "Abre una solicitud de fusión (merge request).") },
        { filePath: "/es/b.md", text: para("Merge the merge request.", "Fusiona el merge request.") },
        { filePath: "/es/c.md", text: para("The merge request waits.", "El merge request espera.") },
      ],
      withGlossary("es"),
    );
    expect(Object.values(found).flat()).toEqual([]);
  });

  it("knows a page's form only from its prose's words: not from a heading's id, code, a name or a word of the same stem", () => {
    const usual = [
      { filePath: "/es/a.md", text: para("The traces arrive.", "Las trazas llegan.") },
      { filePath: "/es/b.md", text: para("Each trace has spans.", "Cada traza tiene spans.") },
    ];
    const found = messagesOf(
      [
        ...usual,
        { filePath: "/es/c.md", text: inline("## Propagate the trace context", "## Propagar el contexto de trazado {#propagate-trace-context}") },
        { filePath: "/es/d.md", text: para("Set up the trace exporter.", "Configura el `TraceExporter` para el seguimiento.") },
        { filePath: "/es/e.md", text: para("Read the trace.", "Lee el seguimiento del TraceProvider.") },
      ],
      withGlossary("es"),
    );
    expect(Object.values(found).flat()).toEqual([]);
  });

  it("compares parallel files too, and nothing when the option is off or the term has one form", () => {
    const texts = [
      { filePath: "/es/a.md", text: "Abre la solicitud de fusión.\n", source: { text: "Open the merge request.\n" } },
      { filePath: "/es/b.md", text: "Abre el merge request.\n", source: { text: "Open the merge request.\n" } },
    ];
    expect(Object.values(messagesOf(texts, withGlossary("es"))).flat()).toHaveLength(2);
    expect(Object.values(messagesOf(texts, withGlossary("es", { rules: { [rule.id]: ["warn", { glossary: false }] } }))).flat()).toEqual([]);
    const portuguese = [
      { filePath: "/pt/a.md", text: para("Open the merge request.", "Abra o merge request.") },
      { filePath: "/pt/b.md", text: para("Open the merge request.", "Abra a solicitação de merge.") },
    ];
    expect(Object.values(messagesOf(portuguese, withGlossary("pt-br"))).flat()).toEqual([]);
  });
});
