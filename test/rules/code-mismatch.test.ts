import rule from "../../rules/code-mismatch/index.js";
import { runRuleTests } from "../helpers/rule-tester.js";

const fence = "```";
/** A parallel source page with a code sample. */
const sourcePage = {
  filePath: "/site/en/guide.md",
  text: `# Guide\n\nCall \`useState\` first.\n\n${fence}js\n// keep the count in state\nconst [count, setCount] = useState(0);\nalert("Saved");\n${fence}\n`,
};
const translatedPage = (code: string, span = "useState") =>
  `# Guia\n\nChame \`${span}\` primeiro.\n\n${fence}js\n${code}\n${fence}\n`;

/** The rule is off by default: every case turns it on with its default options. */
const on = {};

runRuleTests(rule, {
  valid: [
    { name: "the same code span, in German", options: on, code: "<!-- Run `npm install` once. -->\nFühren Sie einmal `npm install` aus.\n" },
    {
      name: "spans in another order (a translator reorders a sentence), in Spanish",
      options: on,
      code: "<!-- Use `map` before `filter`. -->\nAntes de `filter`, usa `map`.\n",
    },
    {
      name: "a span the translation repeats where the source says 'it' (Japanese)",
      options: on,
      code: "<!-- Lock `mutex` and then release it. -->\n`mutex` をロックしてから `mutex` を解放します。\n",
    },
    {
      name: "a keyword the Japanese translation writes as plain text, with no space before the particle",
      options: on,
      code: "<!-- Declare it with `enum` here. -->\nここでは enumで宣言します。\n",
    },
    {
      name: "a kept English term set in code type by the translator (Chinese)",
      options: on,
      code: "<!-- It improves beam search for long outputs. -->\n它改进了长输出的 `beam search`。\n",
    },
    {
      name: "spans merged into one, the same code written with more around it",
      options: on,
      code: "<!-- Call `open()` or `open`. -->\nAppelez `open()`.\n",
    },
    {
      name: "a code block whose comment and string are translated (parallel pair)",
      options: on,
      code: translatedPage(`// guarde a contagem no estado\nconst [count, setCount] = useState(0);\nalert("Salvo");`),
      lint: { filePath: "/site/pt-br/guide.md", source: sourcePage },
    },
    {
      name: "JSX text a sample shows its reader, translated (pt-BR): interface text, like strings",
      options: on,
      code: `<!-- Render it:\n\n${fence}js\nreturn <h1>Hello, {name}, see you in {room}!</h1>;\n${fence}\n-->\nRenderize:\n\n${fence}js\nreturn <h1>Olá, {name}: até logo na sala {room}.</h1>;\n${fence}\n`,
    },
    {
      name: "a string translated inside a code span (pt-BR)",
      options: on,
      code: '<!-- Writing `list[0] = "thing"` mutates it. -->\nEscrever `list[0] = "coisa"` o altera.\n',
    },
    {
      name: "a source block written twice by the translation, once in each of two tabs (parallel pair)",
      options: on,
      code: `${translatedPage(`// guarde a contagem no estado\nconst [count, setCount] = useState(0);\nalert("Salvo");`)}\n${fence}js\nconst [count, setCount] = useState(0);\nalert("Salvo");\n${fence}\n`,
      lint: { filePath: "/site/pt-br/guide.md", source: sourcePage },
    },
    {
      name: "a block copied as it is under a fence that names its language where the source's names none",
      options: on,
      code: "# Início\n\n```js\nstart(\"now\");\n```\n",
      lint: { filePath: "/site/pt-br/start.md", source: { filePath: "/site/en/start.md", text: "# Start\n\n```\nstart(\"now\");\n```\n" } },
    },
    {
      name: "JSX text before an expression that holds JSX, translated (pt-BR)",
      options: on,
      code: `<!-- Label it:\n\n${fence}jsx\n<label>\n  Name:{' '}\n  {editing ? <input /> : <b>{name}</b>}\n</label>\n${fence}\n-->\nRotule:\n\n${fence}jsx\n<label>\n  Nome:{' '}\n  {editing ? <input /> : <b>{name}</b>}\n</label>\n${fence}\n`,
    },
    {
      name: "a code block re-indented, in a Python sample with a translated # comment",
      options: on,
      code: `<!-- Print it:\n\n${fence}python\n# show the total\nprint(total)\n${fence}\n-->\nImprima:\n\n${fence}python\n    # mostra o total\n    print(total)\n${fence}\n`,
    },
    {
      name: "an inline post that writes its code block once, outside the comments",
      options: on,
      code: `<!-- Build it. -->\nビルドします。\n\n${fence}sh\ncargo build\n${fence}\n`,
    },
    {
      name: "a term the source sets in code type, written in Japanese by the translation",
      options: on,
      code: "<!-- See the `closures` chapter, and the `enum` keyword. -->\n`クロージャ` の章と列挙型のキーワードを参照してください。\n",
    },
    {
      name: "a term the source writes as a plural word, set in code type by the translation (Chinese)",
      options: on,
      code: "<!-- Read more about slices in the reference. -->\n在参考文档中阅读更多关于 `slice` 的内容。\n",
    },
    {
      name: "an expression shortened, its whole form in the sentence before (pt-BR)",
      options: on,
      code: "<!-- We write `impl Deref<Target = str> for String`. -->\nEscrevemos `impl Deref<Target = str> for String`.\n\n<!-- So a string derefs. -->\nComo `String` implementa `Deref<Target=str>`, a conversão é automática.\n",
    },
    {
      name: "a phrase the source sets in code type, translated as a phrase (pt-BR)",
      options: on,
      code: '<!-- Pass an `event callback`, watch for `Save "draft" now` and pour `2 cups of water`. -->\nPasse uma `função de evento`, observe `Salvar "rascunho" agora` e despeje `2 xícaras de água`.\n',
    },
    {
      name: "a block of plain text, translated like prose (es)",
      options: on,
      code: "# Pasos\n\n```\n* El componente se monta.\n* Los efectos se crean.\n```\n",
      lint: { filePath: "/site/es/steps.md", source: { filePath: "/site/en/steps.md", text: "# Steps\n\n```\n* The component mounts.\n* Effects are created.\n```\n" } },
    },
    {
      name: "a diagram whose labels are translated (ja)",
      options: on,
      code: "# 流れ\n\n```mermaid\ngraph LR\n  A[受信] --> B[処理]\n```\n",
      lint: { filePath: "/site/ja/flow.md", source: { filePath: "/site/en/flow.md", text: "# Flow\n\n```mermaid\ngraph LR\n  A[Receive] --> B[Process]\n```\n" } },
    },
    {
      name: "strings emptied whatever their quotes (fr)",
      options: on,
      code: "<!-- Call `getElementById('root')` once. -->\nAppelez `getElementById(\"racine\")` une fois.\n",
    },
    {
      name: "an identifier the source writes as words, and a plural span made singular (ko)",
      options: on,
      code: "<!-- Set the sampler on the tracer provider, then add `Exporters`. -->\n`TracerProvider`에 샘플러를 설정한 다음 `Exporter`를 추가합니다.\n",
    },
    {
      name: "a source span glued to a word (`impl`ementing) whose word is translated (French)",
      options: on,
      code: "<!-- We are `impl`ementing the trait here. -->\nNous implémentons le trait ici.\n",
    },
    {
      name: "a span in a translator's note in parentheses (Japanese)",
      options: on,
      code: "<!-- Braces mark where the value goes. -->\n波括弧は値が入る場所を示します（訳注：`{` を横から見てください）。\n",
    },
    {
      name: "spacing inside a span changed around an operator",
      options: on,
      code: "<!-- Shift by `len + 1` places. -->\nDesloque `len+1` posições.\n",
    },
    {
      name: "a name the translation gives where the source says 'it', named in the sentence before (pt-BR)",
      options: on,
      code: "<!-- The `vec!` macro builds a vector. -->\nA macro `vec!` cria um vetor.\n\n<!-- It takes any number of arguments. -->\nA `vec!` aceita qualquer número de argumentos.\n",
    },
  ],
  invalid: [
    {
      name: "an identifier translated into Japanese is still reported: its shape is code",
      options: on,
      code: "<!-- Here `ParseError` wraps the cause in a `Box<dyn Error>` value. -->\nここでは `解析エラー` が原因を `Box<dyn Error>` の値に包みます。\n",
      errors: [{ messageId: "spanChanged", messageIncludes: "has `ParseError` here" }],
    },
    {
      name: "an identifier translated in a code span (pt-BR)",
      options: on,
      code: "<!-- Call `useState` at the top. -->\nChame `usarEstado` no topo.\n",
      errors: [{ messageId: "spanChanged", line: 2, column: 7, messageIncludes: "has `useState` here" }],
    },
    {
      name: "a code span dropped (French)",
      options: on,
      code: "<!-- Set `debug` to `true`. -->\nMettez le débogage à `true`.\n",
      errors: [{ messageId: "spanDropped", line: 2, messageIncludes: "`debug`" }],
    },
    {
      name: "a code span added that the source has nowhere (Spanish)",
      options: on,
      code: "<!-- Restart the server. -->\nReinicia el servidor con `systemctl restart`.\n",
      errors: [{ messageId: "spanAdded", line: 2 }],
    },
    {
      name: "a typo inside a span is not the same code: `check` is not `checks`",
      options: on,
      code: "<!-- Turn on `strict_checks`. -->\nAktivieren Sie `strict_check`.\n",
      errors: [{ messageId: "spanChanged" }],
    },
    {
      name: "code changed in a block whose comment is translated (parallel pair)",
      options: on,
      code: translatedPage(`// guarde a contagem no estado\nconst [contagem, setCount] = useState(0);\nalert("Salvo");`),
      lint: { filePath: "/site/pt-br/guide.md", source: sourcePage },
      errors: [{ messageId: "blockChanged", line: 7, column: 1, messageIncludes: "const [contagem, setCount] = useState(0);" }],
    },
    {
      name: "a line of the source's block missing from the translation's (parallel pair)",
      options: on,
      code: translatedPage(`// guarde a contagem no estado\nalert("Salvo");`),
      lint: { filePath: "/site/pt-br/guide.md", source: sourcePage },
      errors: [{ messageId: "blockLacks", line: 7, messageIncludes: "lacks `const [count, setCount] = useState(0);` of its source (line 7)" }],
    },
    {
      name: "code after an arrow is code, not text a JSX sample shows (pt-BR)",
      options: on,
      code: `<!-- Stop it:\n\n${fence}jsx\nconst stop = () => {\n  connection.disconnect();\n  return <p>Bye</p>;\n};\n${fence}\n-->\nPare:\n\n${fence}jsx\nconst stop = () => {\n  conexao.desconectar();\n  return <p>Tchau</p>;\n};\n${fence}\n`,
      errors: [{ messageId: "blockChanged", line: 14, messageIncludes: "conexao.desconectar();" }],
    },
    {
      name: "strings count when asked to",
      code: translatedPage(`// guarde a contagem no estado\nconst [count, setCount] = useState(0);\nalert("Salvo");`),
      lint: { filePath: "/site/pt-br/guide.md", source: sourcePage },
      options: { compareStrings: true },
      errors: [{ messageId: "blockChanged", line: 8 }],
    },
    {
      name: "comments count when asked to",
      code: translatedPage(`// guarde a contagem no estado\nconst [count, setCount] = useState(0);\nalert("Salvo");`),
      lint: { filePath: "/site/pt-br/guide.md", source: sourcePage },
      options: { compareComments: true },
      errors: [{ messageId: "blockChanged", line: 6 }],
    },
    {
      name: "a code block in the translation with no counterpart in the source file",
      options: on,
      code: `# Guia\n\nChame \`useState\` primeiro.\n\n${fence}js\n// guarde a contagem no estado\nconst [count, setCount] = useState(0);\nalert("Salvo");\n${fence}\n\n${fence}sh\nnpm run dev\n${fence}\n`,
      lint: { filePath: "/site/pt-br/guide.md", source: sourcePage },
      errors: [{ messageId: "blockAdded", line: 11 }],
    },
  ],
});
