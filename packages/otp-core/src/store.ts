import { OtpError } from "./errors.js";

/**
 * The store contract: a handful of atomic primitives, in the spirit of better-auth's secondary
 * storage. All OTP logic lives once, in otp-core; a store only has to make each primitive atomic
 * on its backend. `@otpkit/otp-testing`'s `describeOtpStore` checks every adapter the same way.
 *
 * Keys are opaque strings built by otp-core (`{subject-digest}:kind`); a store may prefix them.
 * The part in braces is a Redis Cluster hash tag: every key of one subject maps to one slot.
 * Values are opaque non-empty strings (otp-core writes JSON and decimal counters); a store returns
 * them byte for byte. TTLs are milliseconds, always > 0 (a store may round fractions up), and must
 * be honoured to within a few milliseconds: nothing otp-core writes lives forever. `increment` is
 * only ever used on counter keys; on a value that is not an integer it throws `STORE_DATA_INVALID`
 * and leaves the value alone. `get` of a counter key returns its decimal string.
 *
 * Failures: when a store cannot know whether a write happened (timeout, lost reply) it throws
 * `STORE_UNAVAILABLE` and the key may or may not have changed; it never reports an outcome it does
 * not know. Under such failures an increment is "at least once": a budget may only get stricter.
 */
export interface OtpStore {
  /** Stable adapter name for diagnostics (`"memory"`, `"redis"`, `"sqlite"`). */
  readonly name: string;
  /** The value, or `null` when missing or expired. */
  get(key: string): Promise<string | null>;
  /** Writes the value with a time to live, replacing any previous value and TTL. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Writes only when the key is absent (or expired). Returns true when this call wrote it. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  /**
   * Atomically reads and deletes. With `expected`, deletes only if the current value equals it
   * (compare-and-delete) and returns `null` otherwise, leaving the value in place. Of N concurrent
   * calls for one value, exactly one gets it.
   */
  consume(key: string, expected?: string): Promise<string | null>;
  /**
   * Atomically adds 1 and returns the new count. The TTL is set when the key is created and is
   * NOT extended by later increments: a failure window never slides. N concurrent calls end at N.
   */
  increment(key: string, ttlMs: number): Promise<number>;
  /** Removes the key. Deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** Releases connections or timers the store owns (never a client passed in by the caller). */
  close?(): Promise<void>;
}

/** Options for {@link createMemoryStore}. */
export interface MemoryStoreOptions {
  /** Clock in epoch milliseconds, for tests. @default Date.now */
  now?: () => number;
  /** Keep at most this many keys; the soonest-expiring are evicted first. @default 100_000 */
  maxKeys?: number;
}

interface Entry {
  value: string;
  expiresAt: number;
}

/**
 * An in-process store for tests, single-instance services and development. Atomic because every
 * primitive runs synchronously inside one turn of the event loop. Not shared between processes:
 * use `@otpkit/store-redis` or `@otpkit/store-sqlite` for that.
 *
 * @example
 * ```ts
 * const store = createMemoryStore();
 * await store.set("k", "v", 60_000);
 * await store.consume("k"); // "v"
 * ```
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): OtpStore {
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 100_000;
  const data = new Map<string, Entry>();

  function live(key: string): Entry | undefined {
    const entry = data.get(key);
    if (entry && entry.expiresAt <= now()) {
      data.delete(key);
      return undefined;
    }
    return entry;
  }

  function write(key: string, value: string, ttlMs: number): void {
    if (!data.has(key) && data.size >= maxKeys) sweep();
    data.set(key, { value, expiresAt: now() + ttlMs });
  }

  function sweep(): void {
    const t = now();
    for (const [key, entry] of data) if (entry.expiresAt <= t) data.delete(key);
    if (data.size < maxKeys) return;
    // Still full: evict the entries closest to expiry (they matter least).
    const byExpiry = [...data.entries()].sort((a, b) => a[1].expiresAt - b[1].expiresAt);
    for (const [key] of byExpiry.slice(0, Math.ceil(maxKeys / 10))) data.delete(key);
  }

  return {
    name: "memory",
    async get(key) {
      return live(key)?.value ?? null;
    },
    async set(key, value, ttlMs) {
      write(key, value, ttlMs);
    },
    async setIfAbsent(key, value, ttlMs) {
      if (live(key)) return false;
      write(key, value, ttlMs);
      return true;
    },
    async consume(key, expected) {
      const entry = live(key);
      if (!entry) return null;
      if (expected !== undefined && entry.value !== expected) return null;
      data.delete(key);
      return entry.value;
    },
    async increment(key, ttlMs) {
      const entry = live(key);
      if (!entry) {
        write(key, "1", ttlMs);
        return 1;
      }
      if (!/^-?\d+$/.test(entry.value)) {
        throw new OtpError(
          "STORE_DATA_INVALID",
          "[memory] increment of a value that is not an integer",
          {
            source: "memory",
          },
        );
      }
      const next = Number.parseInt(entry.value, 10) + 1;
      entry.value = String(next); // expiresAt untouched: the window does not slide
      return next;
    },
    async delete(key) {
      data.delete(key);
    },
    async close() {
      data.clear();
    },
  };
}
