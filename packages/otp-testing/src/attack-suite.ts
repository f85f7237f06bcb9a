import type { Otp, OtpEvent, OtpOptions, OtpStore } from "@otpkit/otp-core";
import { createOtp } from "@otpkit/otp-core";
import { afterEach, describe, expect } from "vitest";
import { assertAllRegistered, createRegistrar } from "./suite-utils.js";

/**
 * Every case `describeOtpAttack` registers, by its exact test name.
 *
 * @example
 * ```ts
 * OTP_ATTACK_TESTS.includes("50 concurrent correct submissions yield exactly one verified"); // true
 * ```
 */
export const OTP_ATTACK_TESTS = [
  "200 concurrent wrong guesses evaluate at most the failure budget and end locked",
  "200 concurrent wrong guesses never evaluate more than the code's attempts",
  "50 concurrent correct submissions yield exactly one verified",
] as const;

/** The name of one case of the attack suite (an element of {@link OTP_ATTACK_TESTS}). */
export type OtpAttackTestName = (typeof OTP_ATTACK_TESTS)[number];

/** Two stores over one backend, as two app servers see it, and how to tear them down. */
export interface AttackStores {
  /** Two store instances (two connections, two handles) on the same backend and key space. */
  stores: [OtpStore, OtpStore];
  /** Called after each test, also when it failed: close both stores, delete their data. */
  cleanup(): Promise<void>;
}

/** Options for {@link describeOtpAttack}. */
export interface DescribeOtpAttackOptions {
  /** Shown in the suite title `attack on store: <name>`. */
  name: string;
  /**
   * Called once per test: two stores that share one backend (two clients of one Redis, two
   * connections to one SQLite file) and nothing with any earlier call (a fresh key prefix, a
   * fresh file).
   */
  createStores: () => Promise<AttackStores>;
}

const SECRET = { id: "attack", key: "attack-test-secret-0123456789abcdefghij" };
const VICTIM = "victim@example.test";
/** 200 concurrent verifies through a real backend; generous for a slow CI machine. */
const TEST_TIMEOUT_MS = 30_000;

/** `count` distinct 6-digit codes, none equal to `code`. */
function wrongCodes(code: string, count: number): string[] {
  const out: string[] = [];
  for (let n = 0; out.length < count; n++) {
    const guess = String((Number(code) + 1 + n * 7919) % 1_000_000).padStart(6, "0");
    if (guess !== code) out.push(guess);
  }
  return out;
}

/**
 * Registers the brute-force suite: one vitest `describe("attack on store: <name>")` that attacks
 * one code through the real engine, spread over two engine instances on two store instances that
 * share one backend (two app servers sharing one Redis or one SQLite file). Evaluations are
 * counted through the engine's `failed` events: one per wrong code actually compared.
 *
 * - 200 concurrent wrong guesses evaluate at most the subject's failure budget and end locked;
 *   the right code is refused afterwards.
 * - 200 concurrent wrong guesses never evaluate more than the code's attempts.
 * - 50 concurrent correct submissions yield exactly one `verified`.
 *
 * These hold only when the store's `increment` and `consume` are atomic across connections:
 * a store that reads, awaits, then writes fails them. There is no `skip`: a store that cannot
 * pass is not safe to run an OTP service on.
 *
 * @param options The adapter's name and a factory for two stores over one backend.
 * @example
 * ```ts
 * // test/attack.test.ts
 * describeOtpAttack({
 *   name: "redis",
 *   createStores: async () => {
 *     const keyPrefix = uniquePrefix();
 *     const [a, b] = [new Redis(url), new Redis(url)];
 *     return {
 *       stores: [createRedisStore({ client: a, keyPrefix }), createRedisStore({ client: b, keyPrefix })],
 *       cleanup: async () => { await deletePrefix(a, keyPrefix); a.disconnect(); b.disconnect(); },
 *     };
 *   },
 * });
 * ```
 */
export function describeOtpAttack(options: DescribeOtpAttackOptions): void {
  const suite = `attack on store: ${options.name}`;

  describe(suite, () => {
    const { test, registered } = createRegistrar<OtpAttackTestName>(new Map(), TEST_TIMEOUT_MS);
    const open: Array<() => Promise<void>> = [];

    afterEach(async () => {
      for (const close of open.splice(0).reverse()) await close();
    });

    /** Two engines ("app servers") on the two stores, and one code issued to the victim. */
    async function twoServers(overrides: Partial<OtpOptions>) {
      const { stores, cleanup } = await options.createStores();
      open.push(cleanup);
      const events: OtpEvent[] = [];
      const engines = stores.map((store) =>
        createOtp({
          store,
          secrets: [SECRET],
          namingKey: "attack-suite-naming-key-0123456789abcdef",
          events: (event) => {
            events.push(event);
          },
          scheduleUnlocks: false,
          ...overrides,
        }),
      ) as [Otp, Otp];
      open.push(async () => {
        for (const otp of engines) await otp.close();
      });
      const issued = await engines[0].issue({ subject: VICTIM, deliver: false });
      if (issued.status !== "issued" || !issued.code) {
        throw new Error(`not issued: ${issued.status}`);
      }
      const of = (type: OtpEvent["type"]) => events.filter((e) => e.type === type);
      return { engines, code: issued.code, of };
    }

    /**
     * 200 concurrent wrong guesses, alternating between the two engines, and what every such
     * attack must hold: some were evaluated, at most `limit` of them, none verified.
     */
    async function bruteForce(overrides: Partial<OtpOptions>, limit: number, what: string) {
      const attack = await twoServers(overrides);
      const results = await Promise.all(
        wrongCodes(attack.code, 200).map((guess, i) =>
          attack.engines[i % 2]!.verify({ subject: VICTIM, code: guess }),
        ),
      );
      const evaluated = attack.of("failed").length;
      expect(evaluated, "wrong guesses evaluated (failed events)").toBeGreaterThan(0);
      expect(evaluated, `wrong guesses evaluated (failed events) past ${what}`).toBeLessThanOrEqual(
        limit,
      );
      expect(results.filter((r) => r.status === "verified")).toHaveLength(0);
      return { ...attack, results };
    }

    test("200 concurrent wrong guesses evaluate at most the failure budget and end locked", async () => {
      const maxFailures = 5;
      // More attempts per code than the subject's budget: the budget is the limit that must hold.
      const { engines, code, of, results } = await bruteForce(
        { maxAttempts: 20, lockout: { maxFailures } },
        maxFailures,
        "the failure budget",
      );
      expect(
        results.filter((r) => r.status === "invalid").length,
        "invalid answers",
      ).toBeLessThanOrEqual(maxFailures);
      // The rest were turned away before any comparison: locked, or the code already used up.
      for (const r of results)
        expect(["invalid", "locked", "exhausted", "not_found"]).toContain(r.status);
      expect(results.some((r) => r.status === "locked")).toBe(true);
      expect(of("locked"), "locked events").toHaveLength(1);

      const status = await engines[0].lookup({ subject: VICTIM });
      expect(status.lockedUntil).not.toBeNull();
      // Locked means locked: the right code is refused too, also by the other server.
      expect((await engines[1].verify({ subject: VICTIM, code })).status).toBe("locked");
    });

    test("200 concurrent wrong guesses never evaluate more than the code's attempts", async () => {
      const { engines, code } = await bruteForce(
        { maxAttempts: 3, lockout: { maxFailures: 100 } },
        3,
        "the code's attempts",
      );
      expect((await engines[0].verify({ subject: VICTIM, code })).status).not.toBe("verified");
    });

    test("50 concurrent correct submissions yield exactly one verified", async () => {
      const { engines, code, of } = await twoServers({});
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => engines[i % 2]!.verify({ subject: VICTIM, code })),
      );
      expect(
        results.filter((r) => r.status === "verified"),
        "verified answers among 50 concurrent correct submissions",
      ).toHaveLength(1);
      expect(of("verified"), "verified events").toHaveLength(1);
      expect(of("failed"), "failed events").toHaveLength(0);
      for (const r of results) expect(["verified", "not_found", "exhausted"]).toContain(r.status);
    });

    assertAllRegistered(suite, OTP_ATTACK_TESTS, registered);
  });
}
