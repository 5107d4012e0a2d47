/**
 * What the editor may set for the whole workspace, as the command line's options do for a run:
 * `sourceRoot` (`--source-root`, relative to the workspace folder) and `targetLang`
 * (`--target-lang`). Given as the client's `initializationOptions`, or as the settings of
 * section `nl-lint` (`nl-lint.sourceRoot` in VS Code), which win. A configuration file's
 * `sourceRoot` and `targetLanguage` apply where the editor sets nothing.
 */
export interface EditorSettings {
  sourceRoot?: string;
  targetLanguage?: string;
}

/** The editor's names for the settings, as the command line's options are named. */
const NAMES = { sourceRoot: "sourceRoot", targetLanguage: "targetLang" } as const;

/**
 * The settings an editor sent, read from an object of unknown shape. An empty string is unset
 * (VS Code's default for a text setting); a value that is not text is left out and named in
 * `problems`, for a message.
 */
export function editorSettingsOf(value: unknown): { settings: EditorSettings; problems: string[] } {
  const settings: EditorSettings = {};
  const problems: string[] = [];
  if (value === null || typeof value !== "object") return { settings, problems };
  for (const [key, name] of Object.entries(NAMES) as Array<[keyof EditorSettings, string]>) {
    const given = (value as Record<string, unknown>)[name];
    if (given === undefined || given === null || given === "") continue;
    if (typeof given === "string") settings[key] = given;
    else problems.push(`the setting ${name} must be text (a ${key === "sourceRoot" ? "folder" : "language tag"}), not ${JSON.stringify(given)}`);
  }
  return { settings, problems };
}

export function sameSettings(a: EditorSettings, b: EditorSettings): boolean {
  return a.sourceRoot === b.sourceRoot && a.targetLanguage === b.targetLanguage;
}
