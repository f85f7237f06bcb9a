import type { IssueResult, LockedResult, VerifyResult } from "@otpkit/otp-core";
import type { Context } from "hono";
import { errorBody } from "../http-errors.js";

// How the API shows the engine's answers: check outcomes as 200 values, refused starts as 423/429.

/** `Retry-After` in whole seconds; none for a lock that only an operator ends (`null`). */
export function retryAfter(c: Context, ms: number | null): void {
  if (ms !== null) c.header("Retry-After", String(Math.max(1, Math.ceil(ms / 1000))));
}

/**
 * A lock as JSON. `lockedUntil: null` (and `retryAfterSeconds: null`): the subject reached the
 * consecutive-failure cap and stays locked until an operator unlocks it (`POST /subjects/unlock`).
 */
function lockView(result: LockedResult) {
  return {
    lockedUntil: result.lockedUntil === null ? null : new Date(result.lockedUntil).toISOString(),
    retryAfterSeconds: result.retryAfterMs === null ? null : Math.ceil(result.retryAfterMs / 1000),
  };
}

/** An issue result that is not `issued`, as a response. */
export function refused(c: Context, result: Exclude<IssueResult, { status: "issued" }>): Response {
  retryAfter(c, result.retryAfterMs);
  if (result.status === "locked") {
    return c.json(
      errorBody(
        "LOCKED",
        result.lockedUntil === null
          ? "Too many failed attempts: sign-in is locked until an operator unlocks it"
          : "Too many failed attempts: sign-in is paused",
        { details: lockView(result) },
      ),
      423,
    );
  }
  return c.json(
    errorBody(
      "THROTTLED",
      result.reason === "cooldown"
        ? "Wait before requesting another code"
        : "Too many codes requested",
      {
        details: {
          reason: result.reason,
          retryAfterSeconds: Math.ceil(result.retryAfterMs / 1000),
        },
      },
    ),
    429,
  );
}

/**
 * The outcome of a check, for JSON. Every outcome of a check is a 200 with a `status` (they are
 * answers, not errors): `verified`, `invalid` (+ `attemptsRemaining`), `malformed` (+ `expected`:
 * nothing was counted), `expired`, `exhausted`, `locked` (+ `lockedUntil`, `retryAfterSeconds`,
 * both null until an operator unlocks), `not_found`.
 */
export function outcomeView(result: VerifyResult) {
  switch (result.status) {
    case "invalid":
      return { status: result.status, attemptsRemaining: result.attemptsRemaining };
    case "malformed":
      return { status: result.status, expected: result.expected };
    case "locked":
      return { status: result.status, ...lockView(result) };
    default:
      return { status: result.status };
  }
}
