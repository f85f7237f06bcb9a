import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OtpStore } from "@otpkit/otp-core";
import { isOtpError } from "@otpkit/otp-core";
import { createRedisStore } from "@otpkit/store-redis";
import { createSqliteStore } from "@otpkit/store-sqlite";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { COUNTER_MAX_TRIES, incrementCounter } from "../src/store-counter.js";

const dir = mkdtempSync(join(tmpdir(), "otpkit-counter-test-"));
let time = 1_000_000;
const sqlite = createSqliteStore({ path: join(dir, "state.sqlite"), now: () => time });
const client = new Redis("redis://127.0.0.1:6379", { lazyConnect: true, maxRetriesPerRequest: 1 });
const redis = createRedisStore({
  client,
  keyPrefix: `otpkit-test:counter:${randomBytes(6).toString("hex")}:`,
});

afterAll(async () => {
  await sqlite.close();
  await client.quit();
  rmSync(dir, { recursive: true, force: true });
});

/** `n` concurrent increments of one key: the counts they returned, the errors, the final value. */
async function hammer(store: OtpStore, key: string, n: number) {
  const settled = await Promise.allSettled(
    Array.from({ length: n }, () => incrementCounter(store, key, 60_000)),
  );
  const counts = settled.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  const errors = settled.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
  return { counts: counts.sort((a, b) => a - b), errors, final: await store.get(key) };
}

describe.each([
  ["sqlite", sqlite],
  ["redis", redis],
] as const)("incrementCounter on %s", (_name, store) => {
  it("counts from 1, one key at a time", async () => {
    const key = `rl:test:${randomBytes(6).toString("hex")}`;
    expect(await incrementCounter(store, key, 60_000)).toBe(1);
    expect(await incrementCounter(store, key, 60_000)).toBe(2);
    expect(await incrementCounter(store, `${key}:other`, 60_000)).toBe(1);
    expect(await store.get(key)).toBe("2");
  });

  it("concurrent increments never lose or double a count; past the retries, STORE_CONTENTION", async () => {
    const key = `rl:test:${randomBytes(6).toString("hex")}`;
    const n = COUNTER_MAX_TRIES + 8;
    const { counts, errors, final } = await hammer(store, key, n);
    // Every success got its own count, 1..k, and the store holds k.
    expect(counts).toEqual(Array.from({ length: counts.length }, (_, i) => i + 1));
    expect(final).toBe(String(counts.length));
    expect(counts.length + errors.length).toBe(n);
    for (const error of errors) {
      expect(isOtpError(error) && error.code === "STORE_CONTENTION" && error.retryable).toBe(true);
    }
  });

  it("refuses a value that is not a count", async () => {
    const key = `rl:test:${randomBytes(6).toString("hex")}`;
    await store.compareAndSet(key, null, "not-a-number", 60_000);
    await expect(incrementCounter(store, key, 60_000)).rejects.toMatchObject({
      code: "STORE_DATA_INVALID",
    });
  });
});

describe("incrementCounter", () => {
  it("starts again at 1 once the counter expired", async () => {
    const key = `rl:test:${randomBytes(6).toString("hex")}`;
    expect(await incrementCounter(sqlite, key, 1_000)).toBe(1);
    expect(await incrementCounter(sqlite, key, 1_000)).toBe(2);
    time += 1_000;
    expect(await incrementCounter(sqlite, key, 1_000)).toBe(1);
  });

  it("has teeth: over a store whose compare-and-set does not compare, the checks above fail", async () => {
    const map = new Map<string, string>();
    const broken: OtpStore = {
      name: "broken",
      async get(key) {
        return map.get(key) ?? null;
      },
      async compareAndSet(key, _expected, next) {
        if (next === null) map.delete(key);
        else map.set(key, next);
        return true;
      },
    };
    const { counts, final } = await hammer(broken, "rl:test:broken", 10);
    expect(new Set(counts).size).toBeLessThan(counts.length);
    expect(final).not.toBe(String(counts.length));
  });

  it("gives up with STORE_CONTENTION after COUNTER_MAX_TRIES lost races", async () => {
    let tries = 0;
    const busy: OtpStore = {
      name: "busy",
      get: async () => String(tries + 1),
      async compareAndSet() {
        tries++;
        return false; // someone else always wrote first
      },
    };
    await expect(incrementCounter(busy, "rl:test:busy", 60_000)).rejects.toMatchObject({
      code: "STORE_CONTENTION",
      retryable: true,
    });
    expect(tries).toBe(COUNTER_MAX_TRIES);
  });

  it("a failing store is STORE_UNAVAILABLE", async () => {
    const failing: OtpStore = {
      name: "failing",
      get: () => Promise.reject(new Error("ECONNRESET")),
      compareAndSet: () => Promise.resolve(false),
    };
    await expect(incrementCounter(failing, "rl:test:x", 60_000)).rejects.toMatchObject({
      code: "STORE_UNAVAILABLE",
    });
  });
});
