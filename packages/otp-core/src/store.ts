import { configError, intOption } from "./adapter-helpers.js";
import { OtpError } from "./errors.js";

/**
 * The store contract: read a key, and compare-and-set a key. That is all otp-core needs, because
 * everything it knows about one (subject, purpose) is ONE record (see `record.ts`), decided by
 * pure rules and committed with one compare-and-set. Stores hold no OTP logic; each makes its two
 * primitives atomic in one round trip on its backend (a Lua script on Redis, one statement on
 * SQLite and PostgreSQL, a synchronous Map operation in memory). `@otpkit/otp-testing`'s
 * `describeOtpStore` checks every adapter the same way, races included.
 *
 * Keys are opaque strings built by otp-core (`{keyed-digest}` or `{keyed-digest}:i:…`); a store
 * may prefix them. The part in braces is a Redis Cluster hash tag. Values are opaque non-empty
 * strings that a store returns byte for byte and compares byte for byte. TTLs are milliseconds,
 * always >= 1 (a store may round up to its resolution), honoured to within a few milliseconds.
 *
 * Failures: when a store cannot know whether a write happened (timeout, lost reply) it throws
 * `STORE_UNAVAILABLE`; it never reports an outcome it does not know. A store never silently drops
 * live state: no eviction of unexpired keys (the memory store refuses new keys when full; Redis
 * must run with `maxmemory-policy noeviction`).
 */
export interface OtpStore {
  /** Stable adapter name for diagnostics (`"memory"`, `"redis"`, `"sqlite"`, `"postgres"`). */
  readonly name: string;
  /** The value, or `null` when missing or expired. */
  get(key: string): Promise<string | null>;
  /**
   * Atomically: when the key's current value equals `expected` (`null`: the key is absent or
   * expired), write `next` with a time to live of `ttlMs` (`next` `null`: delete the key) and
   * resolve `true`; otherwise change nothing and resolve `false`. Of N concurrent calls with the
   * same `expected`, at most one resolves `true`.
   *
   * The three uses: create-if-absent (`expected` null), replace-if-equal, delete-if-equal
   * (`next` null; `ttlMs` is then ignored).
   */
  compareAndSet(
    key: string,
    expected: string | null,
    next: string | null,
    ttlMs: number,
  ): Promise<boolean>;
  /** Releases connections or timers the store owns (never a client passed in by the caller). */
  close?(): Promise<void>;
}

/** Options for {@link createMemoryStore}. */
export interface MemoryStoreOptions {
  /** Clock in epoch milliseconds, for tests. @default Date.now */
  now?: () => number;
  /**
   * Hold at most this many live keys. When full, expired keys are swept; if it is still full, a
   * write that would create a NEW key throws `STORE_FULL` (retryable). Live keys are never
   * evicted: dropping one would hand an attacker a fresh failure budget.
   * @default 100_000
   */
  maxKeys?: number;
}

interface Entry {
  value: string;
  expiresAt: number;
}

/**
 * An in-process store for tests, single-instance services and development. Atomic because each
 * primitive runs synchronously inside one turn of the event loop. Not shared between processes:
 * use `@otpkit/store-redis`, `@otpkit/store-sqlite` or `@otpkit/store-postgres` for that.
 *
 * @param options Clock and capacity; see {@link MemoryStoreOptions}.
 * @returns An {@link OtpStore} named `"memory"`.
 * @throws {OtpError} `CONFIG_INVALID` for a bad `maxKeys` or `now`. Its `compareAndSet` throws
 * `STORE_FULL` (retryable) when creating a key while `maxKeys` live keys exist.
 * @example
 * ```ts
 * const store = createMemoryStore();
 * await store.compareAndSet("k", null, "v", 60_000); // true: created
 * await store.compareAndSet("k", "v", null, 0); // true: deleted
 * ```
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): OtpStore {
  const now = options.now ?? Date.now;
  if (typeof now !== "function")
    throw configError("now", "a function () => epoch ms", now, undefined, { source: "memory" });
  const maxKeys = intOption("maxKeys", options.maxKeys ?? 100_000, 1, 100_000_000, {
    source: "memory",
  });
  const data = new Map<string, Entry>();

  function live(key: string, t: number): Entry | undefined {
    const entry = data.get(key);
    if (entry !== undefined && entry.expiresAt <= t) {
      data.delete(key);
      return undefined;
    }
    return entry;
  }

  function makeRoom(t: number): void {
    if (data.size < maxKeys) return;
    for (const [key, entry] of data) if (entry.expiresAt <= t) data.delete(key);
    if (data.size >= maxKeys) {
      throw new OtpError(
        "STORE_FULL",
        `[memory] holds ${maxKeys} live keys (maxKeys); refusing a new one rather than evicting live state`,
        { source: "memory", details: { maxKeys } },
      );
    }
  }

  return {
    name: "memory",
    async get(key) {
      return live(key, now())?.value ?? null;
    },
    async compareAndSet(key, expected, next, ttlMs) {
      const t = now();
      const entry = live(key, t);
      if ((entry?.value ?? null) !== expected) return false;
      if (next === null) {
        data.delete(key);
        return true;
      }
      if (entry === undefined) {
        makeRoom(t);
        data.set(key, { value: next, expiresAt: t + Math.max(1, ttlMs) });
      } else {
        entry.value = next;
        entry.expiresAt = t + Math.max(1, ttlMs);
      }
      return true;
    },
    async close() {
      data.clear();
    },
  };
}
