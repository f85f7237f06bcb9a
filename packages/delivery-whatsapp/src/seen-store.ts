import { configError } from "./errors.js";

/**
 * Where the webhook handler remembers which notifications it already handled. The shape is a
 * subset of otp-core's `OtpStore`, so a Redis or SQLite store can be passed as is and the
 * memory survives restarts and is shared between server instances.
 */
export interface WebhookSeenStore {
  /** Writes only when the key is absent (or expired). Returns true when this call wrote it. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  /** Forgets a key (used when handling an event failed, so Meta's retry is handled again). */
  delete?(key: string): Promise<void>;
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
 * await seen.setIfAbsent("wamid.X:delivered", "1", 60_000); // true
 * await seen.setIfAbsent("wamid.X:delivered", "1", 60_000); // false
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
    async setIfAbsent(key, _value, ttlMs) {
      const t = now();
      const until = entries.get(key);
      if (until !== undefined && until > t) return false;
      entries.delete(key);
      entries.set(key, t + ttlMs);
      for (const [k, expiry] of entries) {
        if (entries.size <= maxEntries && expiry > t) break;
        entries.delete(k);
      }
      return true;
    },
    async delete(key) {
      entries.delete(key);
    },
  };
}
