import { configError } from "./errors.js";

/**
 * Where the webhook handler remembers which notifications it already handled. The shape is a
 * subset of otp-core's `OtpStore`, so a Redis or SQLite store can be passed as is and the
 * memory survives restarts and is shared between server instances.
 */
export interface WebhookSeenStore {
  /**
   * otp-core's compare-and-set. The handler uses two forms: create-if-absent
   * (`expected` null: marks a notification seen; true when this call marked it) and
   * delete-if-equal (`next` null: forgets it when handling failed, so Meta's retry is handled).
   */
  compareAndSet(
    key: string,
    expected: string | null,
    next: string | null,
    ttlMs: number,
  ): Promise<boolean>;
}

/** Options of {@link createMemorySeenStore}. */
export interface MemorySeenStoreOptions {
  /** Keys remembered at once; the oldest are forgotten first. @default 100000 */
  maxEntries?: number;
  /** Clock in epoch ms. @default Date.now */
  now?: () => number;
}

/**
 * A bounded in-process {@link WebhookSeenStore}: expired keys are dropped and, past
 * `maxEntries`, the oldest ones too, so memory stays bounded whatever Meta sends. One process
 * only; pass a shared store when several instances receive webhooks.
 *
 * @param options Size bound and clock.
 * @returns The store.
 * @throws {OtpError} `CONFIG_INVALID` for a bad `maxEntries`.
 * @example
 * ```ts
 * const seen = createMemorySeenStore({ maxEntries: 10_000 });
 * await seen.compareAndSet("wamid.X:delivered", null, "1", 60_000); // true
 * await seen.compareAndSet("wamid.X:delivered", null, "1", 60_000); // false
 * ```
 */
export function createMemorySeenStore(options: MemorySeenStoreOptions = {}): WebhookSeenStore {
  const maxEntries = options.maxEntries ?? 100_000;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw configError("maxEntries", "a positive integer", maxEntries);
  }
  const now = options.now ?? Date.now;
  // Insertion order is expiry order when every key gets the same TTL (the handler's case).
  const entries = new Map<string, number>();
  return {
    async compareAndSet(key, expected, next, ttlMs) {
      const t = now();
      const until = entries.get(key);
      const present = until !== undefined && until > t;
      if (next === null) {
        // Delete-if-equal: every value this store holds is the handler's "1".
        if (!present || expected === null) return !present && expected === null;
        entries.delete(key);
        return true;
      }
      if (present || expected !== null) return false;
      entries.delete(key);
      entries.set(key, t + ttlMs);
      for (const [k, expiry] of entries) {
        if (entries.size <= maxEntries && expiry > t) break;
        entries.delete(k);
      }
      return true;
    },
  };
}
