import { describe, expect, it } from "vitest";
import { createOtp } from "./engine.js";
import type { OtpEvent } from "./events.js";
import type { OtpOptions } from "./options.js";
import type { OtpStore } from "./store.js";
import { createMemoryStore } from "./store.js";

const secrets = [{ id: "k1", key: "engine-test-secret-0123456789abcdef" }];
const namingKey = "engine-test-naming-key-0123456789abcdef";

function configErrorOf(options: Partial<OtpOptions>): {
  message: string;
  field?: string;
  code?: string;
} {
  try {
    createOtp({ store: createMemoryStore(), secrets, namingKey, ...options } as OtpOptions);
  } catch (error) {
    return error as { message: string; field?: string; code?: string };
  }
  throw new Error("expected a configuration error");
}

describe("createOtp configuration", () => {
  it("names the field and the expectation for every bad option", () => {
    const cases: Array<[Partial<OtpOptions>, string, RegExp]> = [
      [{ ttlMs: 5 }, "ttlMs", /"ttlMs" expected integer 60000\.\.86400000, got 5/],
      // NIST SP 800-63B-4 and ASVS 5.0 cap out-of-band codes at 10 minutes: longer needs an opt-in.
      [{ ttlMs: 11 * 60_000 }, "ttlMs", /"ttlMs" expected at most 600000 .*allowLongTtl: true/],
      [{ allowLongTtl: "yes" as never }, "allowLongTtl", /expected true or false/],
      // An object instead of a function would silently drop every audit event.
      [{ events: {} as never }, "events", /"events" expected a function/],
      [{ onSinkError: 1 as never }, "onSinkError", /expected a function/],
      [{ now: 1 as never }, "now", /"now" expected a function/],
      [{ random: "x" as never }, "random", /"random" expected a function/],
      [{ sleep: {} as never }, "sleep", /"sleep" expected a function/],
      [{ hmac: {} as never }, "hmac", /"hmac" expected a function/],
      [{ channels: {} as never }, "channels", /"channels" expected an array/],
      [{ lockout: 5 as never }, "lockout", /"lockout" expected an object/],
      [{ lockout: { maxConsecutiveFailures: 101 } }, "lockout.maxConsecutiveFailures", /1\.\.100/],
      [
        { lockout: { durationMs: 60_000, maxDurationMs: 1_000 } },
        "lockout.maxDurationMs",
        /at least lockout\.durationMs/,
      ],
      [{ delivery: { backoffMs: -1 } }, "delivery.backoffMs", /integer 0\.\.60000/],
      [{ delivery: { maxBackoffMs: "x" as never } }, "delivery.maxBackoffMs", /integer/],
      [{ delivery: { timeoutMs: 10 } }, "delivery.timeoutMs", /integer 100\.\./],
      [{ idempotencyTtlMs: 0 }, "idempotencyTtlMs", /integer 60000\.\./],
      [{ scheduleUnlocks: 1 as never }, "scheduleUnlocks", /true or false/],
      [
        { namingKey: "short" },
        "namingKey",
        /"namingKey" expected at least 32 bytes, got "5 bytes"/,
      ],
      [{ namingKey: undefined as never }, "namingKey", /got undefined .*openssl rand/],
      [{ maxAttempts: 0 }, "maxAttempts", /"maxAttempts" expected integer 1\.\.20, got 0/],
      [{ lockout: { maxFailures: 500 } }, "lockout.maxFailures", /integer 1\.\.100, got 500/],
      [{ lockout: { durationMs: -1 } }, "lockout.durationMs", /got -1/],
      [{ resend: { maxSends: 0 } }, "resend.maxSends", /integer 1\.\.1000/],
      [
        { storage: "plain" as "hash" },
        "storage",
        /"storage" expected "hash" or "encrypted", got "plain"/,
      ],
      [{ code: { alphabet: "numeric", length: 4 } }, "length", /at least 20 bits/],
      [{ secrets: [] }, "secrets", /"secrets" expected a non-empty array/],
      [
        { store: undefined },
        "store",
        /"store" expected an OtpStore with get\(\) and compareAndSet\(\), got undefined \(e\.g\. createMemoryStore\(\)/,
      ],
      [{ channels: [{ name: "x", address: "fax" } as never] }, "channels[0]", /"channels\[0\]"/],
      [{ delivery: { attempts: 0 } }, "delivery.attempts", /integer 1\.\.10/],
      [
        { testRecipients: { code: "12AB", matches: () => true } },
        "testRecipients.code",
        /"testRecipients\.code" expected 6 symbols of the numeric alphabet, got "12AB"/,
      ],
    ];
    for (const [options, field, message] of cases) {
      const error = configErrorOf(options);
      expect(error.code).toBe("CONFIG_INVALID");
      expect(error.field).toBe(field);
      expect(error.message).toMatch(message);
    }
  });

  it("validates call arguments with INVALID_ARGUMENT", async () => {
    const otp = createOtp({ store: createMemoryStore(), secrets, namingKey });
    await expect(otp.issue({ subject: "", deliver: false })).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
      field: "subject",
    });
    await expect(
      otp.issue({ subject: "u", purpose: "x".repeat(65), deliver: false }),
    ).rejects.toMatchObject({
      field: "purpose",
    });
    await expect(
      otp.verify({ subject: "u", code: 123456 as unknown as string }),
    ).rejects.toMatchObject({ field: "code" });
    await expect(otp.verify({ subject: "u", code: "1".repeat(100) })).rejects.toMatchObject({
      field: "code",
    });
    await expect(otp.issue({ subject: "u" })).rejects.toMatchObject({ field: "recipient" });
    await expect(otp.issue({ subject: "u", recipient: { email: "a@b.c" } })).rejects.toMatchObject({
      code: "NO_CHANNEL",
      message: expect.stringContaining("deliver: false"),
    });
  });
});

describe("createOtp operational failures", () => {
  /** A store whose every call fails, as a network store does when its server is gone. */
  function downStore(): OtpStore {
    const fail = async (): Promise<never> => {
      throw new Error("connect ECONNREFUSED 127.0.0.1:6379");
    };
    return { name: "down", get: fail, compareAndSet: fail };
  }

  it("a store outage throws STORE_UNAVAILABLE with the cause, and never says verified", async () => {
    const otp = createOtp({ store: downStore(), secrets, namingKey });
    const error = await otp.verify({ subject: "u", code: "123456" }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "OtpError",
      code: "STORE_UNAVAILABLE",
      retryable: true,
      source: "down",
    });
    expect((error as Error).cause).toBeInstanceOf(Error);
    await expect(otp.issue({ subject: "u", deliver: false })).rejects.toMatchObject({
      code: "STORE_UNAVAILABLE",
    });
  });

  it("a store that fails half-way through verify does not turn into a success", async () => {
    const inner = createMemoryStore();
    let failWrites = false;
    const flaky: OtpStore = {
      ...inner,
      name: "flaky",
      compareAndSet: (...args) =>
        failWrites ? Promise.reject(new Error("timeout")) : inner.compareAndSet(...args),
    };
    const otp = createOtp({ store: flaky, secrets, namingKey });
    const issued = await otp.issue({ subject: "u", deliver: false });
    failWrites = true;
    const code = (issued as { code: string }).code;
    await expect(otp.verify({ subject: "u", code })).rejects.toMatchObject({
      code: "STORE_UNAVAILABLE",
    });
    failWrites = false;
    // The success was never committed, so the person can still use the code.
    expect(await otp.verify({ subject: "u", code })).toMatchObject({ status: "verified" });
  });

  it("a subject under endless contention gets STORE_CONTENTION, never an uncommitted answer", async () => {
    const inner = createMemoryStore();
    let interfere = false;
    // Another writer changes the record between every read and write of ours.
    const contended: OtpStore = {
      name: "contended",
      get: (key) => inner.get(key),
      async compareAndSet(key, expected, next, ttl) {
        if (interfere && expected !== null) {
          await inner.compareAndSet(key, expected, `${expected.slice(0, -1)},0]`, ttl);
        }
        return inner.compareAndSet(key, expected, next, ttl);
      },
    };
    const events: OtpEvent[] = [];
    const otp = createOtp({
      store: contended,
      secrets,
      namingKey,
      sleep: async () => {},
      events: (e) => {
        events.push(e);
      },
    });
    const issued = await otp.issue({ subject: "u", deliver: false });
    interfere = true;
    const error = await otp
      .verify({ subject: "u", code: (issued as { code: string }).code })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "STORE_CONTENTION", retryable: true });
    expect(events.map((e) => e.type)).toEqual(["issued"]);
  });

  it("foreign data in the store is reported, not trusted", async () => {
    const keys: string[] = [];
    const inner = createMemoryStore();
    const spy: OtpStore = {
      ...inner,
      compareAndSet: (key, ...rest) => {
        keys.push(key);
        return inner.compareAndSet(key, ...rest);
      },
    };
    const otp = createOtp({ store: spy, secrets, namingKey });
    await otp.issue({ subject: "u", deliver: false });
    for (const garbage of ["{not json", "[1,0]", '[2,["id"]]', '[2,0,0,0,0,0,"x"]', "null"]) {
      const current = await inner.get(keys[0]!);
      await inner.compareAndSet(keys[0]!, current, garbage, 60_000);
      await expect(otp.verify({ subject: "u", code: "123456" }), garbage).rejects.toMatchObject({
        code: "STORE_DATA_INVALID",
      });
    }
  });

  it("a throwing event sink is reported to onSinkError and does not break the operation", async () => {
    const seen: string[] = [];
    const otp = createOtp({
      store: createMemoryStore(),
      secrets,
      namingKey,
      events: () => {
        throw new Error("audit db down");
      },
      onSinkError: (_error, event) => seen.push(event.type),
    });
    const issued = await otp.issue({ subject: "u", deliver: false });
    expect(
      await otp.verify({ subject: "u", code: (issued as { code: string }).code }),
    ).toMatchObject({
      status: "verified",
    });
    expect(seen).toEqual(["issued", "verified"]);
  });

  it("a concurrent request with the same idempotency key gets IDEMPOTENCY_CONFLICT, not a second code", async () => {
    const otp = createOtp({ store: createMemoryStore(), secrets, namingKey });
    const [a, b] = await Promise.allSettled([
      otp.issue({ subject: "u", deliver: false, idempotencyKey: "k" }),
      otp.issue({ subject: "u", deliver: false, idempotencyKey: "k" }),
    ]);
    expect(a.status).toBe("fulfilled");
    expect(b).toMatchObject({
      status: "rejected",
      reason: { code: "IDEMPOTENCY_CONFLICT", retryable: true },
    });
  });
});

describe("delivery time limit", () => {
  it("a channel that hangs past delivery.timeoutMs is retried, then the next channel is used", async () => {
    const hanging = {
      name: "slow",
      address: "email" as const,
      sends: 0,
      send(_message: unknown, options?: { signal?: AbortSignal }) {
        this.sends++;
        return new Promise<never>((_resolve, reject) => {
          options?.signal?.addEventListener("abort", () =>
            reject(Object.assign(new Error("aborted"), { name: "OtpError", code: "ABORTED" })),
          );
        });
      },
    };
    const fast = {
      name: "fast",
      address: "email" as const,
      send: async () => ({ messageId: "m-1" }),
    };
    const events: OtpEvent[] = [];
    const otp = createOtp({
      store: createMemoryStore(),
      secrets,
      namingKey,
      channels: [hanging, fast],
      delivery: { timeoutMs: 100, attempts: 2, backoffMs: 1 },
      events: (e) => {
        events.push(e);
      },
    });
    const result = await otp.issue({ subject: "u", recipient: { email: "a@example.com" } });
    expect(result).toMatchObject({ status: "issued", channel: "fast" });
    expect(hanging.sends).toBe(2);
    expect(
      events.filter((e) => e.type === "delivery_failed").map((e) => [e.channel, e.retryable]),
    ).toEqual([
      ["slow", true],
      ["slow", true],
    ]);
  });
});

describe("unlock timer", () => {
  it("fires the unlocked event (once) when the lock ends, without another request", async () => {
    const events: OtpEvent[] = [];
    const otp = createOtp({
      store: createMemoryStore(),
      secrets,
      namingKey,
      lockout: { maxFailures: 1, durationMs: 1_000 },
      events: (e) => {
        events.push(e);
      },
    });
    await otp.issue({ subject: "u", deliver: false });
    expect(await otp.verify({ subject: "u", code: "000000" })).toMatchObject({ status: "locked" });
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expect(events.filter((e) => e.type === "unlocked")).toHaveLength(1);
    expect((await otp.lookup({ subject: "u" })).lockedUntil).toBeNull();
    expect(events.filter((e) => e.type === "unlocked")).toHaveLength(1);
    await otp.close();
  });
});
