import type { OtpError } from "@otpkit/otp-core";
import { isOtpError } from "@otpkit/otp-core";
import type { RedisServerProcess } from "@otpkit/otp-testing/redis-server";
import { startRedisServer } from "@otpkit/otp-testing/redis-server";
import type { RedisOptions } from "ioredis";
import { Redis } from "ioredis";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { checkRedisStore } from "../src/index.js";
import { connectRealRedis } from "./support/real-redis.js";

// checkRedisStore against real servers started with the policy under test (the shared Redis on
// 6379 is only read, never reconfigured).

const servers: RedisServerProcess[] = [];
const clients: Redis[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.disconnect();
});
afterAll(async () => {
  await Promise.all(servers.map((server) => server.destroy()));
});

async function server(args: string[]): Promise<RedisServerProcess> {
  const started = await startRedisServer(args);
  servers.push(started);
  return started;
}

function connect(port: number, options: RedisOptions = {}): Redis {
  const client = new Redis(port, "127.0.0.1", { maxRetriesPerRequest: 1, ...options });
  client.on("error", () => {
    // Surfaced through the commands.
  });
  clients.push(client);
  return client;
}

async function rejection(promise: Promise<unknown>): Promise<OtpError> {
  try {
    await promise;
  } catch (error) {
    if (isOtpError(error)) return error;
    throw error;
  }
  throw new Error("expected the promise to reject");
}

describe("checkRedisStore", () => {
  it("passes on the shared test Redis (noeviction, the Redis default)", async () => {
    const client = await connectRealRedis();
    clients.push(client);
    const result = await checkRedisStore(client);
    expect(result.nodes).toHaveLength(1);
    expect(result.nodes[0]?.maxmemoryPolicy).toBe("noeviction");
  });

  it.each([
    "allkeys-lru",
    "allkeys-lfu",
    "allkeys-random",
    "volatile-lru",
    "volatile-lfu",
    "volatile-random",
    "volatile-ttl",
  ])("rejects a server running with maxmemory-policy %s", async (policy) => {
    const redis = await server(["--maxmemory-policy", policy, "--maxmemory", "64mb"]);
    const error = await rejection(checkRedisStore(connect(redis.port)));
    expect(error.code).toBe("CONFIG_INVALID");
    expect(error.field).toBe("maxmemory-policy");
    expect(error.source).toBe("redis");
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(
      new RegExp(`^"maxmemory-policy" expected "noeviction", got "${policy}" \\(`),
    );
    expect(error.message).toContain(`127.0.0.1:${redis.port}`);
    expect(error.message).toContain("set maxmemory-policy noeviction");
    expect(error.details).toEqual({
      reason: "evicting",
      node: `127.0.0.1:${redis.port}`,
      maxmemoryPolicy: policy,
    });
  });

  it("passes once the same server is switched to noeviction (the check reads the live setting)", async () => {
    const redis = await server(["--maxmemory-policy", "allkeys-lru"]);
    const client = connect(redis.port);
    expect((await rejection(checkRedisStore(client))).details?.["reason"]).toBe("evicting");
    await redis.cli("CONFIG", "SET", "maxmemory-policy", "noeviction");
    expect(await checkRedisStore(client)).toEqual({
      nodes: [{ node: `127.0.0.1:${redis.port}`, maxmemoryPolicy: "noeviction" }],
    });
  });

  it("says clearly when CONFIG is disabled (renamed away, as managed services do)", async () => {
    const redis = await server(["--rename-command", "CONFIG", ""]);
    const error = await rejection(checkRedisStore(connect(redis.port)));
    expect(error.code).toBe("CONFIG_INVALID");
    expect(error.field).toBe("maxmemory-policy");
    expect(error.details).toEqual({ reason: "unreadable", node: `127.0.0.1:${redis.port}` });
    expect(error.message).toContain("cannot read maxmemory-policy");
    expect(error.message).toContain("CONFIG GET was refused (ERR unknown command");
    expect(error.message).toContain("noeviction");
  });

  it("says clearly when the user's ACL does not allow CONFIG", async () => {
    const redis = await server([]);
    await redis.cli("ACL", "SETUSER", "app", "on", ">app-password", "~*", "+@all", "-config");
    const error = await rejection(
      checkRedisStore(connect(redis.port, { username: "app", password: "app-password" })),
    );
    expect(error.code).toBe("CONFIG_INVALID");
    expect(error.details?.["reason"]).toBe("unreadable");
    expect(error.message).toContain("CONFIG GET was refused (NOPERM");
  });

  it("reports an unreachable server as STORE_UNAVAILABLE within its timeoutMs", async () => {
    const redis = await server([]);
    const client = connect(redis.port);
    await client.ping();
    await redis.stop();
    const error = await rejection(checkRedisStore(client, { timeoutMs: 500 }));
    expect(error.code).toBe("STORE_UNAVAILABLE");
    expect(error.message).toMatch(/^\[otp-store-redis\] checkRedisStore failed: /);
  });

  it("rejects a bad client or timeoutMs with CONFIG_INVALID", async () => {
    expect((await rejection(checkRedisStore({} as never))).field).toBe("client");
    const client = await connectRealRedis();
    clients.push(client);
    expect((await rejection(checkRedisStore(client, { timeoutMs: -1 }))).field).toBe("timeoutMs");
  });
});
