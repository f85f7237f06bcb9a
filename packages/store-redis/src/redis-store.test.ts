import type { OtpError, OtpStore } from "@otpkit/otp-core";
import { isOtpError } from "@otpkit/otp-core";
import type { Redis } from "ioredis";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { connectRealRedis, deletePrefix, uniquePrefix } from "../test/support/real-redis.js";
import { createRedisStore } from "./redis-store.js";

// Unit tests of the Redis specifics (key layout, TTLs, every branch of the compare-and-set
// script, RESP2/RESP3, error mapping) against the real Redis; the shared contract is checked by
// test/conformance.test.ts, outages and timeouts by test/fault.test.ts.

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

function store(label: string, on: Redis = client): { store: OtpStore; prefix: string } {
  const prefix = uniquePrefix(label);
  prefixes.push(prefix);
  return { store: createRedisStore({ client: on, keyPrefix: prefix }), prefix };
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
  it("is named redis and has exactly the new contract", () => {
    const s = createRedisStore({ client });
    expect(s.name).toBe("redis");
    expect(Object.keys(s).sort()).toEqual(["close", "compareAndSet", "get", "name"]);
  });

  it.each([
    [{}, "client"],
    [{ client: {} }, "client"],
    [{ client: null }, "client"],
  ])("rejects a missing or foreign client (%#)", (options, field) => {
    const error = thrown(() => createRedisStore(options as never));
    expect(error.code).toBe("CONFIG_INVALID");
    expect(error.field).toBe(field);
    expect(error.source).toBe("redis");
    expect(error.message).toMatch(/^"client" expected an ioredis Redis or Cluster instance, got /);
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
    expect(error.message).toMatch(/^"timeoutMs" expected integer 0\.\.600000, got /);
  });

  it("accepts an empty prefix", async () => {
    const s = createRedisStore({ client, keyPrefix: "" });
    const key = `${uniquePrefix("empty")}{x}`;
    prefixes.push(key);
    expect(await s.compareAndSet(key, null, "v", 10_000)).toBe(true);
    expect(await client.get(key)).toBe("v");
  });
});

describe("key layout and TTLs", () => {
  it("writes prefix + key, keeping the hash tag intact behind the prefix", async () => {
    const { store: s, prefix } = store("layout");
    await s.compareAndSet("{d1g3st}", null, "v", 60_000);
    await s.compareAndSet("{d1g3st}:i:verify:abc", null, "w", 60_000);
    expect(await client.exists(`${prefix}{d1g3st}`)).toBe(1);
    expect(await client.exists(`${prefix}{d1g3st}:i:verify:abc`)).toBe(1);
    expect(await client.exists("{d1g3st}")).toBe(0);
  });

  it("every write carries the TTL it was given: create and replace", async () => {
    const { store: s, prefix } = store("ttl");
    await s.compareAndSet("{a}", null, "v1", 60_000);
    const created = await client.pttl(`${prefix}{a}`);
    expect(created).toBeGreaterThan(55_000);
    expect(created).toBeLessThanOrEqual(60_000);
    // A replace sets the new TTL, shorter or longer: the record's TTL is the engine's decision.
    await s.compareAndSet("{a}", "v1", "v2", 5_000);
    const shorter = await client.pttl(`${prefix}{a}`);
    expect(shorter).toBeGreaterThan(0);
    expect(shorter).toBeLessThanOrEqual(5_000);
    await s.compareAndSet("{a}", "v2", "v3", 600_000);
    expect(await client.pttl(`${prefix}{a}`)).toBeGreaterThan(590_000);
  });

  it("rounds a fractional TTL up to whole milliseconds", async () => {
    const { store: s, prefix } = store("frac");
    await s.compareAndSet("{a}", null, "v", 1500.2);
    const pttl = await client.pttl(`${prefix}{a}`);
    expect(pttl).toBeGreaterThan(1_000);
    expect(pttl).toBeLessThanOrEqual(1_501);
  });

  it("rejects a write with a TTL <= 0 or not finite, before sending anything", async () => {
    const { store: s, prefix } = store("badttl");
    for (const bad of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const error = await rejection(s.compareAndSet("{a}", null, "v", bad));
      expect(error.code).toBe("INVALID_ARGUMENT");
      expect(error.field).toBe("ttlMs");
    }
    expect(await client.exists(`${prefix}{a}`)).toBe(0);
  });

  it("ignores the TTL of a delete", async () => {
    const { store: s, prefix } = store("delttl");
    await s.compareAndSet("{a}", null, "v", 60_000);
    expect(await s.compareAndSet("{a}", "v", null, Number.NaN)).toBe(true);
    expect(await client.exists(`${prefix}{a}`)).toBe(0);
  });
});

describe("the compare-and-set script, branch by branch", () => {
  it("expected null: creates an absent key, refuses a present one and leaves it (and its TTL)", async () => {
    const { store: s, prefix } = store("create");
    expect(await s.compareAndSet("{a}", null, "first", 60_000)).toBe(true);
    expect(await s.compareAndSet("{a}", null, "second", 600_000)).toBe(false);
    expect(await client.get(`${prefix}{a}`)).toBe("first");
    expect(await client.pttl(`${prefix}{a}`)).toBeLessThanOrEqual(60_000);
  });

  it("expected a value: replaces when equal, refuses when different, leaving value and TTL", async () => {
    const { store: s, prefix } = store("replace");
    await s.compareAndSet("{a}", null, "right", 60_000);
    expect(await s.compareAndSet("{a}", "wrong", "x", 600_000)).toBe(false);
    expect(await s.compareAndSet("{a}", "righ", "x", 600_000)).toBe(false); // a prefix is not equal
    expect(await s.compareAndSet("{a}", "right ", "x", 600_000)).toBe(false);
    expect(await client.get(`${prefix}{a}`)).toBe("right");
    expect(await client.pttl(`${prefix}{a}`)).toBeLessThanOrEqual(60_000);
    expect(await s.compareAndSet("{a}", "right", "next", 60_000)).toBe(true);
    expect(await s.get("{a}")).toBe("next");
  });

  it("expected a value on an absent key: false, and nothing is created", async () => {
    const { store: s, prefix } = store("absent");
    expect(await s.compareAndSet("{a}", "v", "x", 60_000)).toBe(false);
    expect(await s.compareAndSet("{a}", "v", null, 0)).toBe(false);
    expect(await client.exists(`${prefix}{a}`)).toBe(0);
  });

  it("next null: deletes only when equal", async () => {
    const { store: s, prefix } = store("delete");
    await s.compareAndSet("{a}", null, "v", 60_000);
    expect(await s.compareAndSet("{a}", "other", null, 0)).toBe(false);
    expect(await client.get(`${prefix}{a}`)).toBe("v");
    expect(await s.compareAndSet("{a}", null, null, 0)).toBe(false); // present is not absent
    expect(await s.compareAndSet("{a}", "v", null, 0)).toBe(true);
    expect(await client.exists(`${prefix}{a}`)).toBe(0);
  });

  it("expected null and next null on an absent key: true (already in that state), nothing written", async () => {
    const { store: s, prefix } = store("noop");
    expect(await s.compareAndSet("{a}", null, null, 0)).toBe(true);
    expect(await client.exists(`${prefix}{a}`)).toBe(0);
  });

  it('tells "absent" from the empty string, both ways', async () => {
    const { store: s, prefix } = store("emptystr");
    // Expecting "" does not match a missing key…
    expect(await s.compareAndSet("{a}", "", "x", 60_000)).toBe(false);
    expect(await client.exists(`${prefix}{a}`)).toBe(0);
    // …and a stored "" is present, not absent.
    await client.set(`${prefix}{a}`, "", "PX", 60_000);
    expect(await s.compareAndSet("{a}", null, "x", 60_000)).toBe(false);
    expect(await s.compareAndSet("{a}", null, null, 0)).toBe(false);
    expect(await client.get(`${prefix}{a}`)).toBe("");
    expect(await s.compareAndSet("{a}", "", "x", 60_000)).toBe(true);
    expect(await s.get("{a}")).toBe("x");
  });

  it("an expired key counts as absent", async () => {
    const { store: s, prefix } = store("expired");
    await s.compareAndSet("{a}", null, "old", 30);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await s.get("{a}")).toBeNull();
    expect(await s.compareAndSet("{a}", "old", "x", 60_000)).toBe(false);
    expect(await s.compareAndSet("{a}", null, "new", 60_000)).toBe(true);
    expect(await client.get(`${prefix}{a}`)).toBe("new");
  });

  it("values are compared and returned byte for byte (unicode, newlines, JSON, 64 KiB)", async () => {
    const { store: s } = store("bytes");
    const values = ['{"a":1,"b":"ü€😀"}', "line1\nline2\r\n\t", "x".repeat(65_536), "0", "nil"];
    for (const [i, value] of values.entries()) {
      expect(await s.compareAndSet(`{b${i}}`, null, value, 60_000)).toBe(true);
      expect(await s.get(`{b${i}}`)).toBe(value);
      expect(await s.compareAndSet(`{b${i}}`, value.normalize("NFD"), "y", 60_000)).toBe(
        value === value.normalize("NFD"),
      );
    }
  });

  it("of concurrent compare-and-sets from two connections with the same expected, exactly one wins", async () => {
    const other = await connectRealRedis();
    try {
      const prefix = uniquePrefix("race");
      prefixes.push(prefix);
      const stores = [
        createRedisStore({ client, keyPrefix: prefix }),
        createRedisStore({ client: other, keyPrefix: prefix }),
      ];
      await stores[0]!.compareAndSet("{r}", null, "v0", 60_000);
      const results = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          stores[i % 2]!.compareAndSet("{r}", "v0", `v${i + 1}`, 60_000),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = results.indexOf(true);
      expect(await stores[1]!.get("{r}")).toBe(`v${winner + 1}`);
    } finally {
      other.disconnect();
    }
  });
});

describe("protocols and script loading", () => {
  it.each([2, 3] as const)("answers booleans and null over RESP%s", async (protocol) => {
    const resp = await connectRealRedis({ protocol });
    try {
      const { store: s } = store(`resp${protocol}`, resp);
      expect(await s.get("{a}")).toBeNull();
      expect(await s.compareAndSet("{a}", null, "v", 60_000)).toBe(true);
      expect(await s.compareAndSet("{a}", null, "v", 60_000)).toBe(false);
      expect(await s.compareAndSet("{a}", "other", "w", 60_000)).toBe(false);
      expect(await s.compareAndSet("{a}", "v", "w", 60_000)).toBe(true);
      expect(await s.get("{a}")).toBe("w");
      expect(await s.compareAndSet("{a}", "w", null, 0)).toBe(true);
      expect(await s.get("{a}")).toBeNull();
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
    await s.compareAndSet("{a}", null, "0", 60_000); // loads the script on this connection
    const before = await evalshaCalls();
    for (let i = 0; i < 5; i++) {
      expect(await s.compareAndSet("{a}", String(i), String(i + 1), 60_000)).toBe(true);
    }
    expect((await evalshaCalls()) - before).toBeGreaterThanOrEqual(5);

    await client.script("FLUSH");
    expect(await s.compareAndSet("{a}", "5", "6", 60_000)).toBe(true);
    expect(await s.get("{a}")).toBe("6");
  });
});

describe("foreign data", () => {
  it("reports a key of another Redis type as STORE_DATA_INVALID from every branch and leaves it alone", async () => {
    const { store: s, prefix } = store("type");
    await client.hset(`${prefix}{a}`, "field", "theirs");
    await client.pexpire(`${prefix}{a}`, 60_000);
    const operations: Array<[string, Promise<unknown>]> = [
      ["get", s.get("{a}")],
      ["compareAndSet", s.compareAndSet("{a}", null, "v", 60_000)],
      ["compareAndSet", s.compareAndSet("{a}", "x", "v", 60_000)],
      ["compareAndSet", s.compareAndSet("{a}", "x", null, 0)],
      ["compareAndSet", s.compareAndSet("{a}", null, null, 0)],
    ];
    for (const [operation, pending] of operations) {
      const error = await rejection(pending);
      expect(error.code).toBe("STORE_DATA_INVALID");
      expect(error.source).toBe("redis");
      expect(error.retryable).toBe(false);
      expect(error.message).toMatch(
        new RegExp(
          `^\\[otp-store-redis\\] ${operation} found a value otpkit did not write \\(WRONGTYPE\\)`,
        ),
      );
      const cause = error.cause as Error & Record<string, unknown>;
      expect(cause).toBeInstanceOf(Error);
      expect(cause.name).toBe("ReplyError");
      expect(cause["command"]).toBeUndefined();
    }
    expect(await client.hget(`${prefix}{a}`, "field")).toBe("theirs");
  });

  it("never puts a value into the error's cause (ioredis attaches the command's arguments)", async () => {
    const { store: s, prefix } = store("leak");
    await client.hset(`${prefix}{a}`, "field", "x");
    await client.pexpire(`${prefix}{a}`, 60_000);
    // Expected and next travel as script arguments; the WRONGTYPE reply error carries them.
    const error = await rejection(s.compareAndSet("{a}", "S3CR3T-expected", "S3CR3T-next", 60_000));
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
    expect(text).not.toContain("S3CR3T"); // …and the values are not in it
  });
});

describe("close", () => {
  it("does not close the caller's client", async () => {
    const { store: s } = store("close");
    await s.close?.();
    expect(await client.ping()).toBe("PONG");
    expect(await s.compareAndSet("{a}", null, "v", 10_000)).toBe(true);
    expect(await s.get("{a}")).toBe("v");
  });
});
