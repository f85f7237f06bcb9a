import type { OtpStore } from "@otpkit/otp-core";
import { expect } from "vitest";
import type { StoreCases } from "./store-cases.js";
import { LONG_TTL_MS } from "./store-cases.js";

// @internal The store suite's concurrency cases: what an atomic compare-and-set promises when
// many callers race on one key. Not re-exported from index.ts.

/** How many concurrent callers the one-key races use. */
const PARALLEL_WRITERS = 50;
/** The counter: this many workers, each doing this many get + compareAndSet increments. */
const COUNTER_WORKERS = 20;
const COUNTER_INCREMENTS = 10;
/**
 * A bound on the counter's attempts, so a store that never lets a compare succeed fails instead
 * of spinning. Every failed compare means another caller's succeeded since its read, so an atomic
 * store needs at most (workers x increments) x workers attempts; this is twice that.
 */
const COUNTER_MAX_ATTEMPTS = 2 * COUNTER_WORKERS * COUNTER_WORKERS * COUNTER_INCREMENTS;

/** The indexes of the callers that won. */
const winnersOf = (results: readonly boolean[]): number[] =>
  results.flatMap((won, i) => (won ? [i] : []));

/** Runs `count` callers at once: every call is started before any is awaited. */
const race = (count: number, call: (i: number) => Promise<boolean>): Promise<boolean[]> =>
  Promise.all(Array.from({ length: count }, (_, i) => call(i)));

/**
 * One increment the way the engine commits a record: read, compute, compare-and-set the value
 * read, and start over when another writer got there first. Counts its attempts in `attempts`.
 */
async function increment(store: OtpStore, key: string, attempts: { n: number }): Promise<void> {
  for (;;) {
    if (++attempts.n > COUNTER_MAX_ATTEMPTS) {
      throw new Error(`counter: over ${COUNTER_MAX_ATTEMPTS} attempts, no progress`);
    }
    const current = await store.get(key);
    const next = String((current === null ? 0 : Number(current)) + 1);
    if (await store.compareAndSet(key, current, next, LONG_TTL_MS)) return;
  }
}

/** @internal The concurrency cases. */
export const RACE_CASES = {
  "N parallel create-if-absent calls have exactly one winner": async (store, { key }) => {
    const results = await race(PARALLEL_WRITERS, (i) =>
      store.compareAndSet(key("race"), null, `writer-${i}`, LONG_TTL_MS),
    );
    const winners = winnersOf(results);
    expect(winners, `winners among ${PARALLEL_WRITERS} parallel create-if-absent`).toHaveLength(1);
    expect(await store.get(key("race")), "the winner's value").toBe(`writer-${winners[0]}`);
  },

  "N parallel replace-if-equal calls with one expected have exactly one winner": async (
    store,
    { key },
  ) => {
    await store.compareAndSet(key("race"), null, "start", LONG_TTL_MS);
    const results = await race(PARALLEL_WRITERS, (i) =>
      // A few callers with a wrong expected must never win nor disturb the others.
      store.compareAndSet(
        key("race"),
        i % 10 === 9 ? "other" : "start",
        `writer-${i}`,
        LONG_TTL_MS,
      ),
    );
    const winners = winnersOf(results);
    expect(winners, `winners among ${PARALLEL_WRITERS} parallel replace-if-equal`).toHaveLength(1);
    expect(winners[0]! % 10, "a caller with the wrong expected won").not.toBe(9);
    expect(await store.get(key("race")), "the winner's value").toBe(`writer-${winners[0]}`);
  },

  "N parallel delete-if-equal calls have exactly one winner": async (store, { key }) => {
    await store.compareAndSet(key("race"), null, "once", LONG_TTL_MS);
    const results = await race(PARALLEL_WRITERS, () =>
      store.compareAndSet(key("race"), "once", null, 0),
    );
    expect(
      winnersOf(results),
      `winners among ${PARALLEL_WRITERS} parallel delete-if-equal`,
    ).toHaveLength(1);
    expect(await store.get(key("race"))).toBeNull();
  },

  "20 workers doing 10 get + compareAndSet increments each end at exactly 200": async (
    store,
    { key },
  ) => {
    // The engine's own loop (read, decide, compare-and-set, retry on a lost race) as a counter.
    // A compare-and-set that is not atomic lets two workers commit over the same read, and an
    // increment is lost: the count ends short of 200.
    const attempts = { n: 0 };
    await Promise.all(
      Array.from({ length: COUNTER_WORKERS }, async () => {
        for (let i = 0; i < COUNTER_INCREMENTS; i++)
          await increment(store, key("counter"), attempts);
      }),
    );
    expect(
      await store.get(key("counter")),
      `counter after ${COUNTER_WORKERS} workers x ${COUNTER_INCREMENTS} increments (lost updates)`,
    ).toBe(String(COUNTER_WORKERS * COUNTER_INCREMENTS));
  },
} satisfies StoreCases;
