#!/usr/bin/env node
// Part of `npm run build`, after tsc: bundles the compiled command line and its worker thread
// into one file each. Node loads a few hundred small ES modules (zod alone is 95) in about three
// quarters of a second; one file loads in a fraction of that, and a pre-commit hook that lints
// one post pays that start-up on every commit. bin/nl-lint.js uses the bundle when it is newer
// than the tsc output, so a plain `tsc` during development is never shadowed by an old bundle.
import { build } from "esbuild";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
  // Less text to read and compile at start; names are kept, so stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  // Hunspell's WebAssembly glue finds its files beside itself; it stays in node_modules.
  external: ["hunspell-asm"],
  // CommonJS dependencies call require(); an ES module bundle has to provide it.
  banner: { js: 'import { createRequire as __nlLintRequire } from "node:module"; const require = __nlLintRequire(import.meta.url);' },
};

await build({ ...common, entryPoints: [join(root, "dist", "src", "cli", "main.js")], outfile: join(root, "dist", "cli.bundle.mjs") });
await build({ ...common, entryPoints: [join(root, "dist", "src", "node", "workers", "lint-worker.js")], outfile: join(root, "dist", "lint-worker.bundle.mjs") });
// The language server (`nl-lint lsp`) is loaded by the command line only when asked for.
// jsonc-parser's CommonJS build is a UMD wrapper whose require() calls esbuild cannot follow: its ES module build is taken.
await build({ ...common, mainFields: ["module", "main"], entryPoints: [join(root, "dist", "src", "lsp", "main.js")], outfile: join(root, "dist", "lsp.bundle.mjs") });
