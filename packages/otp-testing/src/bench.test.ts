import { readFileSync } from "node:fs";
import { createMemoryStore } from "@otpkit/otp-core";
import { describe, expect, it, vi } from "vitest";
import {
  BENCH_NAMING_KEY,
  benchOtp,
  formatNumber,
  measureRate,
  measureVerifyCycles,
  median,
  printTable,
  profileVerifyCycles,
  recordStoreCalls,
  verifyCycle,
} from "./bench.js";

describe("bench helpers", () => {
  it("give bench engines a naming key the engine accepts (32+ characters)", () => {
    expect(BENCH_NAMING_KEY.length).toBeGreaterThanOrEqual(32);
  });

  it("import nothing but otp-core: benches run under plain Node, without vitest", () => {
    const source = readFileSync(new URL("./bench.ts", import.meta.url), "utf8");
    const imports = [...source.matchAll(/^import [^;]*? from "([^"]+)";$/gms)].map((m) => m[1]);
    expect(imports).toEqual(["@otpkit/otp-core", "@otpkit/otp-core"]);
  });

  it("record every store call in order, whether it wrote, and pass it through", async () => {
    const { store, calls } = recordStoreCalls(createMemoryStore());
    expect(await store.compareAndSet("k", null, "v", 60_000)).toBe(true);
    expect(await store.get("k")).toBe("v");
    expect(await store.compareAndSet("k", null, "w", 60_000)).toBe(false);
    expect(await store.compareAndSet("k", "v", null, 0)).toBe(true);
    expect(await store.get("k")).toBeNull();
    expect(calls).toEqual([
      { op: "compareAndSet", key: "k", expected: null, next: "v", ttl: 60_000, won: true },
      { op: "get", key: "k" },
      { op: "compareAndSet", key: "k", expected: null, next: "w", ttl: 60_000, won: false },
      { op: "compareAndSet", key: "k", expected: "v", next: null, ttl: 0, won: true },
      { op: "get", key: "k" },
    ]);
    expect(store.close, "closing the recording must not close the store").toBeUndefined();
  });

  it("profile the store calls of real verify cycles, split into issue and verify", async () => {
    const profile = await profileVerifyCycles(createMemoryStore(), 10);
    expect(profile.cycles).toBe(10);
    expect(profile.calls.length % 10).toBe(0);
    expect(profile.perCycle).toBe(profile.calls.length / 10);
    expect(profile.perIssue + profile.perVerify).toBe(profile.perCycle);
    expect(profile.perIssue).toBeGreaterThan(0);
    expect(profile.perVerify).toBeGreaterThan(0);
    // Issue writes a code and verify spends it: at least one write each.
    expect(profile.writesPerCycle).toBeGreaterThanOrEqual(2);
    expect(profile.writesPerCycle).toBeLessThanOrEqual(profile.perCycle);
    expect(profile.breakdown).toMatch(/^[a-zA-Z]+ \d+\.\d(, [a-zA-Z]+ \d+\.\d)*$/);
    expect(profile.breakdown).toContain("compareAndSet");
    expect(profile.calls.every((c) => c.key.startsWith("{"))).toBe(true);
  });

  it("measure completed cycles per second from concurrent workers", async () => {
    const otp = benchOtp(createMemoryStore());
    await verifyCycle(otp);
    expect(await measureVerifyCycles({ otp, concurrency: 4, durationMs: 50 })).toBeGreaterThan(0);
    let running = 0;
    let peak = 0;
    const rate = await measureRate({
      concurrency: 3,
      durationMs: 30,
      task: async () => {
        peak = Math.max(peak, ++running);
        await new Promise((resolve) => setTimeout(resolve, 1));
        running--;
      },
    });
    expect(rate).toBeGreaterThan(0);
    expect(peak).toBe(3);
  });

  it("fail a cycle that does not verify, rather than measure it", async () => {
    const otp = benchOtp(createMemoryStore(), { maxAttempts: 1 });
    const broken = { ...otp, verify: async () => ({ status: "not_found" as const }) };
    await expect(verifyCycle(broken)).rejects.toThrow("verify: not_found");
  });

  it("format numbers, take medians and print right-aligned tables", () => {
    expect(formatNumber(12345.678, 1)).toBe("12,345.7");
    expect(formatNumber(0.5)).toBe("1");
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(3);
    expect(() => median([])).toThrow();
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      printTable(["a", "bbb"], [["1000", "2"]]);
      expect(log.mock.calls.map((c) => c[0])).toEqual(["\n   a  bbb", "1000    2"]);
    } finally {
      log.mockRestore();
    }
  });
});
