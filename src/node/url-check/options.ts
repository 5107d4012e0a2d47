import * as z from "zod";

/** The configuration's `urlCheck` key: which URLs `--check-urls` checks, and how hard it may press servers. */
export const urlCheckSchema = z
  .object({
    /** Only URLs that start like one of these are checked; `*` stands for any text (`https://*.example.org/`). */
    allow: z.array(z.string().min(1)).optional(),
    /** URLs that start like one of these are never checked; deny wins over allow. */
    deny: z.array(z.string().min(1)).optional(),
    /** Requests in flight at once, over all hosts. */
    concurrency: z.number().int().min(1).max(256).optional(),
    /** Requests in flight at once to one host. */
    perHostConcurrency: z.number().int().min(1).max(64).optional(),
    /** Milliseconds between two requests to one host. */
    perHostIntervalMs: z.number().int().min(0).optional(),
    /** Milliseconds before a request is given up. */
    timeoutMs: z.number().int().min(1).optional(),
    /** Retries after a 429, a 5xx, a timeout or a reset. */
    retries: z.number().int().min(0).max(10).optional(),
    /** How long a cached answer stands, in hours. */
    cacheTtlHours: z.number().min(0).optional(),
  })
  .strict();

export type UrlCheckConfig = z.infer<typeof urlCheckSchema>;

function toRegExp(pattern: string): RegExp {
  const body = pattern.split("*").map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*");
  return new RegExp(`^${body}`, "i");
}

/** Whether a URL is to be checked under the allow and deny lists. */
export function urlFilter(config: Pick<UrlCheckConfig, "allow" | "deny">): (url: string) => boolean {
  const allow = (config.allow ?? []).map(toRegExp);
  const deny = (config.deny ?? []).map(toRegExp);
  return (url) => !deny.some((p) => p.test(url)) && (allow.length === 0 || allow.some((p) => p.test(url)));
}
