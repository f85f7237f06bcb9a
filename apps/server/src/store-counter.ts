import type { OtpStore } from "@otpkit/otp-core";
import { isOtpError, OtpError } from "@otpkit/otp-core";

/** How often {@link incrementCounter} reads and tries again after losing a compare-and-set. */
export const COUNTER_MAX_TRIES = 16;

const COUNT = /^[1-9]\d{0,14}$/;

/**
 * Adds one to a counter kept in the shared OTP store (SQLite, or Redis when scaled out) and
 * returns the new count. The store contract has no increment, so this is read, then
 * compare-and-set from what was read to one more: of two concurrent calls only one write wins,
 * the other reads again. Counts are never lost or doubled, whatever the number of processes.
 *
 * The retry is bounded: a counter that keeps changing between our read and our write is being
 * hammered, and the caller decides what that means (the hosted page refuses the request).
 *
 * @param store The OTP store (its keys are otp-core's `{digest}…`: pass a key that cannot be one,
 *   i.e. one that does not start with `{`).
 * @param key The counter's key.
 * @param ttlMs How long the counter lives after this write, ms (each write sets it again).
 * @param maxTries Compare-and-set attempts before giving up.
 * @returns The count after this call (1 for a new or expired counter).
 * @throws {OtpError} `STORE_CONTENTION` (retryable) after `maxTries` lost races,
 *   `STORE_DATA_INVALID` when the key holds something that is not a count, `STORE_UNAVAILABLE`
 *   when the store fails.
 * @example
 * ```ts
 * const n = await incrementCounter(rt.store, `rl:hosted:${tag}:${minute}`, 61_000);
 * if (n > limit) return tooMany();
 * ```
 */
export async function incrementCounter(
  store: OtpStore,
  key: string,
  ttlMs: number,
  maxTries = COUNTER_MAX_TRIES,
): Promise<number> {
  for (let attempt = 1; attempt <= maxTries; attempt++) {
    const current = await call(store, () => store.get(key));
    if (current !== null && !COUNT.test(current)) {
      throw new OtpError("STORE_DATA_INVALID", `The counter at "${key}" holds a non-count value`, {
        source: store.name,
      });
    }
    const next = (current === null ? 0 : Number(current)) + 1;
    if (await call(store, () => store.compareAndSet(key, current, String(next), ttlMs))) {
      return next;
    }
  }
  throw new OtpError(
    "STORE_CONTENTION",
    `Gave up after ${maxTries} conflicting writes to the counter at "${key}"`,
    { source: store.name, retryable: true },
  );
}

/** A store failure that is not an OtpError yet becomes `STORE_UNAVAILABLE`, as in otp-core. */
async function call<T>(store: OtpStore, op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (error) {
    if (isOtpError(error)) throw error;
    throw new OtpError("STORE_UNAVAILABLE", `Store "${store.name}" failed`, {
      cause: error,
      source: store.name,
    });
  }
}
