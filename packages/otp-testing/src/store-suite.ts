import type { OtpStore } from "@otpkit/otp-core";
import { describe, expect } from "vitest";
import type { SkipEntry } from "./suite-utils.js";
import {
  assertAllRegistered,
  createRegistrar,
  randomHex,
  resolveSkips,
  sleep,
} from "./suite-utils.js";

/**
 * Every case `describeOtpStore` registers, by its exact test name. Use these names in `skip`.
 *
 * @example
 * ```ts
 * describeOtpStore({
 *   name: "my-store",
 *   create: () => createMyStore(),
 *   skip: [{ reason: "backend has no TTL below 1 s", tests: ["a value expires after its TTL"] }],
 * });
 * ```
 */
export const OTP_STORE_TESTS = [
  "get of a missing key is null",
  "set then get round-trips opaque strings",
  "set replaces the value and the TTL",
  "a value expires after its TTL",
  "setIfAbsent writes only when the key is absent",
  "N parallel setIfAbsent calls have exactly one winner",
  "setIfAbsent writes again after expiry",
  "consume returns the value and deletes it",
  "consume of a missing or expired key is null",
  "consume with expected deletes only when equal",
  "N parallel consumes have exactly one winner",
  "N parallel consume(key, expected) have exactly one winner",
  "increment starts at 1 and counts up",
  "N parallel increments end at N with unique results",
  "increment TTL is fixed at creation (does not slide)",
  "increment restarts at 1 after the counter expires",
  "delete removes the key",
  "delete of a missing key is fine (idempotent)",
  "stores from two create() calls are isolated",
  "keys with braces, colons and spaces work",
  "close resolves when present",
] as const;

/** The name of one case of the store suite (an element of {@link OTP_STORE_TESTS}). */
export type OtpStoreTestName = (typeof OTP_STORE_TESTS)[number];

/** Options for {@link describeOtpStore}. */
export interface DescribeOtpStoreOptions {
  /** Adapter name, shown in the suite title `OtpStore conformance: <name>`. */
  name: string;
  /**
   * Called once per test (twice in the isolation test). Must return a store that shares no keys
   * with any store returned before, e.g. one with a fresh random `keyPrefix`.
   */
  create: () => OtpStore | Promise<OtpStore>;
  /**
   * Called after each test with every store `create()` returned for it (also when the test
   * failed). Use it to delete the prefix's keys or close a client you own.
   * @default calls `store.close()` when the store has one
   */
  cleanup?: (store: OtpStore) => void | Promise<void>;
  /**
   * Tests this adapter cannot pass, each with the reason (shown in the skipped test's title as
   * `<test> — skipped: <reason>`). Unknown test names and empty reasons throw.
   */
  skip?: Array<SkipEntry<OtpStoreTestName>>;
}

/** How many concurrent callers the race tests use. */
const PARALLEL_WRITERS = 50;
const PARALLEL_INCREMENTS = 100;
/** A short TTL and how long to wait for it to pass: 3.5x slack, so slow CI never flakes. */
const SHORT_TTL_MS = 200;
const EXPIRY_WAIT_MS = 700;
/** A TTL no test outlives. */
const LONG_TTL_MS = 60_000;
/** Each test sleeps ~1 s at most; this leaves room for a slow remote backend. */
const TEST_TIMEOUT_MS = 20_000;

/** Values a store must hand back byte for byte: it may not parse, trim or re-encode them. */
const OPAQUE_VALUES: readonly string[] = [
  "plain",
  JSON.stringify(
    { hash: 'a"b\\c', note: "line 1\nline 2\r\nline 3", nested: { n: 1, ok: true } },
    null,
    2,
  ),
  "héllo wörld — ünïcödé ✓ 日本語 עברית 🙂👍🏽 e\u0301",
  "0123",
  "1e3",
  "true",
  "null",
  "  padded with spaces  ",
  "tab\there, back\\slash, %s %d {} $1 $& $$",
  "x".repeat(8_192),
];

/**
 * Registers the OtpStore conformance suite: one vitest `describe("OtpStore conformance: <name>")`
 * with a case per entry of {@link OTP_STORE_TESTS}. Covers round-trips of opaque values, TTL
 * expiry (with real time and generous slack), `setIfAbsent`, atomic `consume` (with and without
 * `expected`) under 50 concurrent callers, atomic `increment` under 100 concurrent callers, a
 * non-sliding increment TTL, idempotent `delete`, key isolation between `create()` calls,
 * Redis-style keys (`{tag}:kind`, spaces) and `close`.
 *
 * Each test uses fresh random keys and a fresh store from `create()`.
 *
 * @param options The adapter's name, factory, optional cleanup and declared skips.
 * @throws TypeError when `skip` names an unknown test or gives no reason.
 * @example
 * ```ts
 * // test/conformance.test.ts
 * import { createMemoryStore } from "@otpkit/otp-core";
 * import { describeOtpStore } from "@otpkit/otp-testing";
 *
 * describeOtpStore({ name: "memory", create: () => createMemoryStore() });
 * ```
 */
export function describeOtpStore(options: DescribeOtpStoreOptions): void {
  const suite = `OtpStore conformance: ${options.name}`;
  const reasons = resolveSkips(suite, OTP_STORE_TESTS, options.skip);
  const cleanup = options.cleanup ?? ((store: OtpStore) => store.close?.());

  /** Runs `body` with a fresh store (and lets it ask for more); cleans every one up afterwards. */
  const withStore =
    (
      body: (
        store: OtpStore,
        ctx: { another(): Promise<OtpStore>; key(label: string): string },
      ) => Promise<void>,
    ) =>
    async (): Promise<void> => {
      const stores: OtpStore[] = [];
      const create = async (): Promise<OtpStore> => {
        const store = await options.create();
        stores.push(store);
        return store;
      };
      const prefix = `otp-testing:${randomHex()}`;
      try {
        const store = await create();
        await body(store, { another: create, key: (label) => `${prefix}:${label}` });
      } finally {
        for (const store of stores) await cleanup(store);
      }
    };

  describe(suite, () => {
    const { test, registered } = createRegistrar(reasons, TEST_TIMEOUT_MS);

    test(
      "get of a missing key is null",
      withStore(async (store, { key }) => {
        expect(await store.get(key("never-written"))).toBeNull();
      }),
    );

    test(
      "set then get round-trips opaque strings",
      withStore(async (store, { key }) => {
        const keys = OPAQUE_VALUES.map((_, i) => key(`value-${i}`));
        await Promise.all(OPAQUE_VALUES.map((value, i) => store.set(keys[i]!, value, LONG_TTL_MS)));
        for (const [i, value] of OPAQUE_VALUES.entries()) {
          expect(await store.get(keys[i]!), `value #${i}`).toBe(value);
        }
        // consume must hand back the very same string too.
        for (const [i, value] of OPAQUE_VALUES.entries()) {
          expect(await store.consume(keys[i]!), `consumed value #${i}`).toBe(value);
        }
      }),
    );

    test(
      "set replaces the value and the TTL",
      withStore(async (store, { key }) => {
        // Long TTL replaced by a short one: the key must now expire.
        await store.set(key("shortened"), "first", LONG_TTL_MS);
        const started = Date.now();
        await store.set(key("shortened"), "second", SHORT_TTL_MS);
        const replaced = await store.get(key("shortened"));
        // Only judge "still there" when the machine was not too slow to tell.
        if (Date.now() - started < SHORT_TTL_MS / 2) expect(replaced).toBe("second");
        // Short TTL replaced by a long one: the key must outlive the first TTL.
        await store.set(key("lengthened"), "first", SHORT_TTL_MS);
        await store.set(key("lengthened"), "second", LONG_TTL_MS);
        await sleep(EXPIRY_WAIT_MS);
        expect(await store.get(key("shortened")), "the shorter TTL of the second set").toBeNull();
        expect(await store.get(key("lengthened")), "the longer TTL of the second set").toBe(
          "second",
        );
      }),
    );

    test(
      "a value expires after its TTL",
      withStore(async (store, { key }) => {
        const started = Date.now();
        await store.set(key("short"), "v", 400);
        await store.set(key("long"), "v", LONG_TTL_MS);
        const early = await store.get(key("short"));
        // Only judge "still there" when the machine was not too slow to tell.
        if (Date.now() - started < 300) expect(early).toBe("v");
        await sleep(started + 400 + 500 - Date.now());
        expect(await store.get(key("short"))).toBeNull();
        expect(await store.get(key("long"))).toBe("v");
      }),
    );

    test(
      "setIfAbsent writes only when the key is absent",
      withStore(async (store, { key }) => {
        expect(await store.setIfAbsent(key("k"), "first", LONG_TTL_MS)).toBe(true);
        expect(await store.setIfAbsent(key("k"), "second", LONG_TTL_MS)).toBe(false);
        expect(await store.get(key("k"))).toBe("first");
        await store.set(key("set-first"), "by set", LONG_TTL_MS);
        expect(await store.setIfAbsent(key("set-first"), "by setIfAbsent", LONG_TTL_MS)).toBe(
          false,
        );
        expect(await store.get(key("set-first"))).toBe("by set");
        await store.delete(key("k"));
        expect(await store.setIfAbsent(key("k"), "third", LONG_TTL_MS)).toBe(true);
        expect(await store.get(key("k"))).toBe("third");
      }),
    );

    test(
      "N parallel setIfAbsent calls have exactly one winner",
      withStore(async (store, { key }) => {
        const results = await Promise.all(
          Array.from({ length: PARALLEL_WRITERS }, (_, i) =>
            store.setIfAbsent(key("race"), `writer-${i}`, LONG_TTL_MS),
          ),
        );
        const winners = results.flatMap((won, i) => (won ? [i] : []));
        expect(winners, `winners among ${PARALLEL_WRITERS} parallel setIfAbsent`).toHaveLength(1);
        expect(await store.get(key("race"))).toBe(`writer-${winners[0]}`);
      }),
    );

    test(
      "setIfAbsent writes again after expiry",
      withStore(async (store, { key }) => {
        expect(await store.setIfAbsent(key("k"), "first", SHORT_TTL_MS)).toBe(true);
        await sleep(EXPIRY_WAIT_MS);
        expect(await store.setIfAbsent(key("k"), "second", LONG_TTL_MS)).toBe(true);
        expect(await store.get(key("k"))).toBe("second");
      }),
    );

    test(
      "consume returns the value and deletes it",
      withStore(async (store, { key }) => {
        await store.set(key("k"), "v", LONG_TTL_MS);
        expect(await store.consume(key("k"))).toBe("v");
        expect(await store.get(key("k"))).toBeNull();
        expect(await store.consume(key("k"))).toBeNull();
        // The key is free again.
        expect(await store.setIfAbsent(key("k"), "w", LONG_TTL_MS)).toBe(true);
      }),
    );

    test(
      "consume of a missing or expired key is null",
      withStore(async (store, { key }) => {
        expect(await store.consume(key("missing"))).toBeNull();
        expect(await store.consume(key("missing"), "anything")).toBeNull();
        await store.set(key("expiring"), "v", SHORT_TTL_MS);
        await sleep(EXPIRY_WAIT_MS);
        expect(await store.consume(key("expiring"))).toBeNull();
        expect(await store.consume(key("expiring"), "v")).toBeNull();
      }),
    );

    test(
      "consume with expected deletes only when equal",
      withStore(async (store, { key }) => {
        await store.set(key("k"), "right", LONG_TTL_MS);
        for (const wrong of ["wrong", "righ", "right ", "RIGHT"]) {
          expect(
            await store.consume(key("k"), wrong),
            `consume with expected ${JSON.stringify(wrong)}`,
          ).toBeNull();
        }
        expect(await store.get(key("k")), "a mismatched consume leaves the value").toBe("right");
        expect(await store.consume(key("k"), "right")).toBe("right");
        expect(await store.get(key("k"))).toBeNull();
      }),
    );

    test(
      "N parallel consumes have exactly one winner",
      withStore(async (store, { key }) => {
        await store.set(key("k"), "once", LONG_TTL_MS);
        const results = await Promise.all(
          Array.from({ length: PARALLEL_WRITERS }, () => store.consume(key("k"))),
        );
        const winners = results.filter((value) => value !== null);
        expect(winners, `non-null results among ${PARALLEL_WRITERS} parallel consumes`).toEqual([
          "once",
        ]);
        expect(await store.get(key("k"))).toBeNull();
      }),
    );

    test(
      "N parallel consume(key, expected) have exactly one winner",
      withStore(async (store, { key }) => {
        await store.set(key("k"), "once", LONG_TTL_MS);
        const results = await Promise.all(
          Array.from({ length: PARALLEL_WRITERS }, (_, i) =>
            // A few callers with the wrong value must never win nor disturb the others.
            store.consume(key("k"), i % 10 === 9 ? "other" : "once"),
          ),
        );
        const winners = results.filter((value) => value !== null);
        expect(winners, `non-null results among ${PARALLEL_WRITERS} parallel consumes`).toEqual([
          "once",
        ]);
        expect(await store.get(key("k"))).toBeNull();
      }),
    );

    test(
      "increment starts at 1 and counts up",
      withStore(async (store, { key }) => {
        expect(await store.increment(key("counter"), LONG_TTL_MS)).toBe(1);
        expect(await store.increment(key("counter"), LONG_TTL_MS)).toBe(2);
        expect(await store.increment(key("counter"), LONG_TTL_MS)).toBe(3);
        expect(await store.increment(key("other"), LONG_TTL_MS), "another counter").toBe(1);
      }),
    );

    test(
      "N parallel increments end at N with unique results",
      withStore(async (store, { key }) => {
        const results = await Promise.all(
          Array.from({ length: PARALLEL_INCREMENTS }, () =>
            store.increment(key("counter"), LONG_TTL_MS),
          ),
        );
        const expected = Array.from({ length: PARALLEL_INCREMENTS }, (_, i) => i + 1);
        expect(Math.max(...results), `final count after ${PARALLEL_INCREMENTS} increments`).toBe(
          PARALLEL_INCREMENTS,
        );
        expect(
          [...results].sort((a, b) => a - b),
          "every caller sees its own count",
        ).toEqual(expected);
        expect(await store.increment(key("counter"), LONG_TTL_MS)).toBe(PARALLEL_INCREMENTS + 1);
      }),
    );

    test(
      "increment TTL is fixed at creation (does not slide)",
      withStore(async (store, { key }) => {
        // Created with a 400 ms window; a later increment passes 60 s. A store that applies the
        // TTL on every increment (or extends it) keeps the counter alive: it must be gone.
        for (let attempt = 1; ; attempt++) {
          const counter = key(`window-${attempt}`);
          const started = Date.now();
          expect(await store.increment(counter, 400)).toBe(1);
          await sleep(100);
          const second = await store.increment(counter, LONG_TTL_MS);
          if (Date.now() - started > 300 && attempt < 3) continue; // too slow to judge: retry
          expect(second, "second increment inside the window").toBe(2);
          await sleep(started + 400 + 500 - Date.now());
          expect(
            await store.increment(counter, LONG_TTL_MS),
            "the window ended 400 ms after creation, whatever later increments passed",
          ).toBe(1);
          return;
        }
      }),
    );

    test(
      "increment restarts at 1 after the counter expires",
      withStore(async (store, { key }) => {
        expect(await store.increment(key("counter"), SHORT_TTL_MS)).toBe(1);
        await sleep(EXPIRY_WAIT_MS);
        expect(await store.increment(key("counter"), LONG_TTL_MS)).toBe(1);
        expect(await store.increment(key("counter"), LONG_TTL_MS)).toBe(2);
      }),
    );

    test(
      "delete removes the key",
      withStore(async (store, { key }) => {
        await store.set(key("value"), "v", LONG_TTL_MS);
        await store.delete(key("value"));
        expect(await store.get(key("value"))).toBeNull();
        expect(await store.consume(key("value"))).toBeNull();
        await store.increment(key("counter"), LONG_TTL_MS);
        await store.increment(key("counter"), LONG_TTL_MS);
        await store.delete(key("counter"));
        expect(
          await store.increment(key("counter"), LONG_TTL_MS),
          "a deleted counter restarts",
        ).toBe(1);
      }),
    );

    test(
      "delete of a missing key is fine (idempotent)",
      withStore(async (store, { key }) => {
        await expect(store.delete(key("never-written"))).resolves.toBeUndefined();
        await store.set(key("k"), "v", LONG_TTL_MS);
        await store.delete(key("k"));
        await expect(store.delete(key("k"))).resolves.toBeUndefined();
        expect(await store.get(key("k"))).toBeNull();
      }),
    );

    test(
      "stores from two create() calls are isolated",
      withStore(async (a, { another, key }) => {
        const b = await another();
        await a.set(key("shared"), "from a", LONG_TTL_MS);
        expect(await b.get(key("shared")), "b sees a's key").toBeNull();
        expect(await b.setIfAbsent(key("shared"), "from b", LONG_TTL_MS)).toBe(true);
        expect(await a.get(key("shared"))).toBe("from a");
        expect(await b.consume(key("shared"))).toBe("from b");
        expect(await a.get(key("shared")), "b's consume removed a's key").toBe("from a");
        expect(await a.increment(key("counter"), LONG_TTL_MS)).toBe(1);
        expect(await b.increment(key("counter"), LONG_TTL_MS), "b sees a's counter").toBe(1);
        await b.delete(key("shared"));
        expect(await a.get(key("shared")), "b's delete removed a's key").toBe("from a");
      }),
    );

    test(
      "keys with braces, colons and spaces work",
      withStore(async (store, { key }) => {
        const keys = [
          "{abc123}:code",
          "{abc123}:attempts",
          "{user:42}:lock:until",
          "{}",
          "with spaces and  double  spaces",
          "colons:::everywhere:",
          "ünïcödé 🙂 key",
        ].map(key);
        for (const [i, k] of keys.entries()) await store.set(k, `value-${i}`, LONG_TTL_MS);
        for (const [i, k] of keys.entries()) expect(await store.get(k), k).toBe(`value-${i}`);
        for (const k of keys) expect(await store.increment(`${k}:n`, LONG_TTL_MS), k).toBe(1);
        for (const [i, k] of keys.entries()) expect(await store.consume(k), k).toBe(`value-${i}`);
        for (const k of keys) {
          await store.delete(`${k}:n`);
          expect(await store.increment(`${k}:n`, LONG_TTL_MS), k).toBe(1);
        }
      }),
    );

    test("close resolves when present", async () => {
      const store = await options.create();
      try {
        // close is optional. When absent there is nothing to check, and the test passes rather
        // than skips: CI counts skips as failures, and a store without close() is conformant.
        expect(["undefined", "function"], "typeof store.close").toContain(typeof store.close);
        await store.set(`otp-testing:${randomHex()}:k`, "v", LONG_TTL_MS);
        if (store.close) await expect(store.close()).resolves.toBeUndefined();
      } finally {
        // close() already ran: only the author's own cleanup is left to do.
        await options.cleanup?.(store);
      }
    });

    assertAllRegistered(suite, OTP_STORE_TESTS, registered);
  });
}
