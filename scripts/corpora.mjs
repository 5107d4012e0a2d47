// What the evaluation scripts agree on about ../shared/corpus, so each states it once.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The dair-ai posts that keep their English in comments (inline bilingual), as names in the folder. */
export function inlineDairPosts(corpus) {
  const dair = join(corpus, "dair-ai-newsletter");
  if (!existsSync(dair)) return [];
  return readdirSync(dair).filter((f) => f.includes("[PT-BR]") && readFileSync(join(dair, f), "utf8").includes("<!--"));
}

/** The translations of each parallel corpus, by folder name. */
export const OPENTELEMETRY_LANGUAGES = ["pt", "es", "fr", "ja", "zh", "ro", "bn", "uk", "ko", "pl"];
export const TAURI_LANGUAGES = ["zh-cn", "fr", "es", "it"];
