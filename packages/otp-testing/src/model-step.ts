import type { Otp, OtpEvent } from "@otpkit/otp-core";
import type fc from "fast-check";
import { expect } from "vitest";
import type { ReferenceModel } from "./model-reference.js";
import type { ModelEvent } from "./model-state.js";

// @internal The two sides of the model-based suite and the one comparison every command makes:
// the engine and the reference model act at the same simulated instant; their answers and
// events must agree. Not re-exported from index.ts.

/** @internal What the commands know: the model, the clock, and every code issued so far. */
export interface ModelSide {
  ref: ReferenceModel;
  now: number;
  /** Codes issued in this run, oldest first (ids and values, as the user received them). */
  issued: Array<{ id: string; value: string }>;
  /** The clock never moves past this (stores whose TTLs run on real time). */
  limit: number;
}

/** @internal The engine under test, its clock and what its event sink received. */
export interface RealSide {
  otp: Otp;
  subject: string;
  clock: { t: number };
  events: OtpEvent[];
}

/** @internal A command of the suite. */
export type Cmd = fc.AsyncCommand<ModelSide, RealSide>;

/** Which fields of each event type the model predicts (and therefore compares). */
const EVENT_FIELDS: Record<string, ReadonlyArray<keyof ModelEvent>> = {
  issued: ["codeId", "expiresAt"],
  verified: ["codeId"],
  failed: ["codeId", "attemptsRemaining"],
  expired: ["codeId"],
  exhausted: ["codeId"],
  locked: ["reason", "lockedUntil"],
  unlocked: ["reason"],
  revoked: ["codeId", "reason"],
};

/** @internal Runs one step: the engine's answer and events against the model's. */
export async function step(
  label: string,
  m: ModelSide,
  r: RealSide,
  real: () => Promise<unknown>,
  model: (actual: unknown) => { result: unknown; events: ModelEvent[] },
): Promise<unknown> {
  const seen = r.events.length;
  const actual = await real();
  const expected = model(actual);
  expect(actual, `${label} at t+${m.now - START}: answer`).toEqual(expected.result);
  const emitted = r.events.slice(seen);
  for (const e of emitted)
    expect([e.subject, e.purpose], `${label}: event subject`).toEqual([r.subject, "login"]);
  const shown = emitted.map((e) => {
    const out: Record<string, unknown> = { type: e.type, at: e.at };
    for (const f of EVENT_FIELDS[e.type] ?? []) if (e[f] !== undefined) out[f] = e[f];
    return out;
  });
  expect(shown, `${label} at t+${m.now - START}: events`).toEqual(expected.events);
  return actual;
}

/** @internal The simulated clock's start (any fixed instant: runs replay exactly). */
export const START = Date.UTC(2026, 0, 5, 9, 0, 0);
