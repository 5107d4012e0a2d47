import { describe, expect, it } from "vitest";
import rule from "../../rules/number-mismatch/index.js";
import { numbersIn, readings, scaled } from "../../rules/number-mismatch/numbers.js";
import { cjkNumeral } from "../../rules/number-mismatch/number-words.js";
import { lint } from "../../src/core/lint.js";
import { runRuleTests, type ValidCase } from "../helpers/rule-tester.js";

const ptBr = { targetLanguage: "pt-br" };
const parallel = (source: string, targetLanguage: string) => ({ source: { text: source }, targetLanguage });
/** The rule is off by default: every case turns it on with its default options. */
const on = <T extends ValidCase>(cases: T[]): T[] => cases.map((c) => ({ options: {}, ...c }));

runRuleTests(rule, {
  valid: on([
    {
      name: "the same numbers, grouped and marked the Portuguese way",
      code: "<!-- It took 1,250.75 hours over 3.5 years. -->\nLevou 1.250,75 horas em 3,5 anos.\n",
      lint: ptBr,
    },
    {
      name: "French groups with a no-break space and puts a space before the percent sign",
      code: "Le jeu compte 1\u00a0000,5 points, soit 10 % du total.\n",
      lint: parallel("The set has 1,000.5 points, or 10% of the total.\n", "fr"),
    },
    {
      name: "digits inside a URL, a link destination and inline code are not prose",
      code: "<!-- See https://example.org/2019/post and [the notes](https://example.org/v7/notes) or run `retry --times 4`. -->\nVeja https://example.org/2019/post e [as notas](https://example.org/v7/notas) ou rode `retry --times 5`.\n",
      lint: ptBr,
    },
    {
      name: "a code block's numbers are not compared",
      code: "Defina o limite:\n\n```js\nconst limit = 20;\n```\n",
      lint: parallel("Set the limit:\n\n```js\nconst limit = 10;\n```\n", "pt-br"),
    },
    {
      name: "an ordered list that starts at another number, and a footnote label",
      code: "3. Abra o painel.[^1]\n\n[^1]: Nota do tradutor.\n",
      lint: parallel("1. Open the panel.[^2]\n\n[^2]: A note.\n", "pt-br"),
    },
    {
      name: "an HTML attribute's number is markup",
      code: 'Clique no <img src="botao.png" width="32"> botão.\n',
      lint: parallel('Click the <img src="button.png" width="24"> button.\n', "pt-br"),
    },
    {
      name: "a number written in words on either side",
      code: "Instale três pacotes e reinicie 2 vezes.\n",
      lint: parallel("Install 3 packages and restart twice.\n", "pt-br"),
    },
    {
      name: "a Japanese sentence with full-width digits and a month written as a number",
      code: "２０２４年３月に、３つの機能が追加されました。\n",
      lint: parallel("In March 2024, three features were added.\n", "ja"),
    },
    {
      name: "Chinese 万 and the English thousand are one number",
      code: "每天有 2 万次下载。\n",
      lint: parallel("There are 20,000 downloads a day.\n", "zh-cn"),
    },
    {
      name: "Chinese numerals written as characters",
      code: "这个函数接受二十五个参数。\n",
      lint: parallel("The function takes 25 arguments.\n", "zh-cn"),
    },
    {
      name: "digits that are part of a name are not a count (GPT-3, H100, i18n)",
      code: "O GPT-3 roda em uma H100 com suporte a i18n.\n",
      lint: parallel("GPT-3 runs on an H100 with i18n support.\n", "pt-br"),
    },
    {
      name: "a version keeps its points",
      code: "A versão v2.1 corrige o erro.\n",
      lint: parallel("Version v2.1 fixes the bug.\n", "pt-br"),
    },
    {
      name: "a heading id and a Hugo shortcode's attributes are markup",
      code: '## Passo um {#step-1}\n\n{{< figure src="a.png" width="400" >}} Veja a figura.\n',
      lint: parallel('## Step one {#step-1}\n\n{{< figure src="a.png" width="600" >}} See the figure.\n', "pt-br"),
    },
    {
      name: "7B is seven billion",
      code: "O modelo de 7 bilhões de parâmetros cabe na memória.\n",
      lint: parallel("The 7B model fits in memory.\n", "pt-br"),
    },
    {
      name: "numbers a team writes freely can be ignored",
      code: "<!-- Wait for a while. -->\nAguarde 30 segundos.\n",
      lint: ptBr,
      options: { ignore: ["30"] },
    },
    {
      name: "number words of another language come from the options",
      code: "Drie bestanden zijn nodig.\n",
      lint: parallel("3 files are needed.\n", "nl"),
      options: { numberWords: { nl: { drie: 3 } } },
    },
    {
      name: "a count Japanese writes in digits where English has a word the tables do not know",
      code: "もう1つの方法は、値を2乗することです。\n",
      lint: parallel("Another way is to square the value.\n", "ja"),
    },
    {
      name: "an English compound number word",
      code: "`u64` は64ビットの整数です。\n",
      lint: parallel("A `u64` is a sixty-four bit integer.\n", "ja"),
    },
    {
      name: "a number the other side writes as inline code",
      code: "`0`、`1`、`2` の番号は説明のためのものです。\n",
      lint: parallel("The numbers 0, 1, and 2 are only for illustration.\n", "ja"),
    },
    {
      name: "a footnote mark left as text in a comment, whose definition the comment does not hold",
      code: "<!-- This works like a slice[^7]. -->\nIsso funciona como uma fatia.\n",
      lint: ptBr,
    },
    {
      name: "a translator's note in parentheses is the translator's own text",
      code: "キャッシュは再構築されます（訳注: バージョン 12 以降の動作です）。\n",
      lint: parallel("The cache is rebuilt.\n", "ja"),
    },
    {
      name: "a version's trailing zero part",
      code: "O recurso é experimental no TensorFlow 2.1.\n",
      lint: parallel("The feature is experimental in TensorFlow 2.1.0.\n", "pt-br"),
    },
    {
      name: "an ordinal written in words",
      code: "Bem-vindo à sétima edição.\n",
      lint: parallel("Welcome to the 7th issue.\n", "pt-br"),
    },
    {
      name: "a section number a translator put before a heading",
      code: "## 3.2 Ferramentas de depuração\n\n\\\\\n**4.1 Leituras da semana**\n",
      lint: parallel("## Debugging tools\n\n**Reading of the week**\n", "pt-br"),
    },
    {
      name: "a citation mark whose link moved to a reference list",
      code: "O artigo[12] mostra o método.\n",
      lint: parallel("The [paper](https://example.org/p) shows the method.\n", "pt-br"),
    },
    {
      name: "a scale word joined to its number by a hyphen",
      code: "训练 1000 亿参数的模型。\n",
      lint: parallel("Train 100-billion parameter models.\n", "zh-cn"),
    },
    {
      name: "a decimal written without its leading zero",
      code: "Se você definir 0,5, metade dos eventos é guardada.\n",
      lint: parallel("If you set .5, half of the events are kept.\n", "pt-br"),
    },
    {
      name: "a number written into a name on the other side (p99)",
      code: "延迟直方图 p95 与 p99。\n",
      lint: parallel("The latency histograms at 95 and 99.\n", "zh-cn"),
    },
    {
      name: "a fraction written in words",
      code: "回答者の 4 分の 1 が中立でした。\n",
      lint: parallel("A quarter of the people who answered were neutral.\n", "ja"),
    },
    {
      name: "a vague amount in words",
      code: "Des centaines de livres sont gratuits.\n",
      lint: parallel("100s of books are free.\n", "fr"),
    },
    {
      name: "a date that opens a line is not a section number",
      code: "21 de dezembro de 2020, por Ana\n\n## Retrospectiva de 2020\n",
      lint: parallel("December 21, 2020, by Ana\n\n## 2020 in review\n", "pt-br"),
    },
    {
      name: "Bengali digits are digits",
      code: "যেমন, ৮০৮১ পোর্ট ব্যবহার করুন।\n",
      lint: parallel("For example, use port 8081.\n", "bn"),
    },
    {
      name: "English writes a list with commas where a translation puts spaces",
      code: "As seções 2, 3 e 4 mostram o fluxo.\n",
      lint: parallel("Sections 2,3 and 4 show the flow.\n", "pt-br"),
    },
    {
      name: "a range shares its scale word, and a number in words takes one too",
      code: "每秒发送 50 万到 60 万个 span，最大的端点有 300 万条记录。\n",
      lint: parallel("It sends 500-600 thousand spans a second; the largest endpoint has three million entries.\n", "zh-cn"),
    },
    {
      name: "a base written in words",
      code: "14 桁の16進数で表します。\n",
      lint: parallel("It is written as 14 hexadecimal digits.\n", "ja"),
    },
    {
      name: "a time written as four digits",
      code: "A reunião é às quintas, às 06:00 PT.\n",
      lint: parallel("The call is every Thursday at 0600 PT.\n", "pt-br"),
    },
    {
      name: "a scale word on the next line of a wrapped paragraph",
      code: "Prometheus 上に 30 億の時系列があります。\n",
      lint: parallel("Prometheus stores 3\nbillion series.\n", "ja"),
    },
  ]),
  invalid: on([
    {
      name: "a date the translation adds is one finding",
      code: "<!-- The meetup is at the end of the month. -->\nO encontro é no fim do mês (27/04/2020).\n",
      lint: ptBr,
      errors: [{ messageId: "added", column: 29, messageIncludes: "27/04/2020 is not in the source" }],
    },
    {
      name: "a source number missing: reported on the translation's first line, naming the source line",
      code: "<!-- The survey asked\n87 people. -->\nA pesquisa ouviu\nmuitas pessoas.\n",
      lint: ptBr,
      errors: [{ messageId: "missing", line: 3, column: 1, side: "translation", messageIncludes: "87 (source line 2)" }],
    },
    {
      name: "an added number is reported where it stands",
      code: "<!-- Prices rose last year. -->\nOs preços subiram 12% no ano passado.\n",
      lint: ptBr,
      errors: [{ messageId: "added", line: 2, column: 19, messageIncludes: "12 is not in the source (line 1)" }],
    },
    {
      name: "a decimal read as a thousand: 1,5 is not 15",
      code: "O arquivo tem 15 MB.\n",
      lint: parallel("The file is 1.5 MB.\n", "pt-br"),
      errors: [{ messageId: "changed", column: 15, messageIncludes: "15 is 1.5 in the source" }],
    },
    {
      name: "a changed number in a Chinese sentence, found at its place",
      code: "缓存保存 7 天。\n",
      lint: parallel("The cache keeps data for 30 days.\n", "zh-cn"),
      errors: [{ messageId: "changed", line: 1, column: 6 }],
    },
    {
      name: "full-width digits that differ",
      code: "最大で４つまで選べます。\n",
      lint: parallel("You can pick up to 5 items.\n", "ja"),
      errors: [{ messageId: "changed", column: 4, messageIncludes: "４ is 5" }],
    },
    {
      name: "a number in a link's label is prose",
      code: "Leia [o capítulo 4](https://example.org/c).\n",
      lint: parallel("Read [chapter 3](https://example.org/c).\n", "pt-br"),
      errors: [{ messageId: "changed", column: 18 }],
    },
  ]),
});

describe("reading numbers", () => {
  it("keeps both readings of a lone separator before three digits", () => {
    expect(readings("1,000").sort()).toEqual(["1", "1000"]);
    expect(readings("1.000").sort()).toEqual(["1", "1000"]);
  });
  it("takes the last of two separators as the decimal mark", () => {
    expect(readings("1,000.5")).toEqual(["1000.5"]);
    expect(readings("1.000,5")).toEqual(["1000.5"]);
    expect(readings("1 000,5")).toEqual(["1000.5"]);
  });
  it("reads points between short groups as a version", () => {
    expect(readings("1.2.3")).toEqual(["1.2.3"]);
  });
  it("scales exactly, without floating point", () => {
    expect(scaled("1.1", 9)).toBe("1100000000");
    expect(scaled("15", 8)).toBe("1500000000");
    expect(scaled("0.25", 1)).toBe("2.5");
  });
  it("reads Chinese numerals", () => {
    expect(cjkNumeral("二十五")).toBe(25);
    expect(cjkNumeral("十")).toBe(10);
    expect(cjkNumeral("三百零五")).toBe(305);
    expect(cjkNumeral("两万")).toBe(20000);
  });
});

describe("number-mismatch examples", () => {
  const examples = rule.examples!;
  const run = (example: (typeof examples.valid)[number]) =>
    lint(example.code, {
      ruleSet: [rule],
      rules: { [rule.id]: [rule.severity, example.options ?? {}] },
      targetLanguage: example.targetLanguage,
      ...(example.source === undefined ? {} : { source: { text: example.source } }),
    }).findings.map((f) => f.message);
  it("is off unless turned on", () => {
    const example = examples.invalid[0];
    expect(lint(example.code, { targetLanguage: example.targetLanguage }).findings.filter((f) => f.ruleId === rule.id)).toEqual([]);
  });
  it("has at least two of each kind", () => {
    expect(examples.valid.length).toBeGreaterThanOrEqual(2);
    expect(examples.invalid.length).toBeGreaterThanOrEqual(2);
  });
  for (const example of [...examples.valid, ...examples.invalid]) {
    it(example.title, () => expect(run(example)).toEqual(example.messages ?? []));
  }
});

describe("numbers next to each other", () => {
  it("a year before a count is two numbers, not a grouped thousand", () => {
    expect(numbersIn("em 2020 100 pessoas").map((n) => n.written)).toEqual(["2020", "100"]);
  });
  it("commas between one-digit numbers make a list", () => {
    expect(numbersIn("steps 1,2,3").map((n) => n.written)).toEqual(["1", "2", "3"]);
  });
});
