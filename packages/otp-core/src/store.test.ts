import { describe, expect, it } from "vitest";
import { createMemoryStore } from "./store.js";

// The shared behaviour is in @otpkit/otp-testing's describeOtpStore (test/ of otp-testing runs
// it on this store); these are the memory store's own edges.
describe("createMemoryStore", () => {
  it("refuses to increment a value that is not an integer, and leaves it alone", async () => {
    const store = createMemoryStore();
    await store.set("k", "abc", 60_000);
    await expect(store.increment("k", 60_000)).rejects.toMatchObject({
      code: "STORE_DATA_INVALID",
    });
    expect(await store.get("k")).toBe("abc");
  });

  it("expires by its injected clock and evicts the soonest-expiring keys when full", async () => {
    let t = 0;
    const store = createMemoryStore({ now: () => t, maxKeys: 10 });
    for (let i = 0; i < 10; i++) await store.set(`k${i}`, "v", 1_000 + i);
    await store.set("new", "v", 5_000);
    expect(await store.get("new")).toBe("v");
    expect(await store.get("k0")).toBeNull();
    expect(await store.get("k9")).toBe("v");
    t = 1_009;
    expect(await store.get("k9")).toBeNull();
  });
});
