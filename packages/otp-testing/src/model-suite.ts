import type { Otp, OtpEvent, OtpOptions, OtpStore } from "@otpkit/otp-core";
import { ALPHABETS, createOtp, intOption } from "@otpkit/otp-core";
import fc from "fast-check";
import { describe, it } from "vitest";
import { commandArbitraries } from "./model-commands.js";
import { ReferenceModel } from "./model-reference.js";
import type { ModelPolicy } from "./model-state.js";
import type { ModelSide, RealSide } from "./model-step.js";
import { START } from "./model-step.js";
import { randomHex } from "./suite-utils.js";

/** Options for {@link describeOtpModel}. */
export interface DescribeOtpModelOptions {
  /** Shown in the suite title `otp-core model on store: <name>`. */
  name: string;
  /**
   * A fresh, isolated store for one run (a new key prefix, a new file). `clock` is the run's
   * simulated clock: a store that can take it (the memory store's `now`) sets `followsClock`.
   */
  createStore: (clock: () => number) => OtpStore | Promise<OtpStore>;
  /** Called after each run with the store it used, also when the run failed. */
  cleanup?: (store: OtpStore) => void | Promise<void>;
  /**
   * True when the store expires keys by `clock` (the memory store given `now: clock`): clock
   * jumps then go hours past every TTL and the model checks what the record forgets. Otherwise
   * (Redis, SQLite, PostgreSQL: real-time TTLs) each run stays within a simulated span in which
   * nothing the model remembers can expire. @default false
   */
  followsClock?: boolean;
  /** Random command sequences to run. @default 100 */
  runs?: number;
  /** The longest sequence. @default 40 */
  maxCommands?: number;
  /** Time limit of the whole test, ms. @default 120000 */
  timeoutMs?: number;
  /** Replays a failure: the `seed` and `path` fast-check printed with it. */
  replay?: { seed: number; path?: string };
}

const SECRET = { id: "model", key: "model-suite-secret-0123456789abcdefghij" };
const NAMING_KEY = "model-suite-naming-key-0123456789abcdefgh";
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/**
 * Real-time stores: the clock stays this far short of the moment anything could be forgotten,
 * so every record's real TTL outlives the rest of the run (which takes seconds).
 */
const REAL_TTL_MARGIN = 2 * MINUTE;

/** @internal The policy of one run: small numbers, so locks, caps and throttles are reached. */
export function policyArbitrary(followsClock: boolean): fc.Arbitrary<ModelPolicy> {
  const shapes = [
    { alphabet: "numeric", length: 6 },
    { alphabet: "numeric", length: 8 },
    { alphabet: "alphanumeric", length: 6 },
    { alphabet: "alpha", length: 6 },
  ] as const;
  return fc
    .record({
      ttlMs: followsClock
        ? fc.constantFrom(MINUTE, 3 * MINUTE, 10 * MINUTE, HOUR)
        : fc.constantFrom(10 * MINUTE, HOUR, 4 * HOUR),
      maxAttempts: fc.integer({ min: 1, max: 4 }),
      // Mostly at or below maxAttempts, so one code can run into the budget and locks repeat.
      maxFailures: fc.oneof(
        { arbitrary: fc.integer({ min: 1, max: 3 }), weight: 3 },
        fc.integer({ min: 4, max: 6 }),
      ),
      failureWindowMs: fc.constantFrom(MINUTE, 10 * MINUTE, HOUR),
      lockMs: fc.constantFrom(SECOND, 30 * SECOND, 5 * MINUTE, HOUR),
      growth: fc.constantFrom(1, 4, 1000),
      maxConsecutive: fc.oneof(fc.integer({ min: 2, max: 5 }), {
        arbitrary: fc.integer({ min: 6, max: 12 }),
        weight: 2,
      }),
      rememberMs: followsClock
        ? fc.constantFrom(HOUR, 6 * HOUR, 30 * DAY)
        : fc.constantFrom(DAY, 30 * DAY),
      cooldownMs: fc.constantFrom(0, 0, SECOND, 30 * SECOND),
      maxSends: fc.integer({ min: 2, max: 6 }),
      sendWindowMs: followsClock
        ? fc.constantFrom(MINUTE, 10 * MINUTE, HOUR)
        : fc.constantFrom(HOUR, DAY),
      shape: fc.constantFrom(...shapes),
    })
    .map(({ growth, shape, ...p }) => ({
      ...p,
      maxLockMs: p.lockMs * growth,
      alphabet: shape.alphabet,
      symbols: ALPHABETS[shape.alphabet],
      length: shape.length,
    }));
}

/** @internal The engine options that say what `policy` says. */
export function engineOptions(policy: ModelPolicy): Partial<OtpOptions> {
  return {
    ttlMs: policy.ttlMs,
    allowLongTtl: policy.ttlMs > 10 * MINUTE,
    maxAttempts: policy.maxAttempts,
    lockout: {
      maxFailures: policy.maxFailures,
      windowMs: policy.failureWindowMs,
      durationMs: policy.lockMs,
      maxDurationMs: policy.maxLockMs,
      maxConsecutiveFailures: policy.maxConsecutive,
      rememberMs: policy.rememberMs,
    },
    resend: {
      cooldownMs: policy.cooldownMs,
      maxSends: policy.maxSends,
      windowMs: policy.sendWindowMs,
    },
    code: { alphabet: policy.alphabet, length: policy.length },
  };
}

/** @internal For the suite's own teeth test: what a deliberately broken engine is given. */
export type EngineTamper = (options: OtpOptions) => OtpOptions;

/**
 * @internal The property: a random policy and command sequence, run on a fresh store and engine,
 * checked step by step against the reference model.
 */
export function otpModelProperty(
  options: DescribeOtpModelOptions,
  tamper: EngineTamper = (o) => o,
) {
  const followsClock = options.followsClock ?? false;
  const maxCommands = intOption("maxCommands", options.maxCommands ?? 40, 1, 1000, {
    source: "otp-testing",
  });
  return fc.asyncProperty(
    policyArbitrary(followsClock),
    fc.commands(commandArbitraries(), { maxCommands, size: "max" }),
    async (policy, commands) => {
      const clock = { t: START };
      const store = await options.createStore(() => clock.t);
      let otp: Otp | undefined;
      try {
        const events: OtpEvent[] = [];
        otp = createOtp(
          tamper({
            store,
            secrets: [SECRET],
            namingKey: NAMING_KEY,
            now: () => clock.t,
            sleep: async () => {},
            scheduleUnlocks: false,
            events: (event) => {
              events.push(event);
            },
            ...engineOptions(policy),
          }),
        );
        // Whatever a run's state, the store keeps it at least until START + min(2 ttl, rememberMs,
        // send window): a code lives ttl and is remembered one ttl more, a failure rememberMs, a
        // send its window. Real-time stores stay short of that, by a margin the run never takes.
        const span =
          Math.min(2 * policy.ttlMs, policy.rememberMs, policy.sendWindowMs) - REAL_TTL_MARGIN;
        const model: ModelSide = {
          ref: new ReferenceModel(policy),
          now: START,
          issued: [],
          limit: followsClock ? Number.POSITIVE_INFINITY : START + span,
        };
        const subject = `model-${randomHex()}@example.test`;
        const real: RealSide = { otp, subject, clock, events };
        await fc.asyncModelRun(() => ({ model, real }), commands);
      } finally {
        await otp?.close();
        await options.cleanup?.(store);
      }
    },
  );
}

/**
 * Registers the model-based test: random sequences of `issue`, `verify` (the right code, typed
 * with spaces, dashes or lower case; a wrong one; malformed input; a stale `codeId`; an older
 * code; the code the newest one replaced), `revoke`, `unlock`, `lookup` and clock jumps (fixed, policy durations, and exactly
 * onto — or 1 ms either side of — the code's expiry, the lock's end, the cooldown, the windows
 * and the record's TTL), under a random small policy, run on the real engine over your store.
 * Every answer (status and numbers), every `lookup` field and every event (types, order, code
 * ids, reasons, `lockedUntil`, `attemptsRemaining`) is checked after each step against a small
 * reference model of the rules, written apart from otp-core's own. On a failure fast-check
 * prints the seed and the shrunk command sequence.
 *
 * @param options The store factory and how many runs. Runs go one after another (no races:
 *   `describeOtpAttack` covers those).
 * @throws {OtpError} `CONFIG_INVALID` when declared with a bad `maxCommands`.
 * @example
 * ```ts
 * // test/model.test.ts — on a real-time store (Redis, SQLite, PostgreSQL)
 * describeOtpModel({ name: "redis", createStore: () => createRedisStore({ client, keyPrefix: uniquePrefix() }), runs: 30 });
 * // the memory store can follow the simulated clock, so forgetting is checked too
 * describeOtpModel({ name: "memory", createStore: (now) => createMemoryStore({ now }), followsClock: true });
 * ```
 */
export function describeOtpModel(options: DescribeOtpModelOptions): void {
  const runs = intOption("runs", options.runs ?? 100, 1, 100_000, { source: "otp-testing" });
  const property = otpModelProperty(options);
  describe(`otp-core model on store: ${options.name}`, () => {
    it(
      `${runs} random command sequences agree with the reference model of the rules`,
      async () => {
        await fc.assert(property, { numRuns: runs, ...options.replay });
      },
      options.timeoutMs ?? 120_000,
    );
  });
}
