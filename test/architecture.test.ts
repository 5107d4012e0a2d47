import { build, type Metafile } from "esbuild";
import { readdirSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

// The import rules of issue #17, checked on the import graph of every .ts file under src/ and
// rules/. The graph comes from esbuild's parser (its metafile lists each file's imports, static
// and dynamic), so it is the graph that runs: a type-only import, erased at build, is not in it.

const root = join(fileURLToPath(import.meta.url), "..", "..");

/** Files that read the disk, run processes or speak for the command line: the Node shell, the CLI and the language server. */
const SHELL = [/^src\/cli\//, /^src\/node\//, /^src\/lsp\//];

/** The stage folders that must stay pure: no Node import, so that they run anywhere lint() runs. */
const PURE_FOLDERS = ["src/core/", "src/parse/", "src/pair/", "src/text/", "src/spell/", "src/drift/", "rules/"];

function typeScriptFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return typeScriptFiles(path);
    return path.endsWith(".ts") && !path.endsWith(".d.ts") ? [path] : [];
  });
}

function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith("node:") || builtinModules.includes(specifier.split("/")[0]);
}

let inputs: Metafile["inputs"];

beforeAll(async () => {
  const entryPoints = [...typeScriptFiles(join(root, "src")), ...typeScriptFiles(join(root, "rules"))];
  const built = await build({
    absWorkingDir: root,
    entryPoints,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    packages: "external",
    write: false,
    metafile: true,
    outdir: join(root, "dist", "architecture-test"),
    logLevel: "silent",
  });
  inputs = built.metafile.inputs;
}, 60_000);

/** Each project file's imports of other project files. */
function projectImports(file: string): string[] {
  return inputs[file].imports.filter((i) => !i.external).map((i) => i.path);
}

function nodeImports(file: string): string[] {
  return inputs[file].imports.filter((i) => i.external && isNodeBuiltin(i.path)).map((i) => i.path);
}

/** Every file `start` reaches through its imports, itself included. */
function reachable(start: string): Set<string> {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    stack.push(...projectImports(file));
  }
  return seen;
}

/** The import cycles (strongly connected components of more than one file, or a file importing itself). */
function cycles(files: string[]): string[][] {
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (file: string) => {
    order.set(file, order.size);
    low.set(file, order.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const next of projectImports(file)) {
      if (!order.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, order.get(next)!));
    }
    if (low.get(file) !== order.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || projectImports(file).includes(file)) found.push(component.sort());
  };
  for (const file of files) if (!order.has(file)) visit(file);
  return found;
}

describe("the import rules of the layout", () => {
  it("sees the files it checks", () => {
    const files = Object.keys(inputs);
    expect(files).toContain("src/core/lint.ts");
    expect(files).toContain("rules/index.ts");
    expect(files.every((file) => relative(root, join(root, file)) === file)).toBe(true);
  });

  it("no rule imports the CLI, a subcommand, the files engine or Node", () => {
    const rules = Object.keys(inputs).filter((file) => file.startsWith("rules/"));
    const wrong = rules.flatMap((rule) => [
      ...projectImports(rule).filter((target) => SHELL.some((pattern) => pattern.test(target))).map((target) => `${rule} -> ${target}`),
      ...nodeImports(rule).map((target) => `${rule} -> ${target}`),
    ]);
    expect(wrong).toEqual([]);
  });

  it("the pure core (all that lint() reaches, and src/drift/) neither imports Node nor reaches the shell", () => {
    const core = new Set([...reachable("src/core/lint.ts"), ...Object.keys(inputs).filter((file) => file.startsWith("src/drift/"))]);
    const wrong = [...core].flatMap((file) => [
      ...(SHELL.some((pattern) => pattern.test(file)) ? [`${file} is shell code`] : []),
      ...nodeImports(file).map((target) => `${file} -> ${target}`),
    ]);
    expect(wrong).toEqual([]);
  });

  it("the pure stage folders import no Node module and nothing of the shell", () => {
    const pure = Object.keys(inputs).filter((file) => PURE_FOLDERS.some((folder) => file.startsWith(folder)));
    expect(pure.length).toBeGreaterThan(40);
    const wrong = pure.flatMap((file) => [
      ...projectImports(file).filter((target) => SHELL.some((pattern) => pattern.test(target))).map((target) => `${file} -> ${target}`),
      ...nodeImports(file).map((target) => `${file} -> ${target}`),
    ]);
    expect(wrong).toEqual([]);
  });

  it("the CLI's two commands do not import each other, and nothing outside the CLI imports it", () => {
    const importers = (target: RegExp) => Object.keys(inputs).filter((file) => projectImports(file).some((t) => target.test(t)));
    expect(importers(/^src\/cli\/main\.ts$/)).toEqual([]);
    expect(importers(/^src\/cli\/status\/cli\.ts$/)).toEqual(["src/cli/main.ts"]);
    expect(Object.keys(inputs).filter((file) => !file.startsWith("src/cli/") && projectImports(file).some((t) => t.startsWith("src/cli/")))).toEqual([]);
  });

  it("the language server sits beside the CLI: nothing but the CLI may start it, and it imports nothing of the CLI", () => {
    const files = Object.keys(inputs);
    const lsp = files.filter((file) => file.startsWith("src/lsp/"));
    expect(lsp).toContain("src/lsp/server.ts");
    const importers = files.filter((file) => !file.startsWith("src/lsp/") && !file.startsWith("src/cli/") && projectImports(file).some((t) => t.startsWith("src/lsp/")));
    expect(importers).toEqual([]);
    expect(lsp.filter((file) => projectImports(file).some((t) => t.startsWith("src/cli/")))).toEqual([]);
  });

  it("has no import cycle among src/** and rules/**", () => {
    expect(cycles(Object.keys(inputs).sort())).toEqual([]);
  });
});
