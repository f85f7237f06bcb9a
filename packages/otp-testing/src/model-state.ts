import type { AlphabetName } from "@otpkit/otp-core";

// @internal What the reference model of the model-based suite (model-reference.ts) remembers
// about ONE (subject, purpose), and when the store forgets it. Not re-exported from index.ts.

const DAY = 24 * 60 * 60 * 1000;

/** @internal The numbers the rules read (what `createOtp` is given, every field explicit). */
export interface ModelPolicy {
  ttlMs: number;
  maxAttempts: number;
  maxFailures: number;
  failureWindowMs: number;
  lockMs: number;
  maxLockMs: number;
  maxConsecutive: number;
  rememberMs: number;
  cooldownMs: number;
  maxSends: number;
  sendWindowMs: number;
  alphabet: AlphabetName;
  symbols: string;
  length: number;
}

/** @internal One code, as the model remembers it (with its value: the model is the user too). */
export interface ModelCode {
  id: string;
  value: string;
  issuedAt: number;
  expiresAt: number;
  used: number;
  max: number;
  ended?: "expired" | "exhausted";
}

/** @internal Everything remembered about the subject. */
export interface ModelState {
  code?: ModelCode;
  /**
   * The code the active one replaced while it was live: typing it before its own expiry answers
   * `replaced` and spends nothing. Only the most recent one; gone with the active code.
   */
  replaced?: { id: string; value: string; expiresAt: number };
  failures: number;
  failuresSince: number;
  consecutive: number;
  lastFailureAt: number;
  locks: number;
  /** `until: null` = until an operator unlocks. */
  lock?: { until: number | null };
  lastSendAt?: number;
  sends: number;
  sendsSince: number;
}

/** @internal An event as the model predicts it: only the fields the model has an opinion on. */
export interface ModelEvent {
  type: string;
  at: number;
  codeId?: string;
  reason?: string;
  attemptsRemaining?: number;
  lockedUntil?: number;
  expiresAt?: number;
}

/** @internal What one operation answers and records. */
export interface Step<R> {
  result: R;
  events: ModelEvent[];
}

/** @internal A subject never seen. */
export function emptyState(): ModelState {
  return {
    failures: 0,
    failuresSince: 0,
    consecutive: 0,
    lastFailureAt: 0,
    locks: 0,
    sends: 0,
    sendsSince: 0,
  };
}

/**
 * @internal When the store drops the record: the latest moment anything in it still matters.
 * A hard lock is never forgotten.
 */
export function forgetAt(s: ModelState, p: ModelPolicy): number {
  const times = [Number.NEGATIVE_INFINITY];
  if (s.code) times.push(s.code.expiresAt + p.ttlMs);
  if (s.replaced) times.push(s.replaced.expiresAt);
  if (s.failures > 0) times.push(s.failuresSince + p.failureWindowMs);
  if (s.consecutive > 0 || s.locks > 0) times.push(s.lastFailureAt + p.rememberMs);
  if (s.lock) times.push(s.lock.until === null ? Number.POSITIVE_INFINITY : s.lock.until + DAY);
  if (s.sends > 0) times.push(s.sendsSince + p.sendWindowMs);
  if (s.lastSendAt !== undefined) times.push(s.lastSendAt + p.cooldownMs);
  return Math.max(...times);
}
