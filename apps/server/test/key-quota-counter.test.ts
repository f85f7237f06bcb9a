import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRedisStore } from "@otpkit/store-redis";
import { createSqliteStore } from "@otpkit/store-sqlite";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import type { QuotaWindow } from "../src/key-quota-counter.js";
import { createQuotaCounter } from "../src/key-quota-counter.js";

// The per-key send quota's counter (key-quota-counter.ts) on the real stores: concurrent takes
// from several "processes" (counters over one store) never pass the limit nor lose a count.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const dir = mkdtempSync(join(tmpdir(), "otpkit-quota-counter-test-"));
let time = Date.UTC(2026, 10, 22, 12, 0, 0);
const now = () => time;
const sqlite = createSqliteStore({ path: join(dir, "state.sqlite"), now });
const client = new Redis("redis://127.0.0.1:6379", { lazyConnect: true, maxRetriesPerRequest: 1 });
const redis = createRedisStore({
  client,
  keyPrefix: `otpkit-test:quota:${randomBytes(6).toString("hex")}:`,
});

afterAll(async () => {
  await sqlite.close();
  await client.quit();
  rmSync(dir, { recursive: true, force: true });
});

const windows = (hour: number, day: number): QuotaWindow[] => [
  { name: "hour", ms: HOUR, limit: hour },
  { name: "day", ms: DAY, limit: day },
];
const keyId = () => randomBytes(6).toString("hex");

describe.each([
  ["sqlite", sqlite],
  ["redis", redis],
] as const)("createQuotaCounter on %s", (_name, store) => {
  it("admits exactly the limit of concurrent takes from three processes, in one record", async () => {
    const id = keyId();
    const processes = [1, 2, 3].map(() => createQuotaCounter(store, now, windows(50, 1000)));
    const answers = await Promise.all(
      Array.from({ length: 90 }, (_, i) => processes[i % 3]!.take(id)),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(50);
    const refused = answers.filter((a) => !a.ok);
    expect(refused).toHaveLength(40);
    expect(refused[0]).toMatchObject({ ok: false, window: { name: "hour" }, retryAfterMs: HOUR });
    const hour = Math.floor(time / HOUR);
    const day = Math.floor(time / DAY);
    expect(await store.get(`q:key:${id}`)).toBe(`${hour}.50.${day}.50`);
  });

  it("gives back to the windows a send was counted in, and never below zero", async () => {
    const id = keyId();
    const counter = createQuotaCounter(store, now, windows(2, 3));
    const a = await counter.take(id);
    const b = await counter.take(id);
    expect(await counter.take(id)).toMatchObject({ ok: false, window: { name: "hour" } });
    if (!a.ok || !b.ok) throw new Error("expected two admissions");
    await counter.giveBack(id, a.stamp);
    expect((await counter.take(id)).ok).toBe(true);
    // The next hour: the hourly count starts again, the daily one goes on (3 of 3 then).
    time += HOUR;
    expect((await counter.take(id)).ok).toBe(true);
    expect(await counter.take(id)).toMatchObject({ ok: false, window: { name: "day" } });
    // A send counted last hour is given back to the day only (its hour is over).
    await counter.giveBack(id, b.stamp);
    expect((await counter.take(id)).ok).toBe(true);
    expect(await counter.take(id)).toMatchObject({ ok: false, window: { name: "hour" } });

    const other = keyId();
    const c = await counter.take(other);
    if (!c.ok) throw new Error("expected an admission");
    await Promise.all([counter.giveBack(other, c.stamp), counter.giveBack(other, c.stamp)]);
    const [hour, day] = c.stamp;
    expect(await store.get(`q:key:${other}`)).toBe(`${hour}.0.${day}.0`);
  });

  it("refuses a record it did not write", async () => {
    const id = keyId();
    await store.compareAndSet(`q:key:${id}`, null, "not-a-quota", 60_000);
    const counter = createQuotaCounter(store, now, windows(5, 10));
    await expect(counter.take(id)).rejects.toMatchObject({ code: "STORE_DATA_INVALID" });
  });
});
