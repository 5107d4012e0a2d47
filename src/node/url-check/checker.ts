/** What checking a URL found. Only `dead` and `redirect` become findings. */
export type Outcome =
  | { kind: "ok"; status: number }
  /** A permanent redirect (301, 308): links should point to `to`. */
  | { kind: "redirect"; status: number; to: string }
  /** A 4xx other than 429, a host that does not exist, a TLS failure, a redirect loop. */
  | { kind: "dead"; reason: string; status?: number }
  /** No answer worth keeping: timeouts, resets, 429 and 5xx after the retries. */
  | { kind: "unreachable"; reason: string };

export interface CheckerOptions {
  /** Requests in flight at once, over all hosts. */
  concurrency: number;
  perHostConcurrency: number;
  /** Milliseconds between the starts of two requests to one host. */
  perHostIntervalMs: number;
  timeoutMs: number;
  retries: number;
  /** The first wait before a retry; it doubles with each retry. */
  backoffMs: number;
  /** The longest wait a server's Retry-After is obeyed for. */
  maxRetryAfterMs: number;
  maxRedirects: number;
  userAgent: string;
  fetch: typeof fetch;
  sleep(ms: number): Promise<void>;
  now(): number;
}

export const defaultCheckerOptions: CheckerOptions = {
  concurrency: 16,
  perHostConcurrency: 2,
  perHostIntervalMs: 100,
  timeoutMs: 10_000,
  retries: 2,
  backoffMs: 500,
  maxRetryAfterMs: 30_000,
  maxRedirects: 10,
  userAgent: "nl-lint link checker (+https://github.com/)",
  fetch: (...args) => globalThis.fetch(...args),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: Date.now,
};

export interface CheckRun {
  outcomes: Map<string, Outcome>;
  /** HTTP requests sent, retries and redirects included. */
  requests: number;
  /** Set when no host answered at all: the network, not the URLs, failed. */
  networkFailure?: string;
}

const DNS_MISSING = new Set(["ENOTFOUND"]);
/** Codes that say the machine has no network, rather than that one host is gone. */
const NETWORK_DOWN = new Set(["EAI_AGAIN", "ENETUNREACH", "ENETDOWN", "EHOSTUNREACH", "EAI_FAIL"]);
const TLS = /^(?:CERT_|ERR_TLS_|ERR_SSL_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH|ERR_CERT)/;

/** The most telling error code under a fetch failure (`TypeError: fetch failed` hides it in `cause`). */
export function errorCode(error: unknown): string {
  const seen = new Set<unknown>();
  const queue = [error];
  let fallback = "";
  while (queue.length > 0) {
    const e = queue.shift();
    if (!e || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    const { code, name, cause, errors } = e as { code?: unknown; name?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === "string" && code !== "") return code;
    if (name === "TimeoutError" || name === "AbortError") fallback ||= "TIMEOUT";
    queue.push(cause, ...(Array.isArray(errors) ? errors : []));
  }
  return fallback || "FETCH_FAILED";
}

interface Hop {
  status: number;
  /** The URL the redirects led to, or the URL itself. */
  finalUrl: string;
  /** Where the leading run of permanent redirects leads, if the first hop is one, and that hop's status. */
  permanentTo?: string;
  permanentStatus?: number;
  retryAfterMs?: number;
  loop?: boolean;
}

function retryAfter(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(private readonly size: number) {}
  async acquire(): Promise<void> {
    if (this.active < this.size) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return "";
  }
}

/**
 * Checks URLs politely: HEAD first, then GET when HEAD is refused; redirects followed by hand so
 * that permanent ones are seen; 429, 5xx, timeouts and resets retried with back-off. At most
 * `concurrency` requests are in flight, and each host gets at most `perHostConcurrency` of them,
 * started `perHostIntervalMs` apart. When nothing at all answers, the run stops early and says
 * the network failed instead of calling every URL dead.
 */
export async function checkUrls(urls: string[], given: Partial<CheckerOptions> = {}): Promise<CheckRun> {
  const options = { ...defaultCheckerOptions, ...given };
  const outcomes = new Map<string, Outcome>();
  const global = new Semaphore(options.concurrency);
  const nextStart = new Map<string, number>();
  let requests = 0;
  let answered = 0;
  const failedHosts = new Map<string, string>();
  let stopped = false;

  async function request(method: "HEAD" | "GET", url: string): Promise<Response> {
    const host = hostOf(url);
    const at = Math.max(options.now(), nextStart.get(host) ?? 0);
    nextStart.set(host, at + options.perHostIntervalMs);
    const wait = at - options.now();
    if (wait > 0) await options.sleep(wait);
    await global.acquire();
    try {
      requests++;
      const response = await options.fetch(url, {
        method,
        redirect: "manual",
        signal: AbortSignal.timeout(options.timeoutMs),
        headers: { "user-agent": options.userAgent, accept: "*/*" },
      });
      answered++;
      // Only the status matters: the body is left unread, and cancelled so the connection is freed.
      await response.body?.cancel().catch(() => {});
      return response;
    } finally {
      global.release();
    }
  }

  async function follow(method: "HEAD" | "GET", url: string): Promise<Hop> {
    let current = url;
    let permanentTo: string | undefined;
    let permanentStatus: number | undefined;
    let stillPermanent = true;
    for (let hop = 0; hop <= options.maxRedirects; hop++) {
      const response = await request(method, current);
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        const next = new URL(location, current).href;
        if (stillPermanent && (response.status === 301 || response.status === 308)) {
          permanentTo = next;
          permanentStatus ??= response.status;
        } else stillPermanent = false;
        current = next;
        continue;
      }
      return { status: response.status, finalUrl: current, permanentTo, permanentStatus, retryAfterMs: retryAfter(response.headers.get("retry-after"), options.now()) };
    }
    return { status: 0, finalUrl: current, permanentTo, loop: true };
  }

  /** One try: HEAD, and GET when HEAD is refused or fails (some servers answer HEAD wrongly). */
  async function probe(url: string): Promise<Hop> {
    const head = await follow("HEAD", url);
    if (head.loop || head.status < 400 || head.status === 429) return head;
    return follow("GET", url);
  }

  async function check(url: string): Promise<Outcome> {
    let last: Outcome = { kind: "unreachable", reason: "not checked" };
    for (let attempt = 0; attempt <= options.retries && !stopped; attempt++) {
      let waitMs = options.backoffMs * 2 ** attempt;
      try {
        const hop = await probe(url);
        if (hop.loop) return { kind: "dead", reason: "too many redirects" };
        if (hop.status >= 200 && hop.status < 300) {
          return hop.permanentTo && hop.permanentTo !== url ? { kind: "redirect", status: hop.permanentStatus!, to: hop.permanentTo } : { kind: "ok", status: hop.status };
        }
        if (hop.status === 429 || hop.status >= 500) {
          last = { kind: "unreachable", reason: `HTTP ${hop.status}` };
          if (hop.retryAfterMs !== undefined) waitMs = Math.min(hop.retryAfterMs, options.maxRetryAfterMs);
        } else if (hop.status >= 400) {
          return { kind: "dead", status: hop.status, reason: `HTTP ${hop.status}` };
        } else {
          return { kind: "ok", status: hop.status };
        }
      } catch (error) {
        const code = errorCode(error);
        if (answered === 0) failedHosts.set(hostOf(url), code);
        if (answered === 0 && (failedHosts.size >= 3 || [...failedHosts.values()].some((c) => NETWORK_DOWN.has(c)))) stopped = true;
        if (DNS_MISSING.has(code)) return { kind: "dead", reason: "host not found" };
        if (TLS.test(code)) return { kind: "dead", reason: `TLS failure (${code})` };
        last = { kind: "unreachable", reason: code };
      }
      if (attempt < options.retries && !stopped) await options.sleep(waitMs);
    }
    return last;
  }

  const byHost = new Map<string, string[]>();
  for (const url of new Set(urls)) {
    const host = hostOf(url);
    byHost.set(host, [...(byHost.get(host) ?? []), url]);
  }
  await Promise.all(
    [...byHost.values()].map(async (list) => {
      let next = 0;
      const lane = async () => {
        while (next < list.length && !stopped) {
          const url = list[next++];
          outcomes.set(url, await check(url));
        }
      };
      await Promise.all(Array.from({ length: Math.min(options.perHostConcurrency, list.length) }, lane));
    }),
  );

  if (answered === 0 && failedHosts.size > 0 && (stopped || failedHosts.size >= 2 || [...failedHosts.values()].some((c) => NETWORK_DOWN.has(c)))) {
    const codes = [...new Set(failedHosts.values())].join(", ");
    return { outcomes: new Map(), requests, networkFailure: `no host answered (${failedHosts.size} tried: ${codes}); is the network down?` };
  }
  return { outcomes, requests };
}
