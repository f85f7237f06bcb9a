import fc from "fast-check";
import { forgetAt } from "./model-state.js";
import type { Cmd, ModelSide, RealSide } from "./model-step.js";

// @internal Clock jumps of the model-based suite: fixed distances, the policy's durations, and
// exactly onto (or 1 ms either side of) the moments the rules turn on. Not re-exported.

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Where a clock jump lands: a fixed distance, a policy duration, or a moment of the state. */
export type Jump =
  | { ms: number }
  | {
      policy: "ttlMs" | "lockMs" | "cooldownMs" | "failureWindowMs" | "sendWindowMs";
      delta: number;
    }
  | {
      until: "expiry" | "lockEnd" | "cooldownEnd" | "windowEnd" | "sendWindowEnd" | "forget";
      delta: number;
    };

function target(
  m: Readonly<ModelSide>,
  what: Extract<Jump, { until: unknown }>["until"],
): number | undefined {
  const s = m.ref.state;
  const p = m.ref.policy;
  switch (what) {
    case "expiry":
      return s.code?.expiresAt;
    case "lockEnd":
      return s.lock?.until ?? undefined;
    case "cooldownEnd":
      return s.lastSendAt === undefined ? undefined : s.lastSendAt + p.cooldownMs;
    case "windowEnd":
      return s.failures > 0 ? s.failuresSince + p.failureWindowMs : undefined;
    case "sendWindowEnd":
      return s.sends > 0 ? s.sendsSince + p.sendWindowMs : undefined;
    case "forget":
      return forgetAt(s, p);
  }
}

/** @internal Moves the engine's clock and the model's together. */
export class AdvanceCmd implements Cmd {
  constructor(readonly jump: Jump) {}
  ms(m: Readonly<ModelSide>): number {
    const j = this.jump;
    if ("ms" in j) return j.ms;
    if ("policy" in j) return Math.max(0, m.ref.policy[j.policy] + j.delta);
    const at = target(m, j.until);
    return at !== undefined && Number.isFinite(at) && at + j.delta >= m.now
      ? at + j.delta - m.now
      : 1_000;
  }
  check = (m: Readonly<ModelSide>) => m.now + this.ms(m) <= m.limit;
  async run(m: ModelSide, r: RealSide) {
    const ms = this.ms(m);
    m.now += ms;
    r.clock.t += ms;
  }
  toString = () => `advance(${JSON.stringify(this.jump)})`;
}

const delta = fc.constantFrom(-1, 0, 1);

/** @internal A random jump: fixed, a policy duration, or onto a moment of the state. */
export const jumpArbitrary: fc.Arbitrary<Jump> = fc.oneof(
  fc.record({ ms: fc.constantFrom(1, SECOND, 7 * SECOND, MINUTE, 10 * MINUTE, HOUR, 5 * HOUR) }),
  fc.record({
    policy: fc.constantFrom("ttlMs", "lockMs", "cooldownMs", "failureWindowMs", "sendWindowMs"),
    delta,
  }),
  fc.record({
    until: fc.constantFrom(
      "expiry",
      "lockEnd",
      "cooldownEnd",
      "windowEnd",
      "sendWindowEnd",
      "forget",
    ),
    delta,
  }),
) as fc.Arbitrary<Jump>;
