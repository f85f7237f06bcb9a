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
  const keep = (t: number) => {
    if (t > until) until = t;
  };
  if (r.code) keep(r.code.expiresAt + policy.ttlMs);
  if (r.failures > 0) keep(r.failuresSince + policy.lockout.windowMs);
  if (r.consecutive > 0 || r.locks > 0) keep(r.lastFailureAt + policy.lockout.rememberMs);
  if (r.lock)
    keep(r.lock.until === null ? now + UNTIL_UNLOCKED_MS : r.lock.until + UNLOCK_NOTICE_MS);
  if (r.sends > 0) keep(r.sendsSince + policy.sendWindowMs);
  if (r.lastSendAt !== undefined) keep(r.lastSendAt + policy.cooldownMs);
  return Math.max(0, Math.ceil(until - now));
}
