import type { SubjectRecord } from "../record.js";
import type { Policy } from "./types.js";

/** How long a record at the consecutive-failure cap is kept: until an operator unlocks it. */
const UNTIL_UNLOCKED_MS = 10 * 365 * 24 * 60 * 60 * 1000;
/** How long an ended lock is remembered, so its unlock is noticed once even after a restart. */
const UNLOCK_NOTICE_MS = 24 * 60 * 60 * 1000;

/**
 * How long the store must keep a record: the longest of what it still has to remember. An ended
 * code is remembered for one more lifetime (a late check answers `expired`, not `not_found`); a
 * failure budget until its window closes; consecutive failures and the lock count for
 * `rememberMs` after the last failure; a lock until it ends plus a day to notice the unlock; the
 * throttle until its cooldown and window pass. 0 means nothing is left: delete the record.
 */
export function recordTtl(r: SubjectRecord, now: number, policy: Policy): number {
  let until = 0;
  if (r.code) until = later(until, r.code.expiresAt + policy.ttlMs);
  // Issued before the active code, so it expires first: this only matters if the TTL was changed
  // in between (a replaced code is never kept past its own expiry, nor without an active code).
  if (r.replaced) until = later(until, r.replaced.expiresAt);
  if (r.failures > 0) until = later(until, r.failuresSince + policy.lockout.windowMs);
  if (r.consecutive > 0 || r.locks > 0) {
    until = later(until, r.lastFailureAt + policy.lockout.rememberMs);
  }
  if (r.lock) {
    until = later(
      until,
      r.lock.until === null ? now + UNTIL_UNLOCKED_MS : r.lock.until + UNLOCK_NOTICE_MS,
    );
  }
  if (r.sends > 0) until = later(until, r.sendsSince + policy.sendWindowMs);
  if (r.lastSendAt !== undefined) until = later(until, r.lastSendAt + policy.cooldownMs);
  return Math.max(0, Math.ceil(until - now));
}

/**
 * The later of two times (a module function, not a closure: this runs on every write). Not
 * Math.max: a time that is not a number must not win, as it never did.
 */
function later(until: number, t: number): number {
  // biome-ignore lint/complexity/useMathMinMax: Math.max(NaN, x) is NaN; this keeps `until`
  return t > until ? t : until;
}
