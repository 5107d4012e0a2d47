import { execFile } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { hasGit, repository, runGit, tempFolder } from "./helpers/git-repo.js";

const repoRoot = join(import.meta.dirname, "..");
const built = existsSync(join(repoRoot, "dist", "src", "cli", "main.js"));
const run = promisify(execFile);

interface Request {
  method: string;
  url: string;
  body: string;
}

/** A stand-in for GitHub's REST API: it records requests and answers with the comments it holds. */
async function fakeGitHub(comments: Array<{ id: number; body: string }>, writeStatus = 201): Promise<{ server: Server; url: string; requests: Request[] }> {
  const requests: Request[] = [];
  const read = async (req: IncomingMessage) => {
    let text = "";
    for await (const chunk of req) text += chunk;
    return text;
  };
  const server = createServer(async (req, res) => {
    const body = await read(req);
    requests.push({ method: req.method!, url: req.url!, body });
    if (req.method === "GET") {
      const page = Number(new URL(req.url!, "http://x").searchParams.get("page"));
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(page === 1 ? comments : []));
    } else res.writeHead(writeStatus, { "content-type": "application/json" }).end("{}");
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

let servers: Server[] = [];
afterEach(() => {
  for (const server of servers) server.close();
  servers = [];
});

/** A pull request's checkout as actions/checkout leaves it: one commit deep, the base branch not fetched. */
function pullRequestCheckout(): string {
  const upstream = repository();
  upstream.write("en/a.md", "# A\n\nThe 2 steps.\n");
  upstream.write("fr/a.md", "# A\n\nLes 2 étapes.\n");
  upstream.commit("site");
  upstream.git("checkout", "-q", "-b", "topic");
  upstream.write("en/a.md", "# A\n\nThe 3 steps.\n");
  upstream.commit("three steps");
  const dir = tempFolder("nl-lint-pr-");
  runGit(dir, "clone", "-q", "--depth", "1", "--branch", "topic", `file://${upstream.dir}`, "work");
  return join(dir, "work");
}

async function postStatus(work: string, api: string) {
  const summary = join(work, "..", "summary.md");
  writeFileSync(summary, "");
  const result = await run("bash", [join(repoRoot, "scripts", "status-comment.sh")], {
    cwd: work,
    env: { ...process.env, GITHUB_ACTION_PATH: repoRoot, GITHUB_API_URL: api, GITHUB_REPOSITORY: "o/r", NL_LINT_PR: "7", NL_LINT_BASE: "main", NL_LINT_STATUS_ARGS: "--source-root en fr", GH_TOKEN: "t0ken", GITHUB_STEP_SUMMARY: summary },
  });
  return { ...result, summary: readFileSync(summary, "utf8") };
}

describe.skipIf(!built || !hasGit())("the action's status comment", () => {
  it("posts one comment on the first push, and edits it (found by its marker) on the next", async () => {
    const work = pullRequestCheckout();
    const first = await fakeGitHub([{ id: 1, body: "Nice change!" }]);
    servers.push(first.server);
    await postStatus(work, first.url);
    const posts = first.requests.filter((r) => r.method !== "GET");
    expect(posts.map((r) => `${r.method} ${r.url}`)).toEqual(["POST /repos/o/r/issues/7/comments"]);
    const body = JSON.parse(posts[0].body).body as string;
    expect(body.startsWith("<!-- nl-lint-status -->\n")).toBe(true);
    expect(body).toContain("| a.md | ⚠️ outdated (1 place) |");

    const next = await fakeGitHub([{ id: 1, body: "Nice change!" }, { id: 42, body }]);
    servers.push(next.server);
    const second = await postStatus(work, next.url);
    expect(next.requests.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.url}`)).toEqual(["PATCH /repos/o/r/issues/comments/42"]);
    expect(second.stdout).toContain("comment 42 updated");
  }, 60_000);

  it("with a read-only token (a fork's pull request) warns and puts the status in the job summary", async () => {
    const work = pullRequestCheckout();
    const github = await fakeGitHub([], 403);
    servers.push(github.server);
    const result = await postStatus(work, github.url);
    expect(result.stdout).toContain("::warning title=nl-lint status::could not post the status comment (HTTP 403)");
    expect(result.summary).toContain("<!-- nl-lint-status -->");
  }, 60_000);
});
