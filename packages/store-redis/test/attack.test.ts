import type { OtpEvent, OtpOptions, OtpStore } from "@otpkit/otp-core";
import { createOtp } from "@otpkit/otp-core";
import type { Redis } from "ioredis";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createRedisStore } from "../src/index.js";
import { connectRealRedis, deletePrefix, uniquePrefix } from "./support/real-redis.js";

// Brute force against one code through the real engine and the real Redis, spread over two
// engine instances with two separate connections (two app servers sharing one Redis).
// Evaluations are counted through the engine's `failed` events: one per wrong code compared.

const SECRET = { id: "attack", key: "attack-test-secret-0123456789abcdefghij" };
const clients: Redis[] = [];
const prefixes: string[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) {
    for (const prefix of prefixes.splice(0)) await deletePrefix(client, prefix);
    client.disconnect();
  }
});
afterAll(() => {
  for (const client of clients) client.disconnect();
});

async function twoServers(options: Partial<OtpOptions>) {
  const keyPrefix = uniquePrefix("attack");
  prefixes.push(keyPrefix);
  const events: OtpEvent[] = [];
  const engines = [];
  for (let i = 0; i < 2; i++) {
    const client = await connectRealRedis();
    clients.push(client);
    const store: OtpStore = createRedisStore({ client, keyPrefix });
    engines.push(
      createOtp({
        store,
        secrets: [SECRET],
        events: (event) => {
          events.push(event);
        },
        scheduleUnlocks: false,
        ...options,
      }),
    );
  }
  const [a, b] = engines as [ReturnType<typeof createOtp>, ReturnType<typeof createOtp>];
  const issued = await a.issue({ subject: "victim@example.test", deliver: false });
  if (issued.status !== "issued" || !issued.code) throw new Error(`not issued: ${issued.status}`);
  return { engines: [a, b] as const, code: issued.code, events };
}

/** `count` distinct 6-digit codes, none equal to `code`. */
function wrongCodes(code: string, count: number): string[] {
  const out: string[] = [];
  for (let n = 0; out.length < count; n++) {
    const guess = String((Number(code) + 1 + n * 7919) % 1_000_000).padStart(6, "0");
    if (guess !== code) out.push(guess);
  }
  return out;
}

describe("attack on the real Redis", () => {
  it("200 concurrent wrong guesses evaluate at most the failure budget and end locked", async () => {
    const maxFailures = 5;
    // More attempts per code than the subject's budget: the budget is the limit that must hold.
    const { engines, code, events } = await twoServers({
      maxAttempts: 20,
      lockout: { maxFailures },
    });
    const results = await Promise.all(
      wrongCodes(code, 200).map((guess, i) =>
        engines[i % 2]!.verify({ subject: "victim@example.test", code: guess }),
      ),
    );

    const evaluated = events.filter((e) => e.type === "failed");
    expect(evaluated.length).toBeGreaterThan(0);
    expect(evaluated.length).toBeLessThanOrEqual(maxFailures);
    expect(results.filter((r) => r.status === "verified")).toHaveLength(0);
    expect(results.filter((r) => r.status === "invalid").length).toBeLessThanOrEqual(maxFailures);
    // The rest were turned away before any comparison: locked, or the code already used up.
    for (const r of results)
      expect(["invalid", "locked", "exhausted", "not_found"]).toContain(r.status);
    expect(results.some((r) => r.status === "locked")).toBe(true);
    expect(events.filter((e) => e.type === "locked")).toHaveLength(1);

    const status = await engines[0].lookup({ subject: "victim@example.test" });
    expect(status.lockedUntil).not.toBeNull();
    // Locked means locked: the right code is refused too.
    expect((await engines[1].verify({ subject: "victim@example.test", code })).status).toBe(
      "locked",
    );
  });

  it("200 concurrent wrong guesses never evaluate more than the code's attempts", async () => {
    const { engines, code, events } = await twoServers({
      maxAttempts: 3,
      lockout: { maxFailures: 100 },
    });
    const results = await Promise.all(
      wrongCodes(code, 200).map((guess, i) =>
        engines[i % 2]!.verify({ subject: "victim@example.test", code: guess }),
      ),
    );
    const evaluated = events.filter((e) => e.type === "failed");
    expect(evaluated.length).toBeGreaterThan(0);
    expect(evaluated.length).toBeLessThanOrEqual(3);
    expect(results.filter((r) => r.status === "verified")).toHaveLength(0);
    expect((await engines[0].verify({ subject: "victim@example.test", code })).status).not.toBe(
      "verified",
    );
  });

  it("50 concurrent correct submissions yield exactly one verified", async () => {
    const { engines, code, events } = await twoServers({});
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        engines[i % 2]!.verify({ subject: "victim@example.test", code }),
      ),
    );
    expect(results.filter((r) => r.status === "verified")).toHaveLength(1);
    expect(events.filter((e) => e.type === "verified")).toHaveLength(1);
    expect(events.filter((e) => e.type === "failed")).toHaveLength(0);
    for (const r of results) expect(["verified", "not_found", "exhausted"]).toContain(r.status);
  });
});
