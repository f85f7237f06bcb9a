import type { OtpStore } from "@otpkit/otp-core";
import { describe } from "vitest";
import type { StoreCase } from "./store-cases.js";
import { VALUE_CASES } from "./store-cases.js";
import { RACE_CASES } from "./store-race-cases.js";
import { TTL_CASES } from "./store-ttl-cases.js";
import type { SkipEntry } from "./suite-utils.js";
import { assertAllRegistered, createRegistrar, randomHex, resolveSkips } from "./suite-utils.js";

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
  "create-if-absent writes only when the key is absent",
  "values round-trip byte for byte",
  "values are compared byte for byte",
  "replace-if-equal succeeds only on the exact current value",
  "replace-if-equal sets the new TTL, shorter and longer",
  "delete-if-equal deletes only on the exact current value",
  "a stale expected changes nothing, neither value nor TTL",
  "a value expires after its TTL",
  "an expired key is absent: expected null matches, a value never does",
  "N parallel create-if-absent calls have exactly one winner",
  "N parallel replace-if-equal calls with one expected have exactly one winner",
  "N parallel delete-if-equal calls have exactly one winner",
  "20 workers doing 10 get + compareAndSet increments each end at exactly 200",
  "stores from two create() calls are isolated",
  "keys with braces, colons and spaces are distinct and work",
  "large values (8 KiB) round-trip and compare exactly",
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

/** Each test sleeps ~1 s at most; this leaves room for a slow remote backend. */
const TEST_TIMEOUT_MS = 20_000;

/** Every case's body. Typed by name: a name without a body (or a body without a name) won't compile. */
const CASES: Record<OtpStoreTestName, StoreCase> = { ...VALUE_CASES, ...TTL_CASES, ...RACE_CASES };

/**
 * Registers the OtpStore conformance suite for the store contract (`get` and `compareAndSet`):
 * one vitest `describe("OtpStore conformance: <name>")` with a case per entry of
 * {@link OTP_STORE_TESTS}. It covers create-if-absent, replace-if-equal and delete-if-equal on
 * exact values only (no trimming, number parsing, unicode normalisation or JSON equality), opaque
 * values handed back byte for byte (8 KiB included), TTLs set by every successful write and left
 * alone by every failed one (real time, generous slack, 1 ms to 40 days), expired keys counting
 * as absent, races of 50 callers on one key with exactly one winner, a 20-worker get +
 * compareAndSet counter that must end exact (what a non-atomic compare-and-set fails), isolation
 * between `create()` calls, Redis-style keys (`{tag}:i:op:digest`, spaces) and `close`.
 *
 * Each test uses fresh random keys (under `otp-testing:<random>:`) and a fresh store from
 * `create()`. A store may add its own prefix to every key.
 *
 * @param options The adapter's name, factory, optional cleanup and declared skips.
 * @throws OtpError `CONFIG_INVALID` when `skip` names an unknown test or gives no reason.
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

  /** Runs one case with a fresh store (and lets it ask for more); cleans every one up afterwards. */
  const withStore = (body: StoreCase) => async (): Promise<void> => {
    const stores: OtpStore[] = [];
    const closed = new Set<OtpStore>();
    const create = async (): Promise<OtpStore> => {
      const store = await options.create();
      stores.push(store);
      return store;
    };
    const prefix = `otp-testing:${randomHex()}`;
    try {
      await body(await create(), {
        key: (label) => `${prefix}:${label}`,
        another: create,
        closed: (store) => closed.add(store),
      });
    } finally {
      for (const store of stores) {
        if (options.cleanup) await options.cleanup(store);
        // A store the case closed itself is not closed twice.
        else if (!closed.has(store)) await store.close?.();
      }
    }
  };

  describe(suite, () => {
    const { test, registered } = createRegistrar(reasons, TEST_TIMEOUT_MS);
    for (const name of OTP_STORE_TESTS) test(name, withStore(CASES[name]));
    assertAllRegistered(suite, OTP_STORE_TESTS, registered);
  });
}
