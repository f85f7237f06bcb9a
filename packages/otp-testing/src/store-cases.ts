import type { OtpStore } from "@otpkit/otp-core";
import { expect } from "vitest";
import type { OtpStoreTestName } from "./store-suite.js";

// @internal The bodies of the store suite's cases that need neither races nor the clock: what a
// value is, how it is compared, and what a key is. Not re-exported from index.ts.

/** @internal What a case gets besides its fresh store. */
export interface StoreCaseContext {
  /** A key under this test's random prefix: no other test (or run) touches it. */
  key(label: string): string;
  /** Another store from `create()`, cleaned up with the first. */
  another(): Promise<OtpStore>;
  /** Tell the suite `store` was closed by the case: its default cleanup must not close it again. */
  closed(store: OtpStore): void;
}

/** @internal One case's body. */
export type StoreCase = (store: OtpStore, ctx: StoreCaseContext) => Promise<void>;

/** @internal Some of the cases, by their exact test name. */
export type StoreCases = Partial<Record<OtpStoreTestName, StoreCase>>;

/** A TTL no test outlives. */
export const LONG_TTL_MS = 60_000;

/** Values a store must hand back byte for byte: it may not parse, trim, normalise or re-encode. */
const OPAQUE_VALUES: readonly string[] = [
  "plain",
  JSON.stringify(
    { hash: 'a"b\\c', note: "line 1\nline 2\r\nline 3", nested: { n: 1, ok: true } },
    null,
    2,
  ),
  "héllo wörld — ünïcödé ✓ 日本語 עברית 🙂👍🏽",
  "e\u0301 (decomposed) and \u00e9 (composed)",
  "0123",
  "1e3",
  "true",
  "null",
  "  padded with spaces  ",
  "trailing newline\n",
  "tab\there, back\\slash, %s %d {} $1 $& $$ ' \"; -- DROP TABLE otp",
];

/**
 * Pairs that a loose comparison (trim, `Number()`, unicode normalisation, case folding, JSON
 * equality) would call equal. Stored first, then tried as `expected`: never a match. Records are
 * compared to decide who wins a race, so "close enough" would let a stale writer win.
 */
const NEAR_MISSES: ReadonlyArray<readonly [stored: string, tried: string]> = [
  ["v", "v "],
  ["v", " v"],
  ["v\n", "v"],
  ["\u00e9", "e\u0301"],
  ["e\u0301", "\u00e9"],
  ["1e3", "1000"],
  ["1000", "1e3"],
  ["0123", "123"],
  ["1", "1.0"],
  ["0x10", "16"],
  ["true", "1"],
  ['{"a":1,"b":2}', '{"b":2,"a":1}'],
  ['{"a":1}', '{ "a": 1 }'],
  ["abc", "ABC"],
  ["straße", "strasse"],
  ["a", "a\u200b"],
];

/** Keys otp-core builds (a hash tag, then `:i:<op>:<digest>`) and awkward ones; all distinct. */
const AWKWARD_KEYS: readonly string[] = [
  "{Ab3_-xYz0123456789abcd}",
  "{Ab3_-xYz0123456789abcd}:i:verify:Zz9",
  "{ab3_-xyz0123456789abcd}",
  "{user:42}:lock:until",
  "{}",
  "with spaces and  double  spaces",
  "with spaces and  double  spaces ",
  "colons:::everywhere:",
  "ünïcödé 🙂 key",
  "\u00e9",
  "e\u0301",
  "%s $1 \\ ' \"; --",
];

/** 8 KiB of UTF-8 (8,190 ASCII bytes and a two-byte "é"). */
const LARGE_VALUE = `${"0123456789abcdef-_".repeat(455)}é`;

const json = (value: string | null): string => JSON.stringify(value);

/** @internal The cases about values, comparisons and keys. */
export const VALUE_CASES = {
  "get of a missing key is null": async (store, { key }) => {
    expect(await store.get(key("never-written"))).toBeNull();
  },

  "create-if-absent writes only when the key is absent": async (store, { key }) => {
    expect(await store.compareAndSet(key("k"), null, "first", LONG_TTL_MS)).toBe(true);
    expect(await store.compareAndSet(key("k"), null, "second", LONG_TTL_MS)).toBe(false);
    expect(await store.get(key("k"))).toBe("first");
    // `null` means absence, not a value spelled "null" (nor an empty string).
    expect(await store.compareAndSet(key("null"), null, "null", LONG_TTL_MS)).toBe(true);
    expect(
      await store.compareAndSet(key("null"), null, "x", LONG_TTL_MS),
      'create-if-absent over the stored string "null"',
    ).toBe(false);
    expect(
      await store.compareAndSet(key("missing"), "null", "x", LONG_TTL_MS),
      'expected "null" against a missing key',
    ).toBe(false);
    expect(await store.get(key("missing"))).toBeNull();
    expect(await store.get(key("null"))).toBe("null");
  },

  "values round-trip byte for byte": async (store, { key }) => {
    const n = OPAQUE_VALUES.length;
    const keys = OPAQUE_VALUES.map((_, i) => key(`value-${i}`));
    // Written by create-if-absent, read back, then written again by replace-if-equal (a store's
    // two write paths may encode differently), and finally deleted with the value read back.
    for (const [i, value] of OPAQUE_VALUES.entries()) {
      expect(await store.compareAndSet(keys[i]!, null, value, LONG_TTL_MS)).toBe(true);
    }
    for (const [i, value] of OPAQUE_VALUES.entries()) {
      expect(await store.get(keys[i]!), `created value #${i}`).toBe(value);
    }
    for (const [i, value] of OPAQUE_VALUES.entries()) {
      const next = OPAQUE_VALUES[(i + 1) % n]!;
      expect(await store.compareAndSet(keys[i]!, value, next, LONG_TTL_MS), `replace #${i}`).toBe(
        true,
      );
      expect(await store.get(keys[i]!), `replaced value #${i}`).toBe(next);
    }
    for (const [i, k] of keys.entries()) {
      const read = await store.get(k);
      expect(await store.compareAndSet(k, read, null, 0), `delete #${i} with its read`).toBe(true);
      expect(await store.get(k)).toBeNull();
    }
  },

  "values are compared byte for byte": async (store, { key }) => {
    for (const [i, [stored, tried]] of NEAR_MISSES.entries()) {
      const k = key(`pair-${i}`);
      const pair = `expected ${json(tried)} against ${json(stored)}`;
      expect(await store.compareAndSet(k, null, stored, LONG_TTL_MS)).toBe(true);
      expect(await store.compareAndSet(k, tried, "replaced", LONG_TTL_MS), `replace, ${pair}`).toBe(
        false,
      );
      expect(await store.compareAndSet(k, tried, null, 0), `delete, ${pair}`).toBe(false);
      expect(await store.get(k), `value after the misses, ${pair}`).toBe(stored);
      expect(
        await store.compareAndSet(k, stored, tried, LONG_TTL_MS),
        `the exact ${json(stored)}`,
      ).toBe(true);
      expect(await store.get(k)).toBe(tried);
    }
  },

  "replace-if-equal succeeds only on the exact current value": async (store, { key }) => {
    expect(
      await store.compareAndSet(key("missing"), "v1", "v2", LONG_TTL_MS),
      "replace of a missing key",
    ).toBe(false);
    expect(await store.get(key("missing"))).toBeNull();
    await store.compareAndSet(key("k"), null, "v1", LONG_TTL_MS);
    expect(await store.compareAndSet(key("k"), "v0", "v2", LONG_TTL_MS), "expected v0").toBe(false);
    expect(await store.get(key("k"))).toBe("v1");
    expect(await store.compareAndSet(key("k"), "v1", "v2", LONG_TTL_MS), "expected v1").toBe(true);
    expect(await store.get(key("k"))).toBe("v2");
    expect(await store.compareAndSet(key("k"), "v1", "v3", LONG_TTL_MS), "v1 again").toBe(false);
    expect(await store.get(key("k"))).toBe("v2");
    // Replacing with the same value is a write like any other.
    expect(await store.compareAndSet(key("k"), "v2", "v2", LONG_TTL_MS)).toBe(true);
    expect(await store.get(key("k"))).toBe("v2");
  },

  "delete-if-equal deletes only on the exact current value": async (store, { key }) => {
    await store.compareAndSet(key("k"), null, "v", LONG_TTL_MS);
    expect(await store.compareAndSet(key("k"), "w", null, 0), 'delete with expected "w"').toBe(
      false,
    );
    expect(await store.get(key("k")), "a mismatched delete leaves the value").toBe("v");
    expect(await store.compareAndSet(key("k"), "v", null, 0)).toBe(true);
    expect(await store.get(key("k"))).toBeNull();
    expect(await store.compareAndSet(key("k"), "v", null, 0), "a second delete").toBe(false);
    expect(await store.compareAndSet(key("k"), null, "again", LONG_TTL_MS), "free again").toBe(
      true,
    );
    expect(await store.get(key("k"))).toBe("again");
  },

  "stores from two create() calls are isolated": async (a, { another, key }) => {
    const b = await another();
    await a.compareAndSet(key("shared"), null, "from a", LONG_TTL_MS);
    expect(await b.get(key("shared")), "b sees a's key").toBeNull();
    expect(
      await b.compareAndSet(key("shared"), "from a", "by b", LONG_TTL_MS),
      "b replaced a's value",
    ).toBe(false);
    expect(await b.compareAndSet(key("shared"), null, "from b", LONG_TTL_MS)).toBe(true);
    expect(await a.get(key("shared"))).toBe("from a");
    expect(await b.compareAndSet(key("shared"), "from b", null, 0)).toBe(true);
    expect(await a.get(key("shared")), "b's delete removed a's key").toBe("from a");
  },

  "keys with braces, colons and spaces are distinct and work": async (store, { key }) => {
    const keys = AWKWARD_KEYS.map(key);
    for (const [i, k] of keys.entries()) {
      expect(
        await store.compareAndSet(k, null, `value-${i}`, LONG_TTL_MS),
        `create ${json(AWKWARD_KEYS[i]!)} (a fresh key: does it collide with an earlier one?)`,
      ).toBe(true);
    }
    for (const [i, k] of keys.entries()) expect(await store.get(k), k).toBe(`value-${i}`);
    for (const [i, k] of keys.entries()) {
      expect(await store.compareAndSet(k, `value-${i}`, `next-${i}`, LONG_TTL_MS), k).toBe(true);
    }
    for (const [i, k] of keys.entries()) {
      expect(await store.compareAndSet(k, `next-${i}`, null, 0), k).toBe(true);
      expect(await store.get(k), k).toBeNull();
    }
  },

  "large values (8 KiB) round-trip and compare exactly": async (store, { key }) => {
    expect(new TextEncoder().encode(LARGE_VALUE).length).toBe(8_192);
    const lastDiffers = `${LARGE_VALUE.slice(0, -1)}e`;
    const firstDiffers = `X${LARGE_VALUE.slice(1)}`;
    expect(await store.compareAndSet(key("big"), null, LARGE_VALUE, LONG_TTL_MS)).toBe(true);
    expect(await store.get(key("big"))).toBe(LARGE_VALUE);
    expect(
      await store.compareAndSet(key("big"), lastDiffers, "x", LONG_TTL_MS),
      "expected differs in its last character only",
    ).toBe(false);
    expect(await store.compareAndSet(key("big"), LARGE_VALUE, firstDiffers, LONG_TTL_MS)).toBe(
      true,
    );
    expect(await store.get(key("big"))).toBe(firstDiffers);
    expect(
      await store.compareAndSet(key("big"), LARGE_VALUE, null, 0),
      "expected differs in its first character only",
    ).toBe(false);
    expect(await store.compareAndSet(key("big"), firstDiffers, null, 0)).toBe(true);
  },

  "close resolves when present": async (store, { closed, key }) => {
    // close is optional. When absent there is nothing to check, and the test passes rather than
    // skips: CI counts skips as failures, and a store without close() is conformant.
    expect(["undefined", "function"], "typeof store.close").toContain(typeof store.close);
    await store.compareAndSet(key("k"), null, "v", LONG_TTL_MS);
    if (store.close) {
      closed(store);
      await expect(store.close()).resolves.toBeUndefined();
    }
  },
} satisfies StoreCases;
