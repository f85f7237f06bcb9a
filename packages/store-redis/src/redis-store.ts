import type { OtpStore } from "@otpkit/otp-core";
import { argumentError, configError, intOption, OtpError } from "@otpkit/otp-core";
import type { Cluster, Redis } from "ioredis";
import { PREFIX, runBounded, SOURCE } from "./redis-errors.js";
import {
  COMPARE_AND_SET_LUA,
  EXPECT_ABSENT,
  EXPECT_VALUE,
  NEXT_DELETE,
  NEXT_SET,
} from "./scripts.js";

/** Options for {@link createRedisStore}. */
export interface RedisStoreOptions {
  /**
   * A connected (or connecting) ioredis client: a standalone `Redis` or a `Cluster`. The store
   * never creates, configures or closes connections: the caller owns the client. Recommended client
   * settings for bounded failures are in the README ("Failure semantics").
   */
  client: Redis | Cluster;
  /**
   * Prepended to every key: `otp:` + `{digest}` gives `otp:{digest}`. It must not contain `{` or
   * `}`, because Redis Cluster hashes the first `{…}` of a key: a brace in the prefix would send
   * every key of every subject to one slot.
   * @default "otp:"
   */
  keyPrefix?: string;
  /**
   * Upper bound, in milliseconds, on how long one primitive may wait for Redis before it throws
   * `STORE_UNAVAILABLE`, whatever the client's own retry settings are (ioredis queues commands
   * while it reconnects and by default gives up only after 20 reconnection attempts). `0` leaves
   * timing entirely to the client (`commandTimeout`, `maxRetriesPerRequest`).
   * @default 5000
   */
  timeoutMs?: number;
}

/**
 * Script command name, registered on the caller's client with ioredis `defineCommand`. The version
 * suffix keeps two otpkit versions with different Lua from overwriting each other's definition on
 * a shared client. (V1 was the compare-and-delete and increment scripts of the old contract.)
 */
const COMPARE_AND_SET = "otpkitCompareAndSetV2";

interface ScriptCommands {
  [COMPARE_AND_SET](
    key: string,
    expectMode: string,
    expected: string,
    nextMode: string,
    next: string,
    ttlMs: string,
  ): Promise<number>;
}

/**
 * A Redis store for otpkit: the store to use when more than one server process verifies codes.
 *
 * `get` is a plain `GET`. `compareAndSet` is one Lua script on one key (compare with `GET`, then
 * `SET … PX` or `DEL`), run through ioredis `defineCommand`, which sends `EVALSHA` and falls back
 * to `EVAL` when the server does not know the script yet. Both are one round trip and atomic on
 * the server; every write carries a TTL.
 *
 * Keys are `keyPrefix + key`. otp-core's keys carry a hash tag (`{digest}`, `{digest}:i:…`); it
 * stays intact behind the prefix, so every key of one subject shares a Cluster slot. Each
 * primitive touches exactly one key, so the store works on Redis Cluster as is.
 *
 * Redis must not evict: run it with `maxmemory-policy noeviction` (check it at startup with
 * {@link checkRedisStore}). An evicted record would hand an attacker a fresh failure budget.
 *
 * @param options The ioredis client (standalone or Cluster), a key prefix and a time limit.
 * @returns An {@link OtpStore} named `"redis"`.
 * @throws {OtpError} `CONFIG_INVALID` (with `field`) for a missing client, a prefix with braces or
 *   a bad time limit. The primitives throw `STORE_UNAVAILABLE` (Redis unreachable, timed out,
 *   restarting: the outcome is unknown and nothing was decided), `STORE_DATA_INVALID` (a key of
 *   another Redis type, which otpkit did not write) and `INVALID_ARGUMENT` (a write with a TTL
 *   that is not a positive number).
 * @example
 * ```ts
 * import { Redis } from "ioredis";
 * const client = new Redis("redis://127.0.0.1:6379", { commandTimeout: 1_000, maxRetriesPerRequest: 1 });
 * const store = createRedisStore({ client, keyPrefix: "otp:" });
 * await store.compareAndSet("{abc}", null, "v1", 60_000); // true: created
 * await store.compareAndSet("{abc}", "v1", "v2", 60_000); // true: replaced
 * await store.compareAndSet("{abc}", "v1", null, 0); // false: it holds "v2" now
 * ```
 */
export function createRedisStore(options: RedisStoreOptions): OtpStore {
  const client: unknown = options?.client;
  if (
    typeof client !== "object" ||
    client === null ||
    typeof (client as Partial<Redis>).defineCommand !== "function" ||
    typeof (client as Partial<Redis>).get !== "function"
  ) {
    throw configError(
      "client",
      "an ioredis Redis or Cluster instance",
      client,
      "pass `new Redis(url)` or `new Cluster(nodes)` from ioredis 6",
      { source: SOURCE },
    );
  }
  const keyPrefix = options.keyPrefix ?? "otp:";
  if (typeof keyPrefix !== "string" || /[{}]/.test(keyPrefix) || keyPrefix.length > 256) {
    throw configError(
      "keyPrefix",
      "a string of up to 256 characters without { or }",
      keyPrefix,
      "braces would become the Redis Cluster hash tag of every key",
      { source: SOURCE },
    );
  }
  const timeoutMs = intOption("timeoutMs", options.timeoutMs ?? 5_000, 0, 600_000, {
    source: SOURCE,
  });

  // defineCommand registers the script on this client object (not on the server): the first call
  // on each connection sends EVAL, later ones EVALSHA, and a NOSCRIPT reply (server restarted or
  // SCRIPT FLUSH) is retried as EVAL transparently. One round trip in the steady state.
  const redis = options.client;
  redis.defineCommand(COMPARE_AND_SET, { numberOfKeys: 1, lua: COMPARE_AND_SET_LUA });
  const scripted = options.client as (Redis | Cluster) & ScriptCommands;

  const k = (key: string): string => keyPrefix + key;

  return {
    name: "redis",
    async get(key) {
      return runBounded("get", timeoutMs, () => redis.get(k(key)));
    },
    async compareAndSet(key, expected, next, ttlMs) {
      const px = next === null ? "0" : String(ttl(ttlMs));
      const reply = await runBounded("compareAndSet", timeoutMs, () =>
        scripted[COMPARE_AND_SET](
          k(key),
          expected === null ? EXPECT_ABSENT : EXPECT_VALUE,
          expected ?? "",
          next === null ? NEXT_DELETE : NEXT_SET,
          next ?? "",
          px,
        ),
      );
      if (reply !== 0 && reply !== 1) {
        // Only a script of another version under our name could answer this; never guess.
        throw new OtpError(
          "STORE_DATA_INVALID",
          `${PREFIX} compareAndSet got an unexpected script reply`,
          { source: SOURCE, details: { operation: "compareAndSet" } },
        );
      }
      return reply === 1;
    },
    async close() {
      // The client belongs to the caller: nothing to release here (no timers, no connections).
    },
  };
}

/**
 * Redis wants a positive integer of milliseconds; otp-core always sends one (>= 1). Fractions
 * round up, so a record never expires before the time it was given.
 */
function ttl(ttlMs: number): number {
  if (typeof ttlMs !== "number" || !Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw argumentError("ttlMs", "a number > 0 to write a value", ttlMs, { source: SOURCE });
  }
  return Math.ceil(ttlMs);
}
