import { describe, expect, it } from "vitest";
import { OtpError } from "./errors.js";
import { createMemoryStore } from "./store.js";

// The shared contract is checked by @otpkit/otp-testing's describeOtpStore (otp-testing's test/
// runs it on this store); these are the memory store's own edges: its clock and its capacity.

/** A memory store on a clock the test moves, filled with `count` live keys `k0..`. */
async function filledStore(maxKeys: number, count: number, ttlOf: (i: number) => number) {
  const clock = { t: 0 };
  const store = createMemoryStore({ now: () => clock.t, maxKeys });
  for (let i = 0; i < count; i++) {
    expect(await store.compareAndSet(`k${i}`, null, `v${i}`, ttlOf(i))).toBe(true);
  }
  return { store, clock };
}

const STORE_FULL = { code: "STORE_FULL", retryable: true, source: "memory" };

describe("createMemoryStore", () => {
  it("expires keys by its injected clock, for get and for compareAndSet", async () => {
    const { store, clock } = await filledStore(10, 1, () => 1_000);
    clock.t = 999;
    expect(await store.get("k0")).toBe("v0");
    clock.t = 1_000;
    expect(await store.get("k0"), "gone at its expiry instant").toBeNull();
    expect(
      await store.compareAndSet("k0", "v0", "w", 1_000),
      "an expired value never matches",
    ).toBe(false);
    expect(await store.compareAndSet("k0", null, "w", 1_000), "an expired key is absent").toBe(
      true,
    );
    clock.t = 1_500;
    expect(await store.compareAndSet("k0", "w", "x", 100), "replace sets the new TTL").toBe(true);
    clock.t = 1_600;
    expect(await store.get("k0")).toBeNull();
  });

  it("sweeps expired keys when full, to make room for a new one", async () => {
    // k0 and k1 expire at t=10; the rest live on.
    const { store, clock } = await filledStore(5, 5, (i) => (i < 2 ? 10 : 1_000));
    clock.t = 10;
    expect(await store.compareAndSet("new-1", null, "v", 1_000)).toBe(true);
    expect(await store.compareAndSet("new-2", null, "v", 1_000)).toBe(true);
    for (const key of ["k2", "k3", "k4", "new-1", "new-2"])
      expect(await store.get(key)).not.toBeNull();
    await expect(store.compareAndSet("new-3", null, "v", 1_000)).rejects.toMatchObject(STORE_FULL);
  });

  it("when full of live keys, refuses a new key with STORE_FULL and evicts nothing", async () => {
    // Security finding 2 of issue 9: the store used to evict the soonest-expiring keys when full.
    // Those are a victim's failure counter and resend throttle; an attacker who fills the store
    // (cheap: any request for a fresh subject writes a record) wiped them and got a fresh budget.
    // A live key must survive any number of refused writes.
    const { store } = await filledStore(10, 10, (i) => 1_000 + i);
    for (let attempt = 0; attempt < 50; attempt++) {
      const refused = store.compareAndSet(`attacker-${attempt}`, null, "x", 24 * 3_600_000);
      await expect(refused).rejects.toBeInstanceOf(OtpError);
      await expect(refused).rejects.toMatchObject({ ...STORE_FULL, details: { maxKeys: 10 } });
      expect(await store.get(`attacker-${attempt}`)).toBeNull();
    }
    for (let i = 0; i < 10; i++) {
      expect(await store.get(`k${i}`), `k${i} (expires soonest first) was evicted`).toBe(`v${i}`);
    }
    // A refused write changed nothing: the soonest-expiring key still takes a compare-and-set.
    expect(await store.compareAndSet("k0", "v0", "v0 again", 1_000)).toBe(true);
  });

  it("when full, still replaces and deletes existing keys; a delete frees a slot", async () => {
    const { store } = await filledStore(3, 3, () => 1_000);
    expect(await store.compareAndSet("k1", "v1", "replaced", 5_000)).toBe(true);
    expect(await store.get("k1")).toBe("replaced");
    // A compare that fails is an answer, not an error, even when full.
    expect(await store.compareAndSet("missing", "x", "y", 1_000)).toBe(false);
    expect(await store.compareAndSet("k2", "v2", null, 0)).toBe(true);
    expect(await store.compareAndSet("new", null, "v", 1_000)).toBe(true);
    await expect(store.compareAndSet("newer", null, "v", 1_000)).rejects.toMatchObject(STORE_FULL);
    expect(await store.get("k0")).toBe("v0");
  });

  it("names the field in config errors for maxKeys and now", () => {
    for (const maxKeys of [0, -1, 1.5, Number.NaN, "10", 100_000_001]) {
      let error: unknown;
      try {
        createMemoryStore({ maxKeys: maxKeys as number });
      } catch (e) {
        error = e;
      }
      expect(error, `maxKeys ${String(maxKeys)}`).toMatchObject({
        code: "CONFIG_INVALID",
        field: "maxKeys",
        source: "memory",
      });
      expect((error as Error).message).toMatch(/^"maxKeys" expected integer 1\.\.100000000, got /);
    }
    expect(() => createMemoryStore({ now: 0 as unknown as () => number })).toThrow(
      expect.objectContaining({ code: "CONFIG_INVALID", field: "now", source: "memory" }),
    );
    expect(() => createMemoryStore({ now: 0 as unknown as () => number })).toThrow(
      /^"now" expected/,
    );
    expect(createMemoryStore({ maxKeys: 1 }).name).toBe("memory");
  });

  it("close drops every key", async () => {
    const { store } = await filledStore(10, 3, () => 1_000);
    await store.close?.();
    expect(await store.get("k0")).toBeNull();
    expect(await store.compareAndSet("k0", null, "v", 1_000)).toBe(true);
  });
});
