import type { OtpStore } from "@otpkit/otp-core";
import { expect } from "vitest";
import type { StoreCases } from "./store-cases.js";
import { LONG_TTL_MS } from "./store-cases.js";
import { sleep } from "./suite-utils.js";

// @internal The store suite's cases about time to live. They use real time with generous slack
// (a key is checked 500 ms after it should have expired) and judge "still there" only when the
// machine was fast enough to tell, so a slow CI runner never flakes. Not re-exported.

/** A short TTL and how long to wait for it to pass: 3.5x slack. */
const SHORT_TTL_MS = 200;
const EXPIRY_WAIT_MS = 700;
/** A TTL to judge both ways: still there before 300 ms, gone at 900 ms. */
const JUDGED_TTL_MS = 400;
const JUDGE_BEFORE_MS = 300;
const GONE_AFTER_MS = JUDGED_TTL_MS + 500;
/**
 * 40 days: past 2^31 ms, where a `setTimeout` fires at once and a 32-bit column overflows. The
 * engine keeps records for as long as a lock must be remembered, which can be weeks.
 */
const VERY_LONG_TTL_MS = 40 * 24 * 3_600_000;
/** How often a timing-sensitive step is tried again on a machine too slow to judge it. */
const SLOW_RETRIES = 3;

/**
 * Creates a key with a {@link JUDGED_TTL_MS} TTL and runs `write` on it while that TTL still
 * runs: on a machine too slow to tell, it tries again with a fresh key (and judges anyway on the
 * last attempt rather than pass without checking).
 * @returns The key used and when it was created.
 */
async function whileShortTtlRuns(
  store: OtpStore,
  key: (label: string) => string,
  label: string,
  write: (k: string) => Promise<void>,
): Promise<{ k: string; started: number }> {
  for (let attempt = 1; ; attempt++) {
    const k = key(`${label}-${attempt}`);
    const started = Date.now();
    expect(await store.compareAndSet(k, null, "first", JUDGED_TTL_MS)).toBe(true);
    await write(k);
    if (Date.now() - started < JUDGE_BEFORE_MS || attempt === SLOW_RETRIES) return { k, started };
  }
}

/** @internal The cases about TTLs. */
export const TTL_CASES = {
  "replace-if-equal sets the new TTL, shorter and longer": async (store, { key }) => {
    // A long TTL replaced by a short one: the key must now expire.
    await store.compareAndSet(key("shortened"), null, "first", LONG_TTL_MS);
    const started = Date.now();
    expect(await store.compareAndSet(key("shortened"), "first", "second", SHORT_TTL_MS)).toBe(true);
    const replaced = await store.get(key("shortened"));
    if (Date.now() - started < SHORT_TTL_MS / 2) expect(replaced).toBe("second");
    // A short TTL replaced by a very long one: the key must outlive the first TTL.
    let replacedInTime = false;
    const { k: lengthened } = await whileShortTtlRuns(store, key, "lengthened", async (k) => {
      replacedInTime = await store.compareAndSet(k, "first", "second", VERY_LONG_TTL_MS);
    });
    expect(replacedInTime, "replace-if-equal while the short TTL still ran").toBe(true);
    await sleep(GONE_AFTER_MS);
    expect(await store.get(key("shortened")), "the shorter TTL of the replace").toBeNull();
    expect(await store.get(lengthened), "the longer TTL of the replace").toBe("second");
  },

  "a stale expected changes nothing, neither value nor TTL": async (store, { key }) => {
    // Failed writes that pass a short TTL must not shorten a live key's TTL...
    await store.compareAndSet(key("long"), null, "first", LONG_TTL_MS);
    const misses = (k: string, ttlMs: number) =>
      Promise.all([
        store.compareAndSet(k, "stale", "x", ttlMs),
        store.compareAndSet(k, null, "x", ttlMs),
        store.compareAndSet(k, "stale", null, 0),
      ]);
    expect(await misses(key("long"), SHORT_TTL_MS), "stale replace, create, delete").toEqual([
      false,
      false,
      false,
    ]);
    // ... and failed writes that pass a long one must not extend it.
    let missed: boolean[] = [];
    const short = await whileShortTtlRuns(store, key, "short", async (k) => {
      missed = await misses(k, VERY_LONG_TTL_MS);
    });
    expect(missed, "stale replace, create, delete of the short-lived key").toEqual([
      false,
      false,
      false,
    ]);
    await sleep(Math.max(EXPIRY_WAIT_MS, short.started + GONE_AFTER_MS - Date.now()));
    expect(
      await store.get(key("long")),
      "a failed compareAndSet shortened the TTL of a live key (or changed its value)",
    ).toBe("first");
    expect(
      await store.get(short.k),
      "a failed compareAndSet extended the TTL of a live key",
    ).toBeNull();
  },

  "a value expires after its TTL": async (store, { key }) => {
    const started = Date.now();
    await store.compareAndSet(key("judged"), null, "v", JUDGED_TTL_MS);
    await store.compareAndSet(key("one-ms"), null, "v", 1);
    await store.compareAndSet(key("forty-days"), null, "v", VERY_LONG_TTL_MS);
    const early = await store.get(key("judged"));
    if (Date.now() - started < JUDGE_BEFORE_MS) expect(early, "before its TTL").toBe("v");
    await sleep(started + GONE_AFTER_MS - Date.now());
    expect(
      await store.get(key("judged")),
      `${JUDGED_TTL_MS} ms TTL, ${GONE_AFTER_MS} ms on`,
    ).toBeNull();
    expect(await store.get(key("one-ms")), `1 ms TTL, ${GONE_AFTER_MS} ms on`).toBeNull();
    expect(await store.get(key("forty-days")), "a 40-day TTL (over 2^31 ms)").toBe("v");
  },

  "an expired key is absent: expected null matches, a value never does": async (store, { key }) => {
    for (const label of ["replace", "delete", "create"]) {
      expect(await store.compareAndSet(key(label), null, "v", SHORT_TTL_MS)).toBe(true);
    }
    await sleep(EXPIRY_WAIT_MS);
    expect(
      await store.compareAndSet(key("replace"), "v", "w", LONG_TTL_MS),
      "replace-if-equal of an expired key",
    ).toBe(false);
    expect(await store.get(key("replace")), "a failed replace resurrected the key").toBeNull();
    expect(
      await store.compareAndSet(key("delete"), "v", null, 0),
      "delete-if-equal of an expired key",
    ).toBe(false);
    expect(
      await store.compareAndSet(key("create"), null, "new", LONG_TTL_MS),
      "create-if-absent over an expired key",
    ).toBe(true);
    expect(await store.get(key("create"))).toBe("new");
    expect(
      await store.compareAndSet(key("replace"), null, "new", LONG_TTL_MS),
      "create-if-absent after a failed replace of the expired key",
    ).toBe(true);
  },
} satisfies StoreCases;
