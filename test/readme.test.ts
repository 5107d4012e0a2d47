import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";

const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");

it("the README's first screen gives the install-and-lint command and the test command", () => {
  const firstScreen = readme.split("\n").slice(0, 25).join("\n");
  expect(firstScreen).toContain("npm ci && node bin/nl-lint.js fixtures/examples");
  expect(firstScreen).toContain("npm test");
});
