import type { OtpOptions } from "@otpkit/otp-core";
import { createMemoryStore } from "@otpkit/otp-core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeOtpModel } from "../src/index.js";
import type { EngineTamper } from "../src/model-suite.js";
import { otpModelProperty } from "../src/model-suite.js";

// The memory store given the simulated clock: jumps go past every TTL and forgetting is checked.
describeOtpModel({
  name: "memory (simulated clock)",
  createStore: (now) => createMemoryStore({ now }),
  followsClock: true,
});

// The memory store on real time, as Redis, SQLite and PostgreSQL run it: the bounded-span mode.
describeOtpModel({
  name: "memory (real-time TTLs)",
  createStore: () => createMemoryStore(),
  runs: 50,
});

// The suite has teeth: an engine configured unlike the model it is checked against must fail it.
describe("the model-based test fails an engine that breaks a rule", () => {
  const lockout = (o: OtpOptions) => o.lockout ?? {};
  const broken: Array<[string, EngineTamper]> = [
    [
      "one more attempt per code than the rules allow",
      (o) => ({ ...o, maxAttempts: (o.maxAttempts ?? 3) + 1 }),
    ],
    [
      "a consecutive-failure cap one higher",
      (o) => ({
        ...o,
        lockout: {
          ...lockout(o),
          maxConsecutiveFailures: (lockout(o).maxConsecutiveFailures ?? 50) + 1,
        },
      }),
    ],
    [
      "locks that last twice as long",
      (o) => ({
        ...o,
        lockout: {
          ...lockout(o),
          durationMs: (lockout(o).durationMs ?? 0) * 2,
          maxDurationMs: (lockout(o).maxDurationMs ?? 0) * 2,
        },
      }),
    ],
  ];
  for (const [what, tamper] of broken) {
    it(what, async () => {
      const property = otpModelProperty(
        { name: "memory", createStore: (now) => createMemoryStore({ now }), followsClock: true },
        tamper,
      );
      // Fixed seed: the same runs every time; endOnFailure: no shrinking, the failure is the point.
      const result = await fc.check(property, { numRuns: 200, seed: 9, endOnFailure: true });
      expect(result.failed).toBe(true);
      // A disagreement with the model, not an engine that refused its options.
      expect((result.errorInstance as Error).name).toBe("AssertionError");
    });
  }
});
