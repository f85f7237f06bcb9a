import type { OtpStatus } from "../api.js";
import type { SubjectRecord } from "../record.js";
import { EMPTY_RECORD } from "../record.js";
import { attemptsLeft, failuresInWindow, isLocked } from "./lock.js";
import { nextSendAt } from "./throttle.js";
import type { Policy } from "./types.js";

/**
 * What `lookup` reports, read-only: no lock is ended and nothing is written here (an ended lock
 * simply reads as unlocked). `attemptsRemaining` is the lower of the code's attempts, the
 * budget and the consecutive-failure cap: the number of wrong guesses that can still be made before something ends.
 */
export function statusOf(
  stored: SubjectRecord | null,
  now: number,
  policy: Policy,
): Omit<OtpStatus, "active"> & {
  active: Omit<NonNullable<OtpStatus["active"]>, "destination" | "code"> | null;
} {
  const r = stored ?? EMPTY_RECORD;
  const locked = isLocked(r, now);
  // An ended lock resets the budget when it is noticed; report it as the next write will see it.
  const failures = r.lock !== undefined && !locked ? 0 : failuresInWindow(r, now, policy);
  const code = r.code;
  const live = code !== undefined && code.ended === undefined && code.expiresAt > now && !locked;
  return {
    active: live
      ? {
          codeId: code.id,
          issuedAt: code.issuedAt,
          expiresAt: code.expiresAt,
          attemptsUsed: code.used,
          attemptsRemaining: attemptsLeft(r, code, failures, policy),
          maxAttempts: code.max,
          ...(code.channel === undefined ? {} : { channel: code.channel }),
          ...(code.test ? { test: true } : {}),
        }
      : null,
    latest:
      code === undefined
        ? null
        : {
            codeId: code.id,
            expiresAt: code.expiresAt,
            state: code.ended ?? (code.expiresAt <= now ? "expired" : "active"),
          },
    locked,
    lockedUntil: locked ? (r.lock!.until ?? null) : null,
    failures,
    maxFailures: policy.lockout.maxFailures,
    consecutiveFailures: r.consecutive,
    maxConsecutiveFailures: policy.lockout.maxConsecutiveFailures,
    nextSendAt: locked ? null : nextSendAt(r, now, policy),
  };
}
