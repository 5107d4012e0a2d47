#!/usr/bin/env node
import { statSync } from "node:fs";

// The one-file bundle starts several times faster than the compiled modules (see
// scripts/bundle.mjs); it is used only when it is newer than them.
const bundle = new URL("../dist/cli.bundle.mjs", import.meta.url);
const modules = new URL("../dist/src/cli/main.js", import.meta.url);
const modified = (url) => statSync(url, { throwIfNoEntry: false })?.mtimeMs ?? -1;
const { run } = await import(modified(bundle) >= modified(modules) ? bundle.href : modules.href);

process.exitCode = await run(process.argv.slice(2));
