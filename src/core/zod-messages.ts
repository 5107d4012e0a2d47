import * as z from "zod";

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

/** `rules.typo.words`, `pairs[0].source`, `corrections["e.g."]`: a path as a reader would look it up. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(String(key))) out += `${out ? "." : ""}${String(key)}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

const NOUNS: Record<string, [string, string]> = {
  string: ["a string", "strings"],
  number: ["a number", "numbers"],
  integer: ["a whole number", "whole numbers"],
  boolean: ["true or false", "booleans"],
  null: ["null", "nulls"],
};

/** Says in words what a JSON schema accepts: "an array of strings", `one of "off", "warn", "error"`. */
export function describeSchema(schema: JsonSchema, plural = false): string {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return alternatives.map((s) => describeSchema(s, plural)).join(" or ");
  if (schema.enum) return `${plural ? "each " : ""}one of ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}`;
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === "array") {
    if (schema.prefixItems) return plural ? "lists" : `a list of ${schema.prefixItems.length} items`;
    const item = schema.items ? describeSchema(schema.items, true) : "";
    return plural ? "arrays" : item ? `an array of ${item}` : "an array";
  }
  if (type === "object") {
    const values = typeof schema.additionalProperties === "object" ? describeSchema(schema.additionalProperties, true) : "";
    if (plural) return "objects";
    return !schema.properties && values ? `an object whose values are ${values}` : "an object";
  }
  if (type && NOUNS[type]) return NOUNS[type][plural ? 1 : 0];
  return plural ? "values" : "a value";
}

/** The part of a JSON schema at a path, or undefined where the path leaves it. */
function schemaAt(schema: JsonSchema, path: ReadonlyArray<PropertyKey>): JsonSchema | undefined {
  let current: JsonSchema | undefined = schema;
  for (const key of path) {
    if (!current) return undefined;
    const alternatives: JsonSchema[] = current.anyOf ?? current.oneOf ?? [current];
    let next: JsonSchema | undefined;
    for (const s of alternatives) {
      if (typeof key === "number") next = s.prefixItems?.[key] ?? s.items;
      else next = s.properties?.[String(key)] ?? (typeof s.additionalProperties === "object" ? s.additionalProperties : undefined);
      if (next) break;
    }
    current = next;
  }
  return current;
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === "number") return `the number ${value}`;
  return String(value);
}

function valueAt(value: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key as string];
  }
  return current;
}

export interface ValidationProblem {
  /** Where the problem is, from the root of the value that was checked. */
  path: PropertyKey[];
  /** What was expected, and what was found: `expected an array of strings, got the string "x"`. */
  message: string;
}

/**
 * Turns zod's issues into messages that name what was expected in words. A wrong item of an
 * array is reported at the array, since "an array of strings" is what the reader has to write.
 */
export function describeIssues(schema: z.ZodType, value: unknown, issues: z.core.$ZodIssue[]): ValidationProblem[] {
  let json: JsonSchema;
  try {
    json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  } catch {
    json = {};
  }
  const problems: ValidationProblem[] = [];
  const seen = new Set<string>();
  // zod still runs a value's checks after its type was wrong ("too small" for an array given as a string).
  const wrongType = new Set(issues.filter((i) => i.code === "invalid_type").map((i) => formatPath(i.path)));
  for (const issue of issues) {
    if (issue.code !== "invalid_type" && wrongType.has(formatPath(issue.path))) continue;
    let path = [...issue.path];
    let message: string;
    if (issue.code === "unrecognized_keys") {
      const known = Object.keys(schemaAt(json, path)?.properties ?? {});
      const keys = issue.keys.map((k) => JSON.stringify(k)).join(", ");
      message = `unknown key${issue.keys.length > 1 ? "s" : ""} ${keys}${known.length ? ` (expected one of: ${known.join(", ")})` : " (this takes no options)"}`;
    } else if (issue.code === "invalid_type" || issue.code === "invalid_value" || issue.code === "invalid_union") {
      const last = path[path.length - 1];
      const parent = schemaAt(json, path.slice(0, -1));
      if (typeof last === "number" && parent && (parent.type === "array" || parent.items)) {
        const item = valueAt(value, path);
        path = path.slice(0, -1);
        message = `expected ${describeSchema(parent)} (item ${last + 1} is ${kindOf(item)})`;
      } else {
        const here = schemaAt(json, path);
        const found = valueAt(value, path);
        const expected = here ? describeSchema(here) : issue.message.replace(/^Invalid (input|option): expected /, "");
        message = found === undefined ? `required: expected ${expected}` : `expected ${expected}, got ${kindOf(found)}`;
      }
    } else {
      message = issue.message.replace(/^Too (small|big): /, "").replace(/^./, (c) => c.toLowerCase());
    }
    const key = `${formatPath(path)}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ path, message });
  }
  return problems;
}
