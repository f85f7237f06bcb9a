import { describe, expect, it } from "vitest";
import type { OtpChannel, OtpEvent, OtpOptions, OtpStore } from "../src/index.js";
import { createMemoryStore, createOtp, isOtpError } from "../src/index.js";

// The findings of the security review of otp-core v1 (issue 9), one test each. Every test here
// failed on the v1 engine (run against it before v2 landed); they pin the fixes.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const base = {
  secrets: [{ id: "k1", key: "security-findings-secret-0123456789abcdef" }],
  namingKey: "security-findings-naming-key-0123456789",
};

function harness(overrides: Partial<OtpOptions> = {}, storeOptions: { maxKeys?: number } = {}) {
  let t = Date.UTC(2026, 10, 30, 9, 0, 0);
  const now = () => t;
  const events: OtpEvent[] = [];
  const store = createMemoryStore({ now, ...storeOptions });
  const otp = createOtp({
    store,
    ...base,
    now,
    sleep: async () => {},
    scheduleUnlocks: false,
    events: (e) => {
      events.push(e);
    },
    ...overrides,
  });
  return {
    otp,
    store,
    events,
    now,
    advance: (ms: number) => {
      t += ms;
    },
    types: () => events.map((e) => e.type),
  };
}

async function codeFor(otp: ReturnType<typeof createOtp>, subject: string) {
  const issued = await otp.issue({ subject, deliver: false });
  if (issued.status !== "issued") throw new Error(`not issued: ${issued.status}`);
  return { code: issued.code!, codeId: issued.codeId };
}

const wrong = (code: string) => code.slice(0, -1) + (code.endsWith("1") ? "2" : "1");

describe("security findings of the v1 review", () => {
  it("1. a reused idempotency key never replays `verified` for another code", async () => {
    const h = harness({ resend: { cooldownMs: 0 } });
    const v1 = await codeFor(h.otp, "ana");
    const first = await h.otp.verify({ subject: "ana", ...v1, idempotencyKey: "k" });
    expect(first.status).toBe("verified");
    const v2 = await codeFor(h.otp, "ana");
    const second = await h.otp
      .verify({ subject: "ana", code: wrong(v2.code), codeId: v2.codeId, idempotencyKey: "k" })
      .catch((e: unknown) => e);
    expect(isOtpError(second) && second.code).toBe("IDEMPOTENCY_CONFLICT");
    expect(h.types().filter((t) => t === "verified")).toHaveLength(1);
    // The second code is untouched and still works.
    expect(await h.otp.verify({ subject: "ana", ...v2 })).toMatchObject({ status: "verified" });
  });

  it("2. a full memory store refuses new subjects instead of evicting a victim's failures", async () => {
    const h = harness({ lockout: { maxFailures: 5 } }, { maxKeys: 50 });
    const victim = await codeFor(h.otp, "victim");
    for (let i = 0; i < 4; i++) {
      h.advance(MINUTE);
      const code = await codeFor(h.otp, "victim").catch(() => victim);
      await h.otp.verify({ subject: "victim", code: wrong(code.code) });
    }
    // The attacker fills the store with records of its own (idempotency records of subjects
    // without a code were the cheap way in v1).
    let refused = 0;
    for (let i = 0; i < 200; i++) {
      await h.otp
        .verify({ subject: `filler-${i}`, code: "123456", idempotencyKey: `f-${i}` })
        .catch((e: unknown) => {
          if (isOtpError(e) && e.code === "STORE_FULL") refused++;
          else throw e;
        });
    }
    expect(refused).toBeGreaterThan(0);
    // The victim's budget was kept: the 5th failure locks.
    const code = await h.otp.lookup({ subject: "victim" });
    expect(code.failures).toBe(4);
    const fifth = await h.otp.verify({ subject: "victim", code: "000000" });
    expect(fifth.status).toBe("locked");
  });

  it("3. consecutive failures are capped (NIST 800-63B-4 §3.2.2): a week of guessing is not 1,400 guesses", async () => {
    const h = harness({ resend: { cooldownMs: 0, maxSends: 1000 } });
    // Guess as fast as the locks allow for a simulated week.
    const end = h.now() + 7 * 24 * HOUR;
    while (h.now() < end) {
      const issued = await h.otp.issue({ subject: "target", deliver: false });
      const code = issued.status === "issued" ? issued.code! : "000000";
      const result = await h.otp.verify({ subject: "target", code: wrong(code) });
      if (result.status === "locked" && result.lockedUntil === null) break;
      h.advance(result.status === "locked" ? result.retryAfterMs! : MINUTE);
    }
    const evaluated = h.events.filter((e) => e.type === "failed").length;
    expect(evaluated).toBeLessThanOrEqual(100);
    expect((await h.otp.lookup({ subject: "target" })).locked).toBe(true);
    // Each lock was announced.
    const locks = h.events.filter((e) => e.type === "locked");
    expect(locks.at(-1)).toMatchObject({ reason: "consecutive" });
  });

  it("4. a failed resend never restores a code that was used in the meantime", async () => {
    let releaseWrite: (() => void) | undefined;
    let holdNextWrite = false;
    const inner = createMemoryStore();
    // Delays the resend's write until a verify of the old code has gone through.
    const delaying: OtpStore = {
      name: "delaying",
      get: (key) => inner.get(key),
      async compareAndSet(key, expected, next, ttl) {
        if (holdNextWrite) {
          holdNextWrite = false;
          await new Promise<void>((resolve) => {
            releaseWrite = resolve;
          });
        }
        return inner.compareAndSet(key, expected, next, ttl);
      },
    };
    const failing: OtpChannel = {
      name: "email",
      address: "email",
      send: async () => {
        throw Object.assign(new Error("smtp down"), { name: "OtpError", code: "DELIVERY_FAILED" });
      },
    };
    const otp = createOtp({
      store: delaying,
      ...base,
      channels: [failing],
      resend: { cooldownMs: 0 },
      delivery: { attempts: 1 },
    });
    const old = await codeFor(otp, "ana");
    holdNextWrite = true;
    const resend = otp.issue({ subject: "ana", recipient: { email: "ana@example.test" } });
    await new Promise((resolve) => setTimeout(resolve, 10));
    // The old code is used while the resend is between its read and its write.
    expect(await otp.verify({ subject: "ana", code: old.code })).toMatchObject({
      status: "verified",
    });
    releaseWrite?.();
    await expect(resend).rejects.toMatchObject({ code: "DELIVERY_FAILED" });
    // Single use holds: the used code did not come back.
    expect(await otp.verify({ subject: "ana", code: old.code })).toEqual({ status: "not_found" });
  });

  it("5. the right code after expiry answers `expired` and records it", async () => {
    const h = harness({ ttlMs: 5 * MINUTE });
    const { code } = await codeFor(h.otp, "ana");
    h.advance(5 * MINUTE + 1);
    expect(await h.otp.verify({ subject: "ana", code })).toEqual({ status: "expired" });
    expect(h.types()).toEqual(["issued", "expired"]);
  });

  it("6. malformed input spends no attempts", async () => {
    const h = harness();
    const { code } = await codeFor(h.otp, "ana");
    for (const input of ["", "", "", "12345", "abcdef", "1234567"]) {
      expect(await h.otp.verify({ subject: "ana", code: input })).toMatchObject({
        status: "malformed",
      });
    }
    expect(await h.otp.verify({ subject: "ana", code })).toMatchObject({ status: "verified" });
    expect(h.types()).toEqual(["issued", "verified"]);
  });

  it("7. lookup reports the attempts the budget allows, and has no side effects", async () => {
    const notices: string[] = [];
    const channel: OtpChannel = {
      name: "email",
      address: "email",
      send: async (m) => {
        notices.push(m.kind);
        return { messageId: `m-${notices.length}` };
      },
    };
    const h = harness({
      channels: [channel],
      lockout: { maxFailures: 4 },
      resend: { cooldownMs: 0 },
    });
    const to = { email: "ana@example.test" };
    await h.otp.issue({ subject: "ana", recipient: to });
    await h.otp.verify({ subject: "ana", code: "000000" });
    await h.otp.verify({ subject: "ana", code: "000001" });
    await h.otp.issue({ subject: "ana", recipient: to });
    await h.otp.verify({ subject: "ana", code: "000002" });
    // The code has 2 attempts left, the budget 1: the next wrong guess locks.
    expect((await h.otp.lookup({ subject: "ana" })).active?.attemptsRemaining).toBe(1);
    expect((await h.otp.verify({ subject: "ana", code: "000003" })).status).toBe("locked");
    h.advance(HOUR);
    const before = [h.events.length, notices.length];
    await h.otp.lookup({ subject: "ana" });
    expect([h.events.length, notices.length]).toEqual(before);
  });

  it("8. a code withdrawn after a failed delivery ends with an event", async () => {
    const failing: OtpChannel = {
      name: "email",
      address: "email",
      send: async () => {
        throw Object.assign(new Error("x"), { name: "OtpError", code: "DELIVERY_FAILED" });
      },
    };
    const h = harness({ channels: [failing], delivery: { attempts: 1 } });
    await expect(
      h.otp.issue({ subject: "ana", recipient: { email: "ana@example.test" } }),
    ).rejects.toMatchObject({ code: "DELIVERY_FAILED" });
    expect(h.types()).toEqual(["issued", "delivery_failed", "revoked"]);
    expect(h.events.at(-1)).toMatchObject({ reason: "undelivered" });
  });

  it("9. options are checked at construction: an object sink, a long TTL without opt-in", () => {
    const store = createMemoryStore();
    expect(() => createOtp({ store, ...base, events: {} as never })).toThrow(/"events"/);
    expect(() => createOtp({ store, ...base, now: 5 as never })).toThrow(/"now"/);
    expect(() => createOtp({ store, ...base, ttlMs: HOUR })).toThrow(/allowLongTtl/);
    expect(() => createOtp({ store, ...base, ttlMs: HOUR, allowLongTtl: true })).not.toThrow();
  });
});
