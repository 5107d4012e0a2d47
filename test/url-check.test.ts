import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { run, type CliIO } from "../src/cli/main.js";
import { checkUrls, errorCode } from "../src/node/url-check/checker.js";
import { externalUrls } from "../src/node/url-check/collect.js";
import { urlFilter } from "../src/node/url-check/options.js";

/**
 * A test server on the loopback interface only. Paths say what it answers: /ok, /moved (301 to
 * /ok), /temporary (302), /gone (404), /busy (429 once per path, then 200), /broken (500),
 * /slow?ms=N, /reset (the connection is dropped), /no-head (HEAD refused), /loop (redirects to itself).
 */
class LoopbackServer {
  private server!: Server;
  port = 0;
  active = 0;
  maxActive = 0;
  log: string[] = [];
  private busySeen = new Set<string>();

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const url = new URL(request.url ?? "/", "http://127.0.0.1");
      this.log.push(`${request.method} ${url.pathname}`);
      this.active++;
      this.maxActive = Math.max(this.maxActive, this.active);
      let done = false;
      const finish = () => {
        if (!done) this.active--;
        done = true;
      };
      response.on("close", finish);
      const [, kind, ...rest] = url.pathname.split("/");
      const send = (status: number, headers: Record<string, string> = {}) => {
        response.writeHead(status, { "content-type": "text/plain", ...headers });
        response.end(request.method === "HEAD" ? undefined : `status ${status}`);
      };
      switch (kind) {
        case "ok":
          return send(200);
        case "moved":
          return send(301, { location: `/ok/${rest.join("/")}` });
        case "temporary":
          return send(302, { location: `/ok/${rest.join("/")}` });
        case "gone":
          return send(404);
        case "busy":
          if (this.busySeen.has(url.pathname)) return send(200);
          this.busySeen.add(url.pathname);
          return send(429, { "retry-after": "0" });
        case "broken":
          return send(500);
        case "slow":
          return void setTimeout(() => send(200), Number(url.searchParams.get("ms") ?? 50));
        case "reset":
          return void request.socket.destroy();
        case "no-head":
          return request.method === "HEAD" ? send(405) : send(200);
        case "loop":
          return send(301, { location: url.pathname });
        default:
          return send(404);
      }
    });
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  reset(): void {
    this.log = [];
    this.maxActive = 0;
    this.busySeen.clear();
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A port on the loopback interface that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const fast = { perHostIntervalMs: 0, timeoutMs: 500, backoffMs: 5, retries: 2 };
const server = new LoopbackServer();
beforeAll(() => server.start());
afterAll(() => server.stop());
beforeEach(() => server.reset());

describe("checkUrls against a loopback server", () => {
  it("tells live, moved, gone, rate-limited, failing, slow and dropped URLs apart", async () => {
    const urls = ["/ok/a", "/moved/b", "/temporary/c", "/gone/d", "/busy/e", "/broken/f", "/slow/g?ms=20", "/slow/h?ms=2000", "/reset/i", "/no-head/j", "/loop/k"].map((p) => server.url(p));
    const { outcomes } = await checkUrls(urls, { ...fast, perHostConcurrency: 4 });
    const kind = (path: string) => outcomes.get(server.url(path));
    expect(kind("/ok/a")).toEqual({ kind: "ok", status: 200 });
    expect(kind("/moved/b")).toEqual({ kind: "redirect", status: 301, to: server.url("/ok/b") });
    expect(kind("/temporary/c")).toEqual({ kind: "ok", status: 200 });
    expect(kind("/gone/d")).toEqual({ kind: "dead", status: 404, reason: "HTTP 404" });
    expect(kind("/busy/e")).toEqual({ kind: "ok", status: 200 });
    expect(kind("/broken/f")).toEqual({ kind: "unreachable", reason: "HTTP 500" });
    expect(kind("/slow/g?ms=20")).toEqual({ kind: "ok", status: 200 });
    expect(kind("/slow/h?ms=2000")).toEqual({ kind: "unreachable", reason: "TIMEOUT" });
    expect(kind("/reset/i")?.kind).toBe("unreachable");
    expect(kind("/no-head/j")).toEqual({ kind: "ok", status: 200 });
    expect(kind("/loop/k")).toEqual({ kind: "dead", reason: "too many redirects" });
  });

  it("asks HEAD first, GET only when HEAD is refused, and retries a 429 and a 5xx with back-off", async () => {
    await checkUrls([server.url("/busy/x"), server.url("/no-head/y"), server.url("/broken/z")], { ...fast, perHostConcurrency: 1 });
    expect(server.log.filter((l) => l.endsWith("/busy/x"))).toEqual(["HEAD /busy/x", "HEAD /busy/x"]);
    expect(server.log.filter((l) => l.endsWith("/no-head/y"))).toEqual(["HEAD /no-head/y", "GET /no-head/y"]);
    expect(server.log.filter((l) => l.endsWith("/broken/z"))).toHaveLength(6);
  });

  it("keeps to the concurrency bound and to each host's", async () => {
    const urls = Array.from({ length: 120 }, (_, i) => server.url(`/slow/${i}?ms=15`));
    await checkUrls(urls, { ...fast, concurrency: 6, perHostConcurrency: 32 });
    expect(server.maxActive).toBeLessThanOrEqual(6);
    expect(server.maxActive).toBeGreaterThanOrEqual(4);
    server.reset();
    await checkUrls(urls.slice(0, 40), { ...fast, concurrency: 32, perHostConcurrency: 3 });
    expect(server.maxActive).toBeLessThanOrEqual(3);
  });

  it("spaces requests to one host by the per-host interval", async () => {
    const started = Date.now();
    await checkUrls([1, 2, 3, 4, 5].map((i) => server.url(`/ok/${i}`)), { ...fast, perHostIntervalMs: 40, perHostConcurrency: 5 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });

  it("reports a network that fails as a whole once, with no outcome per URL", async () => {
    const [a, b] = [await closedPort(), await closedPort()];
    const urls = [`http://127.0.0.1:${a}/x`, `http://127.0.0.1:${a}/y`, `http://127.0.0.1:${b}/z`];
    const result = await checkUrls(urls, fast);
    expect(result.networkFailure).toMatch(/no host answered.*ECONNREFUSED/);
    expect(result.outcomes.size).toBe(0);
  });
});

describe("failures the loopback cannot stage", () => {
  const failing = (code: string) => async () => {
    throw new TypeError("fetch failed", { cause: Object.assign(new Error(code), { code }) });
  };
  it("a host that does not exist and a bad certificate are dead; other hosts answering shows the network is up", async () => {
    const fetchStub: typeof fetch = async (input, init) => {
      const url = String(input);
      if (url.includes("nowhere.invalid")) return failing("ENOTFOUND")();
      if (url.includes("expired.example")) return failing("CERT_HAS_EXPIRED")();
      return globalThis.fetch(input, init);
    };
    const { outcomes, networkFailure } = await checkUrls(["https://nowhere.invalid/a", "https://expired.example/b", server.url("/ok/c")], { ...fast, fetch: fetchStub });
    expect(networkFailure).toBeUndefined();
    expect(outcomes.get("https://nowhere.invalid/a")).toEqual({ kind: "dead", reason: "host not found" });
    expect(outcomes.get("https://expired.example/b")).toEqual({ kind: "dead", reason: "TLS failure (CERT_HAS_EXPIRED)" });
  });

  it("a resolver that cannot answer means no network", async () => {
    const result = await checkUrls(["https://a.example/1", "https://b.example/2"], { ...fast, fetch: failing("EAI_AGAIN") });
    expect(result.networkFailure).toMatch(/EAI_AGAIN/);
  });

  it("finds the code under fetch's wrappers", () => {
    const nested = new TypeError("fetch failed", { cause: new AggregateError([Object.assign(new Error("x"), { code: "ECONNREFUSED" })]) });
    expect(errorCode(nested)).toBe("ECONNREFUSED");
    expect(errorCode(new DOMException("t", "TimeoutError"))).toBe("TIMEOUT");
  });
});

describe("URLs of a page", () => {
  it("are the rendered links, images, definitions and HTML links, not those in comments or code", () => {
    const page = [
      "See [the docs](https://docs.example/guide#intro) and ![logo](https://img.example/logo.png).",
      "<!-- [old](https://old.example/) -->",
      "`https://code.example/`",
      '<a href="https://html.example/page">x</a>',
      "[ref]: https://ref.example/x",
      "[local](./page.md)",
    ].join("\n\n");
    const found = externalUrls(page);
    expect(found.map((f) => f.url)).toEqual(["https://docs.example/guide#intro", "https://img.example/logo.png", "https://html.example/page", "https://ref.example/x"]);
    expect(found.every((f) => f.exact && page.slice(f.start, f.end) === f.url)).toBe(true);
  });

  it("are filtered by the allow and deny lists", () => {
    const wanted = urlFilter({ allow: ["https://*.example/"], deny: ["https://private.example/*"] });
    expect(wanted("https://docs.example/x")).toBe(true);
    expect(wanted("https://private.example/x")).toBe(false);
    expect(wanted("https://other.org/x")).toBe(false);
  });
});

describe("nl-lint --check-urls", () => {
  let dir: string;
  const output: { stdout: string; stderr: string } = { stdout: "", stderr: "" };
  const io = (): CliIO => ({
    stdout: (t) => (output.stdout += t),
    stderr: (t) => (output.stderr += t),
    cwd: dir,
    env: {},
    isTTY: false,
  });
  const lintJson = async (...args: string[]) => {
    output.stdout = "";
    output.stderr = "";
    const code = await run(["--only", "broken-link", "--format", "json", "--no-progress", "--concurrency", "1", ...args], io());
    return { code, results: output.stdout ? (JSON.parse(output.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; line: number; message: string; fix?: unknown }> }>) : [] };
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "nl-lint-urls-"));
    writeFileSync(join(dir, ".nl-lint.json"), JSON.stringify({ urlCheck: { perHostIntervalMs: 0, perHostConcurrency: 8, concurrency: 8, timeoutMs: 1000, deny: [server.url("/ignored/*")] } }));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("reports dead and moved URLs in the file's results, and never checks a denied one", async () => {
    writeFileSync(join(dir, "post.md"), `# Post\n\nA [live](${server.url("/ok/1")}) link, a [gone](${server.url("/gone/2")}) one,\n[moved](${server.url("/moved/3#part")}) and [ignored](${server.url("/ignored/4")}).\n`);
    const { code, results } = await lintJson("--check-urls", "post.md");
    expect(code).toBe(1);
    expect(results[0].messages.map((m) => `${m.line} ${m.ruleId}`)).toEqual(["3 dead-url", "4 url-redirect"]);
    expect(results[0].messages[1].message).toContain(`to '${server.url("/ok/3#part")}'`);
    expect(server.log.some((l) => l.includes("/ignored/"))).toBe(false);
  });

  it("without --check-urls, asks nothing", async () => {
    writeFileSync(join(dir, "post.md"), `[gone](${server.url("/gone/1")})\n`);
    const { code } = await lintJson("post.md");
    expect(code).toBe(0);
    expect(server.log).toEqual([]);
  });

  it("with --fix, rewrites a permanently moved URL to where it leads", async () => {
    writeFileSync(join(dir, "post.md"), `See [the page](${server.url("/moved/a")}).\n`);
    const { results } = await lintJson("--check-urls", "--fix", "post.md");
    expect(readFileSync(join(dir, "post.md"), "utf8")).toBe(`See [the page](${server.url("/ok/a")}).\n`);
    expect(results[0].messages).toEqual([]);
  });

  it("with --cache, a second run sends no request", async () => {
    const links = Array.from({ length: 30 }, (_, i) => `- [${i}](${server.url(i % 3 === 0 ? `/gone/${i}` : `/ok/${i}`)})`).join("\n");
    writeFileSync(join(dir, "post.md"), `# Links\n\n${links}\n`);
    const first = await lintJson("--check-urls", "--cache", "--cache-location", "cache/lint.json", "post.md");
    const sent = server.log.length;
    expect(sent).toBeGreaterThanOrEqual(30);
    const second = await lintJson("--check-urls", "--cache", "--cache-location", "cache/lint.json", "post.md");
    expect(server.log.length).toBe(sent);
    expect(second.results[0].messages).toEqual(first.results[0].messages);
    expect(second.results[0].messages).toHaveLength(10);
    expect(output.stderr).toContain("30 URLs, 30 from the cache, 0 requests");
  });

  it("says once that the network is down, and exits 2", async () => {
    const port = await closedPort();
    const other = await closedPort();
    writeFileSync(join(dir, "post.md"), `[a](http://127.0.0.1:${port}/a) [b](http://127.0.0.1:${other}/b) [c](http://127.0.0.1:${port}/c)\n`);
    const { code, results } = await lintJson("--check-urls", "post.md");
    expect(code).toBe(2);
    expect(results[0].messages).toEqual([]);
    expect(output.stderr.match(/network/g)).toHaveLength(1);
  });

  it("checks 1,000 distinct URLs within the concurrency bound", async () => {
    const links = Array.from({ length: 1000 }, (_, i) => `- [${i}](${server.url(`/slow/${i}?ms=2`)})`).join("\n");
    writeFileSync(join(dir, "many.md"), `# Many\n\n${links}\n`);
    writeFileSync(join(dir, ".nl-lint.json"), JSON.stringify({ urlCheck: { perHostIntervalMs: 0, perHostConcurrency: 16, concurrency: 16 } }));
    const started = Date.now();
    const { code } = await lintJson("--check-urls", "many.md");
    const seconds = (Date.now() - started) / 1000;
    expect(code).toBe(0);
    expect(server.log.filter((l) => l.startsWith("HEAD"))).toHaveLength(1000);
    expect(server.maxActive).toBeLessThanOrEqual(16);
    console.info(`--check-urls: 1000 URLs in ${seconds.toFixed(2)}s, at most ${server.maxActive} requests at once (bound 16)`);
  }, 60_000);
});

describe("the URL cache", () => {
  it("keeps settled answers for their time-to-live, and never a failure of the moment", async () => {
    const { UrlCache } = await import("../src/node/url-check/cache.js");
    const dir = mkdtempSync(join(tmpdir(), "nl-lint-url-cache-"));
    let now = 1_000_000;
    const location = join(dir, "urls.json");
    const cache = new UrlCache(location, 60_000, () => now);
    cache.set("https://a.example/", { kind: "dead", status: 404, reason: "HTTP 404" });
    cache.set("https://b.example/", { kind: "unreachable", reason: "TIMEOUT" });
    cache.save();
    const reloaded = new UrlCache(location, 60_000, () => now);
    expect(reloaded.get("https://a.example/")).toEqual({ kind: "dead", status: 404, reason: "HTTP 404" });
    expect(reloaded.get("https://b.example/")).toBeUndefined();
    now += 60_001;
    expect(reloaded.get("https://a.example/")).toBeUndefined();
    rmSync(dir, { recursive: true, force: true });
  });
});
