import type * as z from "zod";

// Keys the settings schema does not know. Every object of the settings is strict: a key the page
// (or any client) sends under a wrong name is refused by its dotted path, never dropped without a
// word, since the admin would think it saved. Saved settings are another matter: a record
// written by another version may hold a key this one does not have, and must still load.

type Issue = z.core.$ZodIssue;

/** `a`, `a and b`, `a, b and c`. */
function listOf(words: readonly string[]): string {
  return words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

/**
 * The `error` of a strict settings object: for unknown keys, names them and what the object
 * takes; for anything else (not an object), `otherwise`.
 *
 * @param lead What comes before the known keys (`'"code" takes'`, `"the settings are"`).
 * @param known The object's keys.
 * @param otherwise The message when the value is not an object.
 * @param noun What a key is called in the message. @default "setting"
 * @throws Never.
 * @example
 * ```ts
 * z.strictObject(shape, { error: unknownKeysError('"code" takes', Object.keys(shape), "Choose …") });
 * // { lenght: 8 } → 'Unknown setting "lenght": "code" takes type, length and allowWeak.'
 * ```
 */
export function unknownKeysError(
  lead: string,
  known: readonly string[],
  otherwise: string,
  noun = "setting",
): (issue: z.core.$ZodRawIssue) => string {
  return (issue) => {
    if (issue.code !== "unrecognized_keys") return otherwise;
    const keys = issue.keys.map((k) => `"${k}"`);
    return `Unknown ${noun}${keys.length > 1 ? "s" : ""} ${listOf(keys)}: ${lead} ${listOf(known)}.`;
  };
}

/** The dotted path of each key an `unrecognized_keys` issue names, in order. */
function unknownPaths(issue: Issue): string[] {
  if (issue.code !== "unrecognized_keys") return [];
  return issue.keys.map((key) => [...issue.path, key].map(String).join("."));
}

/**
 * Field errors from the schema's issues: dotted path → the first message. An unknown key is
 * reported at its own path (`code.lenght`), not its object's.
 *
 * @returns `fieldErrors`, and `unknownKeys`: the unknown keys' paths (empty when none).
 * @throws Never.
 * @example
 * ```ts
 * settingsIssues(schema.safeParse({ typo: 1 }).error.issues);
 * // { fieldErrors: { typo: 'Unknown setting "typo": …' }, unknownKeys: ["typo"] }
 * ```
 */
export function settingsIssues(issues: readonly Issue[]): {
  fieldErrors: Record<string, string>;
  unknownKeys: string[];
} {
  const fieldErrors: Record<string, string> = {};
  const unknownKeys: string[] = [];
  for (const issue of issues) {
    const paths = unknownPaths(issue);
    unknownKeys.push(...paths);
    for (const path of paths.length > 0 ? paths : [issue.path.map(String).join(".")]) {
      fieldErrors[path] ??= issue.message;
    }
  }
  return { fieldErrors, unknownKeys };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The input without the keys the `unrecognized_keys` issues name: objects on their way are
 * copied, the input itself is never changed (the same input when there are none).
 *
 * @throws Never.
 * @example
 * ```ts
 * withoutUnknownKeys({ a: 1, b: { c: 2, d: 3 } }, [{ code: "unrecognized_keys", path: ["b"], keys: ["d"], … }]);
 * // { a: 1, b: { c: 2 } }
 * ```
 */
export function withoutUnknownKeys(input: unknown, issues: readonly Issue[]): unknown {
  let out = input;
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") out = without(out, issue.path, issue.keys);
  }
  return out;
}

function without(value: unknown, path: readonly PropertyKey[], keys: readonly string[]): unknown {
  if (!isObject(value)) return value;
  const copy: Record<string, unknown> = { ...value };
  const [head, ...rest] = path;
  if (head === undefined) {
    for (const key of keys) delete copy[key];
  } else if (typeof head === "string" && Object.hasOwn(copy, head)) {
    copy[head] = without(copy[head], rest, keys);
  }
  return copy;
}
