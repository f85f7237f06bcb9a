import type { OtpStore } from "@otpkit/otp-core";
import { createMemoryStore } from "@otpkit/otp-core";
import { describe, expect, it } from "vitest";
import type { SessionRecord } from "./session-store.js";
import { createSessionStore } from "./session-store.js";

const record: SessionRecord = {
  v: 1,
  kind: "authenticated",
  subject: "default:e-1",
  locale: "en",
  authenticatedAt: 1,
  lastActivityAt: 1,
  absoluteExpiresAt: 2,
};

describe("createSessionStore", () => {
  it("writes with compare-and-set and reads back; a record it cannot read is absent", async () => {
    const store = createMemoryStore();
    const sessions = createSessionStore(store);
    expect(await sessions.update("k", () => ({ next: record, ttlMs: 60_000, result: "ok" }))).toBe(
      "ok",
    );
    expect((await sessions.read("k")).record).toEqual(record);
    await store.compareAndSet("k", JSON.stringify(record), "not json", 60_000);
    expect((await sessions.read("k")).record).toBeNull();
    await sessions.update("k", () => ({ next: null, ttlMs: 1, result: 0 }));
    expect(await store.get("k")).toBeNull();
  });

  it("retries a lost race on the fresh value, and gives up with STORE_CONTENTION", async () => {
    const inner = createMemoryStore();
    let interfere = 1;
    const racy: OtpStore = {
      name: "racy",
      get: (key) => inner.get(key),
      async compareAndSet(key, expected, next, ttlMs) {
        // Another process writes first, once: this compare-and-set then fails.
        if (interfere-- > 0) await inner.compareAndSet(key, null, "other", ttlMs);
        return inner.compareAndSet(key, expected, next, ttlMs);
      },
    };
    const seen: (SessionRecord | null)[] = [];
    await createSessionStore(racy).update("k", (current) => {
      seen.push(current);
      return { next: record, ttlMs: 60_000, result: 0 };
    });
    expect(seen).toEqual([null, null]); // the second try saw the other writer's value ("other": unreadable)
    expect(await inner.get("k")).toBe(JSON.stringify(record));

    const losing: OtpStore = {
      name: "losing",
      get: async () => null,
      compareAndSet: async () => false,
    };
    await expect(
      createSessionStore(losing).update("k", () => ({ next: record, ttlMs: 1, result: 0 })),
    ).rejects.toMatchObject({ code: "STORE_CONTENTION", retryable: true });
  });
});
