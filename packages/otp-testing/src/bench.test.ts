import { readFileSync } from "node:fs";
import { createMemoryStore } from "@otpkit/otp-core";
import { describe, expect, it, vi } from "vitest";
import {
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
  it("import nothing but otp-core: benches run under plain Node, without vitest", () => {
    const source = readFileSync(new URL("./bench.ts", import.meta.url), "utf8");
    const imports = [...source.matchAll(/^import [^;]*? from "([^"]+)";$/gms)].map((m) => m[1]);
    expect(imports).toEqual(["@otpkit/otp-core", "@otpkit/otp-core"]);
  });

  it("record every store call in order and pass it through", async () => {
    const { store, calls } = recordStoreCalls(createMemoryStore());
    await store.set("k", "v", 60_000);
    expect(await store.get("k")).toBe("v");
    expect(await store.setIfAbsent("k", "w", 60_000)).toBe(false);
    expect(await store.increment("n", 60_000)).toBe(1);
    expect(await store.consume("k", "v")).toBe("v");
    await store.delete("n");
    expect(calls).toEqual([
      { op: "set", key: "k", value: "v", ttl: 60_000 },
      { op: "get", key: "k" },
      { op: "setIfAbsent", key: "k", value: "w", ttl: 60_000 },
      { op: "increment", key: "n", ttl: 60_000 },
      { op: "consume", key: "k" },
      { op: "delete", key: "n" },
    ]);
  });

  it("profile the store calls of real verify cycles", async () => {
    const profile = await profileVerifyCycles(createMemoryStore(), 10);
    expect(profile.cycles).toBe(10);
    expect(profile.calls.length % 10).toBe(0);
    expect(profile.perCycle).toBe(profile.calls.length / 10);
    expect(profile.breakdown).toMatch(/^[a-zA-Z]+ \d+\.\d(, [a-zA-Z]+ \d+\.\d)*$/);
    expect(profile.breakdown).toContain("consume");
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
