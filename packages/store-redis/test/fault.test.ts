import type { OtpError, OtpStore } from "@otpkit/otp-core";
import { isOtpError } from "@otpkit/otp-core";
import type { RedisServerProcess } from "@otpkit/otp-testing/redis-server";
import { startRedisServer } from "@otpkit/otp-testing/redis-server";
import type { RedisOptions } from "ioredis";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createRedisStore } from "../src/index.js";

// Real failures, no mocks: each test starts its own redis-server on a spare port and stops,
// kills or pauses it. The shared Redis on 6379 is never touched here.

const clients: Redis[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.disconnect();
});

function connect(server: RedisServerProcess, options: RedisOptions = {}): Redis {
  const client = new Redis(server.port, "127.0.0.1", {
    // Reconnect quickly so "after the server is back" does not wait for exponential backoff.
    retryStrategy: () => 100,
    ...options,
  });
  client.on("error", () => {
    // Connection errors surface through the commands; an unhandled 'error' event would only log.
  });
  clients.push(client);
  return client;
}

async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("condition not met in time");
}

/** Awaits a rejection and returns it as an OtpError, with how long it took. */
async function failure(promise: Promise<unknown>): Promise<{ error: OtpError; ms: number }> {
  const started = performance.now();
  try {
    await promise;
  } catch (error) {
    if (!isOtpError(error)) throw error;
    return { error, ms: performance.now() - started };
  }
  throw new Error("expected the operation to throw, but it returned");
}

/**
 * One call of every primitive and every branch of the compare-and-set script: the outage must be
 * reported by all of them.
 */
function everyPrimitive(store: OtpStore): Array<[string, () => Promise<unknown>]> {
  return [
    ["get", () => store.get("{s}")],
    ["compareAndSet (create)", () => store.compareAndSet("{s}:new", null, "v", 60_000)],
    ["compareAndSet (replace)", () => store.compareAndSet("{s}", "v", "w", 60_000)],
    ["compareAndSet (delete)", () => store.compareAndSet("{s}", "w", null, 0)],
  ];
}

function expectUnavailable(error: OtpError, operation: string): void {
  expect(error.code, operation).toBe("STORE_UNAVAILABLE");
  expect(error.source).toBe("redis");
  expect(error.retryable).toBe(true);
  expect(error.message).toMatch(/^\[otp-store-redis\] /);
  expect(error.cause, `${operation} keeps the driver error as cause`).toBeInstanceOf(Error);
}

describe("Redis stopped", () => {
  let server: RedisServerProcess;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterEach(async () => {
    // A failed test must not leave the next one without a server.
    if (!server.running) await server.start();
  });
  afterAll(async () => {
    await server.destroy();
  });

  it("with ioredis defaults, the store's timeoutMs bounds every primitive, then the same store works again", async () => {
    const client = connect(server); // ioredis defaults: offline queue, 20 retries per request
    const store = createRedisStore({ client, keyPrefix: "otp:", timeoutMs: 400 });
    expect(await store.compareAndSet("{s}", null, "before", 60_000)).toBe(true);
    const first = await failure(
      (async () => {
        await server.stop("SIGKILL");
        return store.get("{s}");
      })(),
    );
    expect(first.error.details?.["reason"]).toBe("timeout");
    expect(first.error.message).toContain("no answer within 400 ms");

    for (const [operation, call] of everyPrimitive(store)) {
      const { error, ms } = await failure(call());
      expectUnavailable(error, operation);
      // Usually the store's deadline ("no answer within 400 ms"); a command queued just as ioredis
      // flushes its offline queue (20 reconnect attempts) fails sooner with MaxRetriesPerRequest.
      expect(["timeout", "connection"]).toContain(error.details?.["reason"]);
      expect(ms, `${operation} gave up in bounded time`).toBeLessThan(1_500);
    }

    await server.start(); // no persistence: the restarted server is empty
    await until(async () => client.status === "ready");
    // Same store object, same client: no restart of the process or the store needed. Commands
    // that timed out may still sit in ioredis' offline queue and run now (sent first, in order),
    // so read before deciding, as the engine does.
    const current = await store.get("{s}");
    expect(await store.compareAndSet("{s}", current, "after", 60_000)).toBe(true);
    expect(await store.get("{s}")).toBe("after");
  });

  it("with maxRetriesPerRequest: 1, MaxRetriesPerRequestError becomes STORE_UNAVAILABLE (connection)", async () => {
    const client = connect(server, { maxRetriesPerRequest: 1 });
    await until(async () => client.status === "ready");
    const store = createRedisStore({ client, timeoutMs: 0 }); // timing left to the client alone

    await server.stop("SIGKILL");
    for (const [operation, call] of everyPrimitive(store)) {
      const { error, ms } = await failure(call());
      expectUnavailable(error, operation);
      expect(error.details?.["reason"]).toBe("connection");
      expect(ms, `${operation} gave up in bounded time`).toBeLessThan(5_000);
    }

    await server.start();
    await until(async () => client.status === "ready");
    // Nothing was queued (each command gave up after one retry): the new server is empty.
    expect(await store.get("{s}:new")).toBeNull();
    expect(await store.compareAndSet("{s}", null, "back", 60_000)).toBe(true);
    expect(await store.compareAndSet("{s}", "back", null, 0)).toBe(true);
  });

  it("with enableOfflineQueue: false, a refused connection fails at once as STORE_UNAVAILABLE", async () => {
    const client = connect(server, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    await until(async () => client.status === "ready");
    const store = createRedisStore({ client });

    await server.stop("SIGKILL");
    await until(async () => client.status !== "ready");
    for (const [operation, call] of everyPrimitive(store)) {
      const { error, ms } = await failure(call());
      expectUnavailable(error, operation);
      expect(ms).toBeLessThan(1_000);
    }

    await server.start();
    await until(async () => client.status === "ready");
    expect(await store.compareAndSet("{s}:lock", null, "x", 60_000)).toBe(true);
  });

  it("a client the caller has quit reports STORE_UNAVAILABLE (Connection is closed)", async () => {
    const client = connect(server);
    await until(async () => client.status === "ready");
    const store = createRedisStore({ client });
    await client.quit();
    for (const [operation, call] of everyPrimitive(store)) {
      const { error } = await failure(call());
      expectUnavailable(error, operation);
      expect(error.message).toContain("Connection is closed");
    }
  });
});

describe("Redis paused (CLIENT PAUSE): commands time out", () => {
  let server: RedisServerProcess;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await server.destroy();
  });

  it("ioredis commandTimeout becomes STORE_UNAVAILABLE; a timed-out compare-and-set never answers true or false", async () => {
    const client = connect(server, { commandTimeout: 300 });
    await until(async () => client.status === "ready");
    const store = createRedisStore({ client, timeoutMs: 0 });
    expect(await store.compareAndSet("{s}", null, "record-1", 60_000)).toBe(true);

    const admin = connect(server);
    await admin.client("PAUSE", 1_500, "ALL");
    const { error, ms } = await failure(store.compareAndSet("{s}", "record-1", "record-2", 60_000));
    expectUnavailable(error, "compareAndSet");
    expect(error.details?.["reason"]).toBe("timeout");
    expect(error.message).toContain("Command timed out");
    expect(ms).toBeLessThan(1_400); // answered by the timeout, not by the end of the pause

    // The script was already on the wire: Redis ran it when the pause ended. The outcome was
    // unknown to the caller, which is exactly why the store threw instead of answering. A caller
    // that retries with the old expected value now loses, and must read again (the engine does).
    await until(async () => (await admin.get("otp:{s}")) === "record-2", 5_000);
    expect(await store.compareAndSet("{s}", "record-1", "record-3", 60_000)).toBe(false);
    expect(await store.get("{s}")).toBe("record-2");
    expect(await store.compareAndSet("{s}", "record-2", null, 0)).toBe(true);
  });

  it("the store's own timeoutMs fires even when the client has no commandTimeout, for get and compareAndSet", async () => {
    const client = connect(server);
    await until(async () => client.status === "ready");
    const store = createRedisStore({ client, timeoutMs: 250 });
    const admin = connect(server);
    // Long enough for every primitive to time out in turn even on a loaded machine (each waits
    // 250 ms; with 1 s the last one could outlive the pause and be answered).
    await admin.client("PAUSE", 3_000, "ALL");
    for (const [operation, call] of everyPrimitive(store)) {
      const { error, ms } = await failure(call());
      expectUnavailable(error, operation);
      expect(error.details?.["reason"]).toBe("timeout");
      expect(error.message).toContain("no answer within 250 ms");
      expect(ms).toBeLessThan(900);
    }
    // The create was sent, so it happens once the pause ends: a write the caller saw fail may
    // still land. It never answers, so nothing was decided on a guess.
    await until(async () => (await admin.get("otp:{s}:new")) === "v", 8_000);
    expect(await store.compareAndSet("{s}:new", null, "again", 60_000)).toBe(false);
  });
});

describe("Redis restarted with appendonly + appendfsync always", () => {
  let server: RedisServerProcess;
  beforeAll(async () => {
    server = await startRedisServer(["--appendonly", "yes", "--appendfsync", "always"]);
  });
  afterAll(async () => {
    await server.destroy();
  });

  it("keeps every acknowledged compare-and-set and its TTL across a crash (SIGKILL) and restart", async () => {
    const client = connect(server);
    const store = createRedisStore({ client, timeoutMs: 2_000 });
    expect(await store.compareAndSet("{s}", null, "r1", 120_000)).toBe(true);
    expect(await store.compareAndSet("{s}", "r1", "r2", 120_000)).toBe(true);
    expect(await store.compareAndSet("{s}:gone", null, "x", 120_000)).toBe(true);
    expect(await store.compareAndSet("{s}:gone", "x", null, 0)).toBe(true);

    await server.stop("SIGKILL"); // a crash: no shutdown save, only the fsynced AOF survives
    await server.start();
    await until(async () => client.status === "ready");

    expect(await store.get("{s}")).toBe("r2");
    expect(await store.get("{s}:gone")).toBeNull();
    const pttl = await client.pttl("otp:{s}");
    expect(pttl).toBeGreaterThan(0);
    expect(pttl).toBeLessThanOrEqual(120_000);
    expect(await store.compareAndSet("{s}", "r1", "stale", 120_000)).toBe(false);
    expect(await store.compareAndSet("{s}", "r2", "r3", 120_000)).toBe(true);
  });

  it("a crash in the middle of a chain of compare-and-sets: each one throws STORE_UNAVAILABLE or answered true, and nothing acknowledged is lost", async () => {
    const client = connect(server);
    await until(async () => client.status === "ready");
    const store = createRedisStore({ client, timeoutMs: 1_500 });
    const key = "{chain}";
    expect(await store.compareAndSet(key, null, "0", 120_000)).toBe(true);

    // Call i moves the record from i to i + 1. One connection runs commands in order, so while
    // Redis is up each finds its expected value; a false here would be a wrong answer.
    const results: Array<Promise<boolean>> = [];
    for (let i = 0; i < 300; i++) {
      results.push(store.compareAndSet(key, String(i), String(i + 1), 120_000));
      if (i === 150) {
        // Let the first half reach the server, then crash it while the rest is in flight.
        await Promise.race([
          Promise.allSettled(results.slice(0, 100)),
          new Promise((r) => setTimeout(r, 1_000)),
        ]);
        await server.stop("SIGKILL");
      }
    }
    const settled = await Promise.allSettled(results);
    const acknowledged = settled.flatMap((r, i) =>
      r.status === "fulfilled" ? [[i, r.value]] : [],
    );
    const failed = settled.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(failed.length).toBeGreaterThan(0);
    for (const [, won] of acknowledged) expect(won).toBe(true);
    for (const reason of failed) {
      expect(isOtpError(reason) && reason.code).toBe("STORE_UNAVAILABLE");
    }

    await server.start();
    await until(async () => client.status === "ready");
    // Nothing acknowledged was lost: each acknowledged step was fsynced before its reply, so the
    // record is at least at the last acknowledged step (queued steps may have run since).
    const lastAcknowledged = Math.max(...acknowledged.map(([i]) => Number(i) + 1));
    await until(async () => (await client.get(`otp:${key}`)) !== null);
    expect(Number(await client.get(`otp:${key}`))).toBeGreaterThanOrEqual(lastAcknowledged);
    expect(await client.pttl(`otp:${key}`)).toBeGreaterThan(0);
  });
});
