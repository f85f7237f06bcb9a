import type { IssueResult, LockedResult, VerifyResult } from "@otpkit/otp-core";
import type { Context } from "hono";
import type { AuditEntry } from "../db/audit.js";
import { errorResponse } from "../http-errors.js";

// How the API shows the engine's answers: check outcomes as 200 values, refused starts as 423/429,
// audit entries with ISO 8601 times.

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

/** Why a start was throttled, in words (`details.reason` says it for programs). */
const THROTTLE_MESSAGES: Record<Extract<IssueResult, { status: "throttled" }>["reason"], string> = {
  cooldown: "Wait before requesting another code",
  max_sends: "Too many codes requested",
  destination_quota: "Too many codes were sent to this address or number; try again later",
};

/** An issue result that is not `issued`, as a response. */
export function refused(c: Context, result: Exclude<IssueResult, { status: "issued" }>): Response {
  retryAfter(c, result.retryAfterMs);
  if (result.status === "locked") {
    return errorResponse(
      c,
      "LOCKED",
      result.lockedUntil === null
        ? "Too many failed attempts: sign-in is locked until an operator unlocks it"
        : "Too many failed attempts: sign-in is paused",
      { details: lockView(result) },
    );
  }
  return errorResponse(c, "THROTTLED", THROTTLE_MESSAGES[result.reason], {
    details: {
      reason: result.reason,
      retryAfterSeconds: Math.ceil(result.retryAfterMs / 1000),
    },
  });
}

/**
 * The outcome of a check, for JSON. Every outcome of a check is a 200 with a `status` (they are
 * answers, not errors): `verified`, `invalid` (+ `attemptsRemaining`), `replaced` (+
 * `attemptsRemaining`: the code a newer one replaced, nothing was counted), `malformed` (+
 * `expected`: nothing was counted), `expired`, `exhausted`, `locked` (+ `lockedUntil`,
 * `retryAfterSeconds`, both null until an operator unlocks), `not_found`.
 */
export function outcomeView(result: VerifyResult) {
  switch (result.status) {
    case "invalid":
    case "replaced":
      return { status: result.status, attemptsRemaining: result.attemptsRemaining };
    case "malformed":
      return { status: result.status, expected: result.expected };
    case "locked":
      return { status: result.status, ...lockView(result) };
    default:
      return { status: result.status };
  }
}

/** The time fields of an audit entry: epoch ms inside, ISO 8601 in the API like every other time. */
const AUDIT_TIMES = ["at", "lockedUntil", "expiresAt"] as const;

/**
 * An audit entry as the API shows it: the caller's own subject (without the key's tenant prefix)
 * and every time as ISO 8601, as everywhere else in the API.
 *
 * @throws {never}
 * @example
 * auditView({ id, type: "locked", at: 0, lockedUntil: 900000, subject: "key:…:u", purpose: "login" }, "u");
 * // { …, at: "1970-01-01T00:00:00.000Z", lockedUntil: "1970-01-01T00:15:00.000Z", subject: "u" }
 */
export function auditView(entry: AuditEntry, subject: string) {
  const view: Record<string, unknown> = { ...entry, subject };
  for (const field of AUDIT_TIMES) {
    const ms = entry[field];
    if (ms !== undefined) view[field] = new Date(ms).toISOString();
  }
  return view;
}
