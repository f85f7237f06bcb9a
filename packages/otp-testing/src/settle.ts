// Small async assertions the conformance suites share: a promise settled within a bound, a
// rejection taken as a value, an OtpError asserted.
import type { OtpError } from "@otpkit/otp-core";
import { isOtpError } from "@otpkit/otp-core";
import { expect } from "vitest";
import { toText } from "./suite-utils.js";

export type Outcome =
  | { status: "fulfilled"; value: unknown }
  | { status: "rejected"; reason: unknown }
  | { status: "pending" };

/** Waits for `promise` at most `ms`; never leaves a rejection unhandled. */
export async function settleWithin(promise: Promise<unknown>, ms: number): Promise<Outcome> {
  const settled = promise.then(
    (value): Outcome => ({ status: "fulfilled", value }),
    (reason: unknown): Outcome => ({ status: "rejected", reason }),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ status: "pending" }), ms);
  });
  try {
    return await Promise.race([settled, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The rejection reason of `promise`; fails the test when it resolves instead. */
export async function rejectionOf(promise: Promise<unknown>, what: string): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error(`expected ${what} to reject, but it resolved`);
}

/** Asserts `error` is an OtpError and returns it typed. */
export function expectOtpError(error: unknown): asserts error is OtpError {
  expect(isOtpError(error), `expected an OtpError, got ${toText(error)}`).toBe(true);
}
