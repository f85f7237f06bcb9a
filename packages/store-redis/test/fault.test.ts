import type { OtpError, OtpStore } from "@otpkit/otp-core";
import { isOtpError } from "@otpkit/otp-core";
import type { RedisOptions } from "ioredis";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createRedisStore } from "../src/index.js";
import type { RedisServerProcess } from "./support/redis-server.js";
import { startRedisServer } from "./support/redis-server.js";

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

/** One call of every primitive: the outage must be reported by all of them. */
function everyPrimitive(store: OtpStore): Array<[string, () => Promise<unknown>]> {
  return [
    ["get", () => store.get("{s}:code")],
    ["set", () => store.set("{s}:code", "v", 60_000)],
    ["setIfAbsent", () => store.setIfAbsent("{s}:lock", "v", 60_000)],
    ["consume", () => store.consume("{s}:code")],
    ["consume(expected)", () => store.consume("{s}:code", "v")],
    ["increment", () => store.increment("{s}:attempts", 60_000)],
    ["delete", () => store.delete("{s}:code")],
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
    await store.set("{s}:code", "before", 60_000);
    const first = await failure(
      (async () => {
        await server.stop("SIGKILL");
        return store.get("{s}:code");
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

    await server.start();
    await until(async () => client.status === "ready");
    // Same store object, same client: no restart of the process or the store needed.
    await store.set("{s}:code", "after", 60_000);
    expect(await store.get("{s}:code")).toBe("after");
    expect(await store.increment("{s}:attempts", 60_000)).toBeGreaterThanOrEqual(1);
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
    await store.set("{s}:code", "back", 60_000);
    expect(await store.consume("{s}:code", "back")).toBe("back");
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
    expect(await store.setIfAbsent("{s}:lock", "x", 60_000)).toBe(true);
  });

  it("a client the caller has quit reports STORE_UNAVAILABLE (Connection is closed)", async () => {
    const client = connect(server);
    await until(async () => client.status === "ready");
    const store = createRedisStore({ client });
    await client.quit();
    const { error } = await failure(store.get("{s}:code"));
    expectUnavailable(error, "get");
    expect(error.message).toContain("Connection is closed");
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

  it("ioredis commandTimeout becomes STORE_UNAVAILABLE; a timed-out consume never returns the value", async () => {
    const client = connect(server, { commandTimeout: 300 });
    await until(async () => client.status === "ready");
    const store = createRedisStore({ client, timeoutMs: 0 });
    await store.set("{s}:code", "the-code", 60_000);

    const admin = connect(server);
    await admin.client("PAUSE", 1_500, "ALL");
    const { error, ms } = await failure(store.consume("{s}:code"));
    expectUnavailable(error, "consume");
    expect(error.details?.["reason"]).toBe("timeout");
    expect(error.message).toContain("Command timed out");
    expect(ms).toBeLessThan(1_400); // answered by the timeout, not by the end of the pause

    // The GETDEL was already on the wire: Redis ran it when the pause ended. The outcome was
    // unknown to the caller, which is exactly why the store threw instead of answering.
    await until(async () => (await admin.exists("otp:{s}:code")) === 0, 5_000);
    expect(await store.get("{s}:code")).toBeNull();
    await store.set("{s}:code", "next", 60_000);
    expect(await store.consume("{s}:code", "next")).toBe("next");
  });

  it("the store's own timeoutMs fires even when the client has no commandTimeout", async () => {
    const client = connect(server);
    await until(async () => client.status === "ready");
    const store = createRedisStore({ client, timeoutMs: 250 });
    const admin = connect(server);
    await admin.client("PAUSE", 1_000, "ALL");
    const { error, ms } = await failure(store.increment("{s}:attempts", 60_000));
    expectUnavailable(error, "increment");
    expect(error.details?.["reason"]).toBe("timeout");
    expect(ms).toBeLessThan(900);
    // The increment was sent, so it counts once the pause ends: an attempt is never lost, it can
    // only be counted although the caller saw an error (the safe direction for a failure budget).
    await until(async () => (await admin.get("otp:{s}:attempts")) === "1", 5_000);
    expect(await store.increment("{s}:attempts", 60_000)).toBe(2);
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

  it("keeps every acknowledged increment and its fixed TTL across a crash (SIGKILL) and restart", async () => {
    const client = connect(server);
    const store = createRedisStore({ client, timeoutMs: 2_000 });
    for (let i = 1; i <= 3; i++) expect(await store.increment("{s}:attempts", 120_000)).toBe(i);
    await store.set("{s}:code", "kept", 120_000);

    await server.stop("SIGKILL"); // a crash: no shutdown save, only the fsynced AOF survives
    await server.start();
    await until(async () => client.status === "ready");

    expect(await store.increment("{s}:attempts", 120_000)).toBe(4);
    expect(await store.get("{s}:code")).toBe("kept");
    const pttl = await client.pttl("otp:{s}:attempts");
    expect(pttl).toBeGreaterThan(0);
    expect(pttl).toBeLessThanOrEqual(120_000);
  });

  it("a crash in the middle of a burst: every increment either throws STORE_UNAVAILABLE or is counted", async () => {
    const client = connect(server);
    await until(async () => client.status === "ready");
    const store = createRedisStore({ client, timeoutMs: 1_500 });
    const key = "{burst}:attempts";

    const results: Array<Promise<number>> = [];
    for (let i = 0; i < 300; i++) {
      results.push(store.increment(key, 120_000));
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
    const acknowledged = settled.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    const failed = settled.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(failed.length).toBeGreaterThan(0);
    for (const reason of failed) {
      expect(isOtpError(reason) && reason.code).toBe("STORE_UNAVAILABLE");
    }

    await server.start();
    await until(async () => client.status === "ready");
    // Nothing acknowledged was lost: the counter is at least the highest acknowledged value and at
    // least the number of acknowledgements (each acknowledged INCR was fsynced before its reply).
    const after = Number(await client.get(`otp:${key}`));
    expect(after).toBeGreaterThanOrEqual(Math.max(...acknowledged));
    expect(after).toBeGreaterThanOrEqual(acknowledged.length);
    expect(new Set(acknowledged).size).toBe(acknowledged.length);
    expect(await client.pttl(`otp:${key}`)).toBeGreaterThan(0);
  });
});
