import { randomUUID } from "node:crypto";
import type { OtpStore } from "@otpkit/otp-core";
import type { RedisOptions } from "ioredis";
import { Redis } from "ioredis";
import { afterAll } from "vitest";
import { createRedisStore } from "../../src/index.js";

/** The Redis every CI run has. Tests against it fail (never skip) when it is not there. */
export const REDIS_URL = process.env["REDIS_URL"] ?? "redis://127.0.0.1:6379";

/**
 * Connects to the shared test Redis and proves it answers. Throws a loud, actionable error instead
 * of letting a suite skip or hang: a store test that did not reach Redis has tested nothing.
 */
export async function connectRealRedis(options: RedisOptions = {}): Promise<Redis> {
  const client = new Redis(REDIS_URL, {
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 5_000,
    ...options,
  });
  client.on("error", () => {
    // Reported through the failing PING below; without a listener ioredis logs to stderr.
  });
  try {
    const pong = await client.ping();
    if (pong !== "PONG") throw new Error(`unexpected PING reply ${String(pong)}`);
  } catch (error) {
    client.disconnect();
    throw new Error(
      `Redis is not reachable at ${REDIS_URL}: start a Redis 7 server (redis-server) or set REDIS_URL. ` +
        "Store tests never skip.",
      { cause: error },
    );
  }
  return client;
}

/** A key prefix no other test (or test run) uses. */
export function uniquePrefix(label = "t"): string {
  return `otpkit-test:${label}:${randomUUID().slice(0, 8)}:`;
}

/** Deletes every key under a prefix (SCAN, never KEYS). */
export async function deletePrefix(client: Redis, prefix: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await client.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
    cursor = next;
    if (keys.length > 0) await client.del(...keys);
  } while (cursor !== "0");
}

/**
 * Stores for the shared suites (describeOtpStore, describeOtpEngine) on one connection to the
 * real Redis, opened on first use and closed after the calling file's tests. `create()` gives
 * each store a fresh key prefix; `cleanup(store)` deletes that prefix's keys.
 */
export function prefixedStores(label: string): {
  create(): Promise<OtpStore>;
  cleanup(store: OtpStore): Promise<void>;
} {
  let connecting: Promise<Redis> | undefined;
  const client = (): Promise<Redis> => {
    connecting ??= connectRealRedis();
    return connecting;
  };
  const prefixes = new Map<OtpStore, string>();
  afterAll(async () => {
    if (connecting) (await connecting.catch(() => undefined))?.disconnect();
  });
  return {
    async create() {
      const keyPrefix = uniquePrefix(label);
      const store = createRedisStore({ client: await client(), keyPrefix });
      prefixes.set(store, keyPrefix);
      return store;
    },
    async cleanup(store) {
      const prefix = prefixes.get(store);
      if (prefix) await deletePrefix(await client(), prefix);
    },
  };
}
