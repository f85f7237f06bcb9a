import type { OtpError, OtpStore } from "@otpkit/otp-core";
import { isOtpError } from "@otpkit/otp-core";
import type { Redis } from "ioredis";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { connectRealRedis, deletePrefix, uniquePrefix } from "../test/support/real-redis.js";
import { createRedisStore } from "./redis-store.js";

// Unit tests of the Redis specifics (key layout, TTLs, scripts, error mapping) against the real
// Redis; the shared contract is checked by test/conformance.test.ts.

let client: Redis;
let connecting: Promise<Redis> | undefined;
const prefixes: string[] = [];

// beforeEach, not beforeAll: without Redis every test FAILS with "Redis is not reachable at …"
// (a failing beforeAll would only mark them skipped).
beforeEach(async () => {
  connecting ??= connectRealRedis();
  client = await connecting;
});

afterAll(async () => {
  const connected = await connecting?.catch(() => undefined);
  if (!connected) return;
  for (const prefix of prefixes) await deletePrefix(connected, prefix);
  connected.disconnect();
});

function store(label: string): { store: OtpStore; prefix: string } {
  const prefix = uniquePrefix(label);
  prefixes.push(prefix);
  return { store: createRedisStore({ client, keyPrefix: prefix }), prefix };
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

function thrown(fn: () => unknown): OtpError {
  try {
    fn();
  } catch (error) {
    if (isOtpError(error)) return error;
    throw error;
  }
  throw new Error("expected a throw");
}

describe("createRedisStore options", () => {
  it("is named redis", () => {
    expect(createRedisStore({ client }).name).toBe("redis");
  });

  it.each([
    [{}, "client"],
    [{ client: {} }, "client"],
    [{ client: null }, "client"],
  ])("rejects a missing or foreign client (%#)", (options, field) => {
    const error = thrown(() => createRedisStore(options as never));
    expect(error.code).toBe("CONFIG_INVALID");
    expect(error.field).toBe(field);
    expect(error.message).toMatch(/^\[otp-store-redis\] "client" expected an ioredis/);
  });

  it("rejects undefined options with CONFIG_INVALID, not a TypeError", () => {
    expect(thrown(() => createRedisStore(undefined as never)).field).toBe("client");
  });

  it.each(["{tenant}:", "otp:}", "a{"])("rejects a keyPrefix with braces: %s", (keyPrefix) => {
    const error = thrown(() => createRedisStore({ client, keyPrefix }));
    expect(error.code).toBe("CONFIG_INVALID");
    expect(error.field).toBe("keyPrefix");
    expect(error.message).toContain("hash tag");
  });

  it.each([-1, 1.5, Number.NaN, 700_000])("rejects timeoutMs %s", (timeoutMs) => {
    const error = thrown(() => createRedisStore({ client, timeoutMs }));
    expect(error.code).toBe("CONFIG_INVALID");
    expect(error.field).toBe("timeoutMs");
  });

  it("accepts an empty prefix", async () => {
    const s = createRedisStore({ client, keyPrefix: "" });
    const key = `${uniquePrefix("empty")}{x}:k`;
    prefixes.push(key);
    await s.set(key, "v", 10_000);
    expect(await client.get(key)).toBe("v");
  });
});

describe("key layout and TTLs", () => {
  it("writes prefix + key, keeping the hash tag intact behind the prefix", async () => {
    const { store: s, prefix } = store("layout");
    await s.set("{d1g3st}:code", "v", 60_000);
    expect(await client.exists(`${prefix}{d1g3st}:code`)).toBe(1);
    expect(await client.exists("{d1g3st}:code")).toBe(0);
  });

  it("gives every key a TTL: set, setIfAbsent and increment", async () => {
    const { store: s, prefix } = store("ttl");
    await s.set("{a}:set", "v", 60_000);
    await s.setIfAbsent("{a}:nx", "v", 60_000);
    await s.increment("{a}:count", 60_000);
    for (const key of ["{a}:set", "{a}:nx", "{a}:count"]) {
      const pttl = await client.pttl(prefix + key);
      expect(pttl, key).toBeGreaterThan(55_000);
      expect(pttl, key).toBeLessThanOrEqual(60_000);
    }
  });

  it("rounds a fractional TTL up to whole milliseconds and rejects a TTL <= 0", async () => {
    const { store: s, prefix } = store("frac");
    await s.set("{a}:k", "v", 1500.2);
    expect(await client.pttl(`${prefix}{a}:k`)).toBeGreaterThan(1_000);
    for (const bad of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const error = await rejection(s.set("{a}:k", "v", bad));
      expect(error.code).toBe("INVALID_ARGUMENT");
      expect(error.field).toBe("ttlMs");
    }
  });

  it("fixes the increment TTL at creation: later calls with a longer TTL do not extend it", async () => {
    const { store: s, prefix } = store("fixed");
    expect(await s.increment("{a}:count", 2_000)).toBe(1);
    expect(await s.increment("{a}:count", 600_000)).toBe(2);
    expect(await s.increment("{a}:count", 600_000)).toBe(3);
    const pttl = await client.pttl(`${prefix}{a}:count`);
    expect(pttl).toBeGreaterThan(0);
    expect(pttl).toBeLessThanOrEqual(2_000);
  });

  it("gives a counter found without a TTL one instead of leaving it immortal", async () => {
    const { store: s, prefix } = store("immortal");
    await client.set(`${prefix}{a}:count`, "4"); // no expiry: written by something else
    expect(await s.increment("{a}:count", 30_000)).toBe(5);
    const pttl = await client.pttl(`${prefix}{a}:count`);
    expect(pttl).toBeGreaterThan(25_000);
    expect(pttl).toBeLessThanOrEqual(30_000);
  });

  it("restarts a counter whose key expired", async () => {
    const { store: s } = store("expire");
    expect(await s.increment("{a}:count", 40)).toBe(1);
    expect(await s.increment("{a}:count", 40)).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await s.increment("{a}:count", 40)).toBe(1);
  });
});

describe("scripts", () => {
  it("compare-and-delete leaves a mismatching value and its TTL in place", async () => {
    const { store: s, prefix } = store("cad");
    await s.set("{a}:code", "right", 60_000);
    const before = await client.pttl(`${prefix}{a}:code`);
    expect(await s.consume("{a}:code", "wrong")).toBeNull();
    expect(await client.get(`${prefix}{a}:code`)).toBe("right");
    expect(await client.pttl(`${prefix}{a}:code`)).toBeLessThanOrEqual(before);
    expect(await client.pttl(`${prefix}{a}:code`)).toBeGreaterThan(50_000);
    expect(await s.consume("{a}:code", "right")).toBe("right");
    expect(await client.exists(`${prefix}{a}:code`)).toBe(0);
  });

  it("compare-and-delete matches the empty string exactly", async () => {
    const { store: s } = store("empty");
    await s.set("{a}:v", "", 60_000);
    expect(await s.consume("{a}:v", "x")).toBeNull();
    expect(await s.consume("{a}:v", "")).toBe("");
    expect(await s.get("{a}:v")).toBeNull();
  });

  it.each([2, 3] as const)("returns null for a mismatch over RESP%s", async (protocol) => {
    const resp = await connectRealRedis({ protocol });
    try {
      const prefix = uniquePrefix(`resp${protocol}`);
      prefixes.push(prefix);
      const s = createRedisStore({ client: resp, keyPrefix: prefix });
      await s.set("{a}:k", "v", 60_000);
      expect(await s.consume("{a}:k", "other")).toBeNull();
      expect(await s.consume("{a}:missing", "v")).toBeNull();
      expect(await s.consume("{a}:k", "v")).toBe("v");
      expect(await s.increment("{a}:n", 60_000)).toBe(1);
    } finally {
      resp.disconnect();
    }
  });

  it("goes through EVALSHA and recovers from SCRIPT FLUSH (NOSCRIPT falls back to EVAL)", async () => {
    const { store: s } = store("sha");
    const evalshaCalls = async () => {
      const stats = await client.info("commandstats");
      return Number(/cmdstat_evalsha:calls=(\d+)/.exec(stats)?.[1] ?? 0);
    };
    await s.increment("{a}:n", 60_000); // loads the script on this connection
    const before = await evalshaCalls();
    for (let i = 0; i < 5; i++) await s.increment("{a}:n", 60_000);
    expect((await evalshaCalls()) - before).toBeGreaterThanOrEqual(5);

    await client.script("FLUSH");
    expect(await s.increment("{a}:n", 60_000)).toBe(7);
    await s.set("{a}:k", "v", 60_000);
    expect(await s.consume("{a}:k", "v")).toBe("v");
  });
});

describe("foreign data", () => {
  it("reports a non-integer counter as STORE_DATA_INVALID and leaves it alone", async () => {
    const { store: s, prefix } = store("nan");
    await s.set("{a}:count", "not-a-number", 60_000);
    const error = await rejection(s.increment("{a}:count", 60_000));
    expect(error.code).toBe("STORE_DATA_INVALID");
    expect(error.source).toBe("redis");
    expect(error.retryable).toBe(false);
    expect(await client.get(`${prefix}{a}:count`)).toBe("not-a-number");
  });

  it("reports a key of another Redis type as STORE_DATA_INVALID, with a cause stripped of arguments", async () => {
    const { store: s, prefix } = store("type");
    await client.hset(`${prefix}{a}:k`, "field", "secret-value");
    await client.pexpire(`${prefix}{a}:k`, 60_000);
    for (const operation of [s.get("{a}:k"), s.consume("{a}:k"), s.consume("{a}:k", "x")]) {
      const error = await rejection(operation);
      expect(error.code).toBe("STORE_DATA_INVALID");
      expect(error.message).toMatch(
        /^\[otp-store-redis\] (get|consume) found a value otpkit did not write \(WRONGTYPE\)/,
      );
      const cause = error.cause as Error & Record<string, unknown>;
      expect(cause).toBeInstanceOf(Error);
      expect(cause.name).toBe("ReplyError");
      expect(cause["command"]).toBeUndefined();
    }
  });

  it("never puts a value into the error's cause (ioredis attaches the command's arguments)", async () => {
    const { store: s, prefix } = store("leak");
    await client.hset(`${prefix}{a}:code`, "field", "x");
    await client.pexpire(`${prefix}{a}:code`, 60_000);
    // The expected value travels as a script argument; the WRONGTYPE reply error carries it.
    const error = await rejection(s.consume("{a}:code", "S3CR3T-expected"));
    expect(error.code).toBe("STORE_DATA_INVALID");
    const seen = new Set<unknown>();
    const dump = (value: unknown): string => {
      if (typeof value !== "object" || value === null || seen.has(value)) return String(value);
      seen.add(value);
      const record = value as Record<string, unknown>;
      return Object.getOwnPropertyNames(value)
        .map((name) => `${name}=${dump(record[name])}`)
        .join(";");
    };
    const text = dump(error);
    expect(text).toContain("WRONGTYPE"); // the dump does reach the cause…
    expect(text).not.toContain("S3CR3T"); // …and the value is not in it
  });
});

describe("close", () => {
  it("does not close the caller's client", async () => {
    const { store: s } = store("close");
    await s.close?.();
    expect(await client.ping()).toBe("PONG");
    await s.set("{a}:k", "v", 10_000);
    expect(await s.get("{a}:k")).toBe("v");
  });
});
