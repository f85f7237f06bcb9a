import { randomBytes } from "node:crypto";
import { inspect } from "node:util";
import { configError } from "@otpkit/otp-core";
import type { TestContext } from "vitest";
import { it } from "vitest";

// Internal helpers shared by the suites. Not re-exported from index.ts.

/** One declared skip for `describeOtpStore` / `describeOtpChannel`: which tests, and why. */
export interface SkipEntry<Name extends string> {
  /** Why the adapter cannot pass these tests; printed in each skipped test's title. */
  reason: string;
  /** Exact test names, from `OTP_STORE_TESTS` or `OTP_CHANNEL_TESTS`. */
  tests: Name[];
}

/** @internal Resolves after `ms` milliseconds of real time. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

/** @internal A short random hex id, so every test uses keys no other test touches. */
export function randomHex(bytes = 6): string {
  return randomBytes(bytes).toString("hex");
}

/**
 * @internal Checks the skip list once, when the suite is declared, and maps each skipped test
 * to its reason. Unknown names and empty reasons throw `CONFIG_INVALID` (the one option-error
 * format of otp-core's `configError`): a typo must not silently run a test the author meant to
 * skip, and a skip without a reason is not allowed.
 */
export function resolveSkips<Name extends string>(
  suite: string,
  known: readonly Name[],
  skip: ReadonlyArray<SkipEntry<Name>> | undefined,
): Map<Name, string> {
  const reasons = new Map<Name, string>();
  (skip ?? []).forEach((entry, index) => {
    if (typeof entry.reason !== "string" || entry.reason.trim() === "") {
      throw configError(
        `skip[${index}].reason`,
        "a non-empty string",
        entry.reason,
        `${suite}: say why the adapter cannot pass these tests`,
        { source: "otp-testing" },
      );
    }
    for (const test of entry.tests) {
      if (!known.includes(test)) {
        throw configError(
          `skip[${index}].tests`,
          "names from the suite's test list",
          test,
          `${suite}: copy the name from its exported list`,
          { source: "otp-testing" },
        );
      }
      reasons.set(test, entry.reason.trim());
    }
  });
  return reasons;
}

/** @internal The body of one registered test. */
export type TestBody = (context: TestContext) => Promise<void>;

/**
 * @internal Registers `it(title)` or, when skipped, `it.skip("<title> — skipped: <reason>")`,
 * and remembers the title so the suite can check it registered its whole list exactly once.
 */
export function createRegistrar<Name extends string>(
  reasons: Map<Name, string>,
  timeout: number,
): { test(title: Name, body: TestBody): void; registered: Name[] } {
  const registered: Name[] = [];
  return {
    registered,
    test(title, body) {
      registered.push(title);
      const reason = reasons.get(title);
      if (reason !== undefined) it.skip(`${title} — skipped: ${reason}`, body);
      else it(title, body, timeout);
    },
  };
}

/** @internal Throws when a suite's registered tests drift from its exported list. */
export function assertAllRegistered<Name extends string>(
  suite: string,
  known: readonly Name[],
  registered: readonly Name[],
): void {
  const missing = known.filter((name) => !registered.includes(name));
  const extra = registered.filter(
    (name, i) => !known.includes(name) || registered.indexOf(name) !== i,
  );
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(
      `[otp-testing] ${suite}: test list out of sync (missing ${JSON.stringify(missing)}, extra ${JSON.stringify(extra)})`,
    );
  }
}

/**
 * @internal Turns any value into text for secret scanning: `util.inspect` with hidden
 * properties, so non-enumerable fields, getters' values, `cause` chains and AggregateError
 * members all show up.
 */
export function toText(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    return inspect(value, { depth: 12, showHidden: true, breakLength: Number.POSITIVE_INFINITY });
  } catch {
    return String(value);
  }
}

/**
 * @internal True when `text` contains `secret`, also when a formatter split it with spaces,
 * hyphens, dots or zero-width characters ("918 273", "918-273").
 */
export function containsSecret(text: string, secret: string): boolean {
  if (text.includes(secret)) return true;
  return text.replace(/[\s\-.\u00a0\u200b-\u200d\u2060]/g, "").includes(secret);
}

/**
 * @internal Walks an error and everything reachable from it (message, stack, own properties
 * including non-enumerable ones, `details`, `cause`, `errors`, nested objects) and returns the
 * path of the first place that contains `secret`, or `null` when it appears nowhere.
 */
export function findSecret(root: unknown, secret: string): string | null {
  const seen = new Set<unknown>();
  const visit = (value: unknown, path: string, depth: number): string | null => {
    if (typeof value === "string") return containsSecret(value, secret) ? path : null;
    if (typeof value === "number" || typeof value === "bigint") {
      return containsSecret(String(value), secret) ? path : null;
    }
    if (typeof value !== "object" || value === null || seen.has(value) || depth > 12) return null;
    seen.add(value);
    if (value instanceof Error) {
      for (const [key, text] of [
        ["message", value.message],
        ["stack", value.stack],
        ["toString()", safeString(value)],
      ] as const) {
        if (typeof text === "string" && containsSecret(text, secret)) return `${path}.${key}`;
      }
    }
    for (const key of Reflect.ownKeys(value)) {
      let child: unknown;
      try {
        child = (value as Record<PropertyKey, unknown>)[key];
      } catch {
        continue;
      }
      const found = visit(child, `${path}.${String(key)}`, depth + 1);
      if (found) return found;
    }
    return null;
  };
  const found = visit(root, "error", 0);
  if (found) return found;
  // Belt and braces: what a logger would print (inspect) and what JSON serialisers send.
  if (containsSecret(toText(root), secret)) return "util.inspect(error)";
  try {
    const json = JSON.stringify(root, ownPropertiesReplacer());
    if (json !== undefined && containsSecret(json, secret)) return "JSON.stringify(error)";
  } catch {
    // Circular or exotic values: the walk above already covered them.
  }
  return null;
}

function safeString(value: Error): string {
  try {
    return String(value);
  } catch {
    return "";
  }
}

/** JSON replacer that serialises errors with their own non-enumerable properties too. */
function ownPropertiesReplacer(): (key: string, value: unknown) => unknown {
  const seen = new WeakSet<object>();
  return (_key, value) => {
    if (typeof value === "bigint") return String(value);
    if (typeof value !== "object" || value === null) return value;
    if (seen.has(value)) return "[Circular]";
    seen.add(value);
    if (!(value instanceof Error)) return value;
    const out: Record<string, unknown> = {};
    for (const name of Object.getOwnPropertyNames(value)) {
      out[name] = (value as unknown as Record<string, unknown>)[name];
    }
    return out;
  };
}
