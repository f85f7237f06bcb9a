import type { OtpStore } from "@otpkit/otp-core";
import { OtpError } from "@otpkit/otp-core";
import type { Cluster, Redis } from "ioredis";
import { CONSUME_IF_EQUAL_LUA, INCREMENT_FIXED_TTL_LUA } from "./scripts.js";

/** Options for {@link createRedisStore}. */
export interface RedisStoreOptions {
  /**
   * A connected (or connecting) ioredis client: a standalone `Redis` or a `Cluster`. The store
   * never creates, configures or closes connections: the caller owns the client. Recommended client
   * settings for bounded failures are in the README ("Failure semantics").
   */
  client: Redis | Cluster;
  /**
   * Prepended to every key: `otp:` + `{digest}:code` gives `otp:{digest}:code`. It must not
   * contain `{` or `}`, because Redis Cluster hashes the first `{…}` of a key: a brace in the
   * prefix would send every key of every subject to one slot.
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
 * Script command names, registered on the caller's client with ioredis `defineCommand`. The
 * version suffix keeps two otpkit versions with different Lua from overwriting each other's
 * definition on a shared client.
 */
const CONSUME_IF_EQUAL = "otpkitConsumeIfEqualV1";
const INCREMENT_FIXED_TTL = "otpkitIncrementFixedTtlV1";

interface ScriptCommands {
  [CONSUME_IF_EQUAL](key: string, expected: string): Promise<string | null>;
  [INCREMENT_FIXED_TTL](key: string, ttlMs: number): Promise<number>;
}

const SOURCE = "redis";
const PREFIX = "[otp-store-redis]";

/**
 * A Redis store for otpkit: the store to use when more than one server process verifies codes.
 *
 * Every primitive is one round trip and atomic on the server: `GET`, `SET PX`, `SET NX PX`,
 * `GETDEL` (Redis >= 6.2), `DEL`, and two one-key Lua scripts (compare-and-delete, increment with
 * a TTL fixed at creation) run through ioredis `defineCommand`, which sends `EVALSHA` and falls
 * back to `EVAL` when the server does not know the script yet. Every key is written with a TTL.
 *
 * Keys are `keyPrefix + key`. otp-core's keys carry a hash tag (`{digest}:code`); it stays intact
 * behind the prefix, so all keys of one subject share a Cluster slot. A key without braces is
 * hashed whole: fine, because every primitive touches exactly one key.
 *
 * @param options The ioredis client (standalone or Cluster), a key prefix and a time limit.
 * @returns An {@link OtpStore} named `"redis"`.
 * @throws {OtpError} `CONFIG_INVALID` (with `field`) for a missing client, a prefix with braces or
 *   a negative time limit. The primitives throw `STORE_UNAVAILABLE` (Redis unreachable, timed out,
 *   restarting: the outcome is unknown and nothing was decided) and `STORE_DATA_INVALID` (a key
 *   holds something otpkit did not write).
 * @example
 * ```ts
 * import { Redis } from "ioredis";
 * const client = new Redis("redis://127.0.0.1:6379", { commandTimeout: 1_000, maxRetriesPerRequest: 1 });
 * const store = createRedisStore({ client, keyPrefix: "otp:" });
 * await store.set("{abc}:code", "v", 60_000);
 * await store.consume("{abc}:code"); // "v"
 * ```
 */
export function createRedisStore(options: RedisStoreOptions): OtpStore {
  const client: unknown = options?.client;
  if (
    typeof client !== "object" ||
    client === null ||
    typeof (client as Partial<Redis>).defineCommand !== "function" ||
    typeof (client as Partial<Redis>).getdel !== "function"
  ) {
    throw configError(
      "client",
      "an ioredis Redis or Cluster instance",
      client,
      "pass `new Redis(url)` or `new Cluster(nodes)` from ioredis 6",
    );
  }
  const keyPrefix = options.keyPrefix ?? "otp:";
  if (typeof keyPrefix !== "string" || /[{}]/.test(keyPrefix) || keyPrefix.length > 256) {
    throw configError(
      "keyPrefix",
      "a string of up to 256 characters without { or }",
      keyPrefix,
      "braces would become the Redis Cluster hash tag of every key",
    );
  }
  const timeoutMs = options.timeoutMs ?? 5_000;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 0 || timeoutMs > 600_000) {
    throw configError("timeoutMs", "integer 0..600000", timeoutMs);
  }

  // defineCommand registers the script on this client object (not on the server): the first call
  // on each connection sends EVAL, later ones EVALSHA, and a NOSCRIPT reply (server restarted or
  // SCRIPT FLUSH) is retried as EVAL transparently. One round trip in the steady state.
  const redis = options.client;
  redis.defineCommand(CONSUME_IF_EQUAL, { numberOfKeys: 1, lua: CONSUME_IF_EQUAL_LUA });
  redis.defineCommand(INCREMENT_FIXED_TTL, { numberOfKeys: 1, lua: INCREMENT_FIXED_TTL_LUA });
  const scripted = options.client as (Redis | Cluster) & ScriptCommands;

  const k = (key: string): string => keyPrefix + key;

  /**
   * Runs one command, bounded by `timeoutMs`, and turns every failure into an OtpError. On timeout
   * the command may still run later on the server; the caller only learns that the outcome is
   * unknown, which is why this throws instead of guessing a value.
   */
  async function run<T>(operation: string, command: () => Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const pending = command();
      if (timeoutMs === 0) return await pending;
      return await new Promise<T>((resolve, reject) => {
        timer = setTimeout(() => reject(new StoreTimeoutError(timeoutMs)), timeoutMs);
        pending.then(resolve, reject);
      });
    } catch (error) {
      throw toOtpError(operation, error);
    } finally {
      if (timer !== undefined) clearTimeout(timer);
    }
  }

  return {
    name: "redis",
    async get(key) {
      return run("get", () => redis.get(k(key)));
    },
    async set(key, value, ttlMs) {
      const px = ttl(ttlMs);
      await run("set", () => redis.set(k(key), value, "PX", px));
    },
    async setIfAbsent(key, value, ttlMs) {
      const px = ttl(ttlMs);
      // SET NX PX is one atomic command: no window between "is it there?" and "write it".
      const reply = await run("setIfAbsent", () => redis.set(k(key), value, "PX", px, "NX"));
      return reply === "OK";
    },
    async consume(key, expected) {
      if (expected === undefined) {
        // GETDEL reads and deletes in one command: of N concurrent callers exactly one gets it.
        return run("consume", () => redis.getdel(k(key)));
      }
      return run("consume", () => scripted[CONSUME_IF_EQUAL](k(key), expected));
    },
    async increment(key, ttlMs) {
      const px = ttl(ttlMs);
      const count = await run("increment", () => scripted[INCREMENT_FIXED_TTL](k(key), px));
      if (typeof count !== "number" || !Number.isSafeInteger(count) || count < 1) {
        throw new OtpError(
          "STORE_DATA_INVALID",
          `${PREFIX} increment returned a non-counter reply`,
          {
            source: SOURCE,
            details: { operation: "increment" },
          },
        );
      }
      return count;
    },
    async delete(key) {
      await run("delete", () => redis.del(k(key)));
    },
    async close() {
      // The client belongs to the caller: nothing to release here (no timers, no connections).
    },
  };
}

/** Our own deadline, distinct from ioredis' "Command timed out" so the message can say which fired. */
class StoreTimeoutError extends Error {
  override readonly name = "StoreTimeoutError";
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms (the store's timeoutMs)`);
  }
}

/** Redis replies that mean "this key holds something otpkit did not write". */
const DATA_ERRORS = /^(WRONGTYPE|ERR value is not an integer)/;
/** Redis replies that a retry will not fix (credentials, ACL). */
const AUTH_ERRORS = /^(NOAUTH|WRONGPASS|NOPERM)/;

function toOtpError(operation: string, error: unknown): OtpError {
  if (error instanceof OtpError) return error;
  const cause = sanitize(error);
  if (cause.name === "ReplyError" && DATA_ERRORS.test(cause.message)) {
    return new OtpError(
      "STORE_DATA_INVALID",
      `${PREFIX} ${operation} found a value otpkit did not write (${firstWord(cause.message)}); delete the key or use another keyPrefix`,
      { cause, source: SOURCE, details: { operation } },
    );
  }
  const reason = classify(cause);
  const hint =
    reason === "timeout"
      ? "the outcome is unknown; check the server's health and latency"
      : reason === "connection"
        ? "Redis is unreachable; the client reconnects on its own and the store works again once it is back"
        : "Redis refused the command";
  return new OtpError(
    "STORE_UNAVAILABLE",
    `${PREFIX} ${operation} failed: ${cause.message} (${hint})`,
    {
      cause,
      source: SOURCE,
      ...(AUTH_ERRORS.test(cause.message) ? { retryable: false } : {}),
      details: { operation, reason },
    },
  );
}

function classify(error: Error & { code?: unknown }): "timeout" | "connection" | "server" {
  if (
    error.name === "StoreTimeoutError" ||
    error.message === "Command timed out" ||
    error.code === "ETIMEDOUT"
  ) {
    return "timeout";
  }
  if (error.name === "ReplyError") return "server";
  return "connection";
}

function firstWord(message: string): string {
  return message.split(" ", 1)[0] ?? message;
}

/** Properties of a driver error that help diagnose it and never hold data. */
const SAFE_FIELDS = ["code", "errno", "syscall", "address", "port", "timeoutMs"] as const;

/**
 * A copy of the driver error without `command.args`: ioredis attaches the command and its
 * arguments (the stored value) to reply and abort errors, and an OtpError's `cause` must never
 * carry stored values. Name, message, stack and the network fields survive; the ClusterAllFailed
 * error's `lastNodeError` becomes the copy's `cause`.
 */
function sanitize(error: unknown): Error & { code?: unknown } {
  if (!(error instanceof Error)) return new Error(String(error));
  const source = error as Error & Record<string, unknown>;
  const inner = source["lastNodeError"] ?? source.cause;
  const copy = new Error(
    error.message,
    inner === undefined ? undefined : { cause: sanitize(inner) },
  ) as Error & Record<string, unknown>;
  copy.name = error.name;
  if (error.stack !== undefined) copy.stack = error.stack;
  for (const field of SAFE_FIELDS) {
    if (source[field] !== undefined) copy[field] = source[field];
  }
  return copy;
}

/** Redis wants a positive integer of milliseconds; otp-core always sends one (> 0). */
function ttl(ttlMs: number): number {
  if (typeof ttlMs !== "number" || !Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new OtpError(
      "INVALID_ARGUMENT",
      `${PREFIX} "ttlMs" expected a number > 0, got ${String(ttlMs)}`,
      {
        field: "ttlMs",
        source: SOURCE,
      },
    );
  }
  return Math.ceil(ttlMs);
}

function configError(field: string, expected: string, got: unknown, fix?: string): OtpError {
  const shown =
    typeof got === "string"
      ? JSON.stringify(got)
      : got === null
        ? "null"
        : typeof got === "object"
          ? "an object"
          : String(got);
  return new OtpError(
    "CONFIG_INVALID",
    `${PREFIX} "${field}" expected ${expected}, got ${shown}${fix ? ` (${fix})` : ""}`,
    { field, source: SOURCE },
  );
}
