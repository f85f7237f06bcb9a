import type { OtpStore } from "@otpkit/otp-core";
import { OtpError } from "@otpkit/otp-core";
import { COUNTER_MAX_TRIES } from "./store-counter.js";

/** One window of a key's send quota: its length and its limit (never 0: such windows are left out). */
export interface QuotaWindow {
  readonly name: "hour" | "day";
  readonly ms: number;
  readonly limit: number;
}

/** Which windows a counted send belongs to (their indices), to give it back to the same ones. */
export type QuotaStamp = readonly number[];

/** What {@link QuotaCounter.take} answers. */
export type Admission =
  | { readonly ok: true; readonly stamp: QuotaStamp }
  | { readonly ok: false; readonly window: QuotaWindow; readonly retryAfterMs: number };

/** The counts of one API key's quota, shared by every process through the store. */
export interface QuotaCounter {
  /** Counts one send in every window, or answers which window is full (counting nothing). */
  take(apiKeyId: string): Promise<Admission>;
  /** Takes back a send counted by {@link take} (from the windows it was counted in, if current). */
  giveBack(apiKeyId: string, stamp: QuotaStamp): Promise<void>;
}

type Op =
  | { kind: "take"; resolve(a: Admission): void; reject(e: unknown): void }
  | { kind: "give"; stamp: QuotaStamp; resolve(): void; reject(e: unknown): void };

/** The most operations one compare-and-set carries. */
const MAX_BATCH = 512;

/**
 * A key's quota counts, one record per API key in the shared store (`q:key:<id>`: never `{…`, so
 * never one of otp-core's keys) holding every window's index and count, e.g. `493217.12.20550.40`.
 *
 * Why a combiner: every send of one API key meets at this one record, so a busy service's
 * concurrent sends would each read, then compare-and-set, and all but one lose and retry (50
 * concurrent sends ran out of retries: 503 `STORE_CONTENTION`). Here each process queues its
 * key's changes while one read-and-write is in flight and applies the queued ones together in
 * the next: one compare-and-set counts many sends, races remain only between processes, and
 * no count is lost or doubled (the write either lands whole or is read again and redone).
 *
 * @param store The shared OTP store.
 * @param now Clock, epoch ms.
 * @param windows The windows with a limit (hour, day).
 * @throws {never} Its methods reject with the store's `OtpError` (`STORE_UNAVAILABLE`), with
 *   `STORE_DATA_INVALID` for a record it did not write, and `STORE_CONTENTION` (retryable) after
 *   {@link COUNTER_MAX_TRIES} lost races with other processes.
 * @example
 * const counter = createQuotaCounter(store, Date.now, [{ name: "hour", ms: 3_600_000, limit: 1000 }]);
 * const a = await counter.take("AbCdEf123456");
 * if (a.ok) await counter.giveBack("AbCdEf123456", a.stamp); // it was not sent after all
 */
export function createQuotaCounter(
  store: OtpStore,
  now: () => number,
  windows: readonly QuotaWindow[],
): QuotaCounter {
  const queues = new Map<string, Op[]>();

  function enqueue(apiKeyId: string, op: Op): void {
    const queue = queues.get(apiKeyId);
    if (queue) {
      queue.push(op);
      return;
    }
    queues.set(apiKeyId, [op]);
    void drain(apiKeyId);
  }

  async function drain(apiKeyId: string): Promise<void> {
    const queue = queues.get(apiKeyId)!;
    while (queue.length > 0) {
      const batch = queue.splice(0, MAX_BATCH);
      try {
        await apply(apiKeyId, batch);
      } catch (error) {
        for (const op of batch) op.reject(error);
      }
    }
    queues.delete(apiKeyId);
  }

  /** Applies a batch in one compare-and-set (read again after a lost race). */
  async function apply(apiKeyId: string, batch: readonly Op[]): Promise<void> {
    const key = `q:key:${apiKeyId}`;
    for (let attempt = 1; attempt <= COUNTER_MAX_TRIES; attempt++) {
      const t = now();
      const current = await store.get(key);
      const indices = windows.map((w) => Math.floor(t / w.ms));
      const counts = countsAt(current, indices, key);
      let changed = false;
      const answers: Array<Admission | undefined> = batch.map((op) => {
        if (op.kind === "give") {
          windows.forEach((_, i) => {
            if (op.stamp[i] === indices[i] && counts[i]! > 0) {
              counts[i]! -= 1;
              changed = true;
            }
          });
          return undefined;
        }
        const full = windows.findIndex((w, i) => counts[i]! + 1 > w.limit);
        if (full >= 0) {
          const w = windows[full]!;
          return { ok: false, window: w, retryAfterMs: (indices[full]! + 1) * w.ms - t };
        }
        windows.forEach((_, i) => {
          counts[i]! += 1;
        });
        changed = true;
        return { ok: true, stamp: indices };
      });
      // The record lives until its longest window ends, and a second more.
      const ttl = Math.max(...windows.map((w, i) => (indices[i]! + 1) * w.ms - t)) + 1_000;
      const next = indices.flatMap((index, i) => [index, counts[i]!]).join(".");
      if (!changed || (await store.compareAndSet(key, current, next, ttl))) {
        batch.forEach((op, i) => {
          if (op.kind === "give") op.resolve();
          else op.resolve(answers[i]!);
        });
        return;
      }
    }
    throw new OtpError(
      "STORE_CONTENTION",
      `Gave up after ${COUNTER_MAX_TRIES} conflicting writes to the send quota at "${key}"`,
      { source: store.name, retryable: true },
    );
  }

  /** Each window's count now: the stored one when its window is still current, else 0. */
  function countsAt(current: string | null, indices: readonly number[], key: string): number[] {
    if (current === null) return indices.map(() => 0);
    const parts = current.split(".").map(Number);
    if (
      parts.length !== indices.length * 2 ||
      !parts.every((n) => Number.isSafeInteger(n) && n >= 0)
    ) {
      throw new OtpError(
        "STORE_DATA_INVALID",
        `The send quota at "${key}" holds a value otpkit did not write`,
        { source: store.name },
      );
    }
    return indices.map((index, i) => (parts[i * 2] === index ? parts[i * 2 + 1]! : 0));
  }

  return {
    take(apiKeyId) {
      return new Promise((resolve, reject) => enqueue(apiKeyId, { kind: "take", resolve, reject }));
    },
    giveBack(apiKeyId, stamp) {
      return new Promise((resolve, reject) =>
        enqueue(apiKeyId, { kind: "give", stamp, resolve, reject }),
      );
    },
  };
}
