import type {
  AlphabetName,
  IssueResult,
  LockedResult,
  OtpStatus,
  VerifyResult,
} from "@otpkit/otp-core";
import type { ModelCode, ModelEvent, ModelPolicy, ModelState, Step } from "./model-state.js";
import { emptyState, forgetAt } from "./model-state.js";

// @internal The reference model of the model-based suite: otp-core's rules for ONE (subject,
// purpose), written again from the written spec (not from otp-core's `rules/`), as plainly as
// possible. It exists to disagree: a bug in the engine's rules shows up as a different answer.
// Not re-exported from index.ts.

const lockActive = (s: ModelState, now: number) =>
  s.lock !== undefined && (s.lock.until === null || s.lock.until > now);

const lockedResult = (until: number | null, now: number): LockedResult => ({
  status: "locked",
  lockedUntil: until,
  retryAfterMs: until === null ? null : until - now,
});

/** @internal The rules over one subject's state; every method mutates `state` like a write. */
export class ReferenceModel {
  state: ModelState = emptyState();

  constructor(readonly policy: ModelPolicy) {}

  /** Every operation first reads the record: one past its TTL is gone. */
  private read(now: number): void {
    if (now >= forgetAt(this.state, this.policy)) this.state = emptyState();
  }

  /** A lock whose time is over ends at the next write (issue, verify), with its event. */
  private settle(now: number, events: ModelEvent[]): void {
    const s = this.state;
    if (s.lock && !lockActive(s, now)) {
      s.lock = undefined;
      s.failures = 0;
      events.push({ type: "unlocked", at: now, reason: "expired" });
    }
  }

  issue(now: number, fresh: { id: string; value: string }): Step<IssueResult> {
    this.read(now);
    const p = this.policy;
    const s = this.state;
    const events: ModelEvent[] = [];
    this.settle(now, events);
    if (s.lock) return { result: lockedResult(s.lock.until, now), events };
    if (s.lastSendAt !== undefined && s.lastSendAt + p.cooldownMs > now) {
      const retryAfterMs = s.lastSendAt + p.cooldownMs - now;
      return {
        result: { status: "throttled", reason: "cooldown", retryAfterMs },
        events,
      };
    }
    if (s.sends === 0 || s.sendsSince + p.sendWindowMs <= now) {
      s.sends = 0;
      s.sendsSince = now;
    }
    if (s.sends >= p.maxSends) {
      const retryAfterMs = s.sendsSince + p.sendWindowMs - now;
      return {
        result: { status: "throttled", reason: "max_sends", retryAfterMs },
        events,
      };
    }
    const old = s.code;
    if (old && !old.ended) {
      events.push(
        old.expiresAt > now
          ? { type: "revoked", at: now, codeId: old.id, reason: "replaced" }
          : { type: "expired", at: now, codeId: old.id },
      );
    }
    // Spec: the code a new one replaces is recognised while it would still have been valid.
    s.replaced =
      old && !old.ended && old.expiresAt > now
        ? { id: old.id, value: old.value, expiresAt: old.expiresAt }
        : undefined;
    const expiresAt = now + p.ttlMs;
    s.code = {
      id: fresh.id,
      value: fresh.value,
      issuedAt: now,
      expiresAt,
      used: 0,
      max: p.maxAttempts,
    };
    s.sends += 1;
    s.lastSendAt = now;
    events.push({ type: "issued", at: now, codeId: fresh.id, expiresAt });
    const result: IssueResult = {
      status: "issued",
      codeId: fresh.id,
      expiresAt,
      attemptsAllowed: p.maxAttempts,
      code: fresh.value,
    };
    return { result, events };
  }

  verify(now: number, input: string, codeId?: string): Step<VerifyResult> {
    const p = this.policy;
    const events: ModelEvent[] = [];
    const typed = normalise(input, p.alphabet);
    if (typed.length !== p.length || [...typed].some((c) => !p.symbols.includes(c))) {
      // Can never be right: answered before anything is read, nothing is spent or settled.
      return {
        result: {
          status: "malformed",
          expected: { length: p.length, alphabet: p.alphabet },
        },
        events,
      };
    }
    this.read(now);
    const s = this.state;
    this.settle(now, events);
    if (s.lock) return { result: lockedResult(s.lock.until, now), events };
    const code = s.code;
    if (!code || (codeId !== undefined && codeId !== code.id)) {
      return { result: { status: "not_found" }, events };
    }
    if (code.ended) return { result: { status: code.ended }, events };
    if (code.expiresAt <= now) {
      code.ended = "expired";
      s.replaced = undefined;
      events.push({ type: "expired", at: now, codeId: code.id });
      return { result: { status: "expired" }, events };
    }
    if (typed === code.value) {
      s.code = undefined;
      s.replaced = undefined;
      s.failures = 0;
      s.consecutive = 0;
      s.locks = 0;
      events.push({ type: "verified", at: now, codeId: code.id });
      return { result: { status: "verified", codeId: code.id }, events };
    }
    const old = s.replaced;
    if (old && old.expiresAt > now && typed === old.value) {
      // Spec: the person typed the code a newer one replaced — no guess, nothing spent.
      const windowOpen = s.failures > 0 && s.failuresSince + p.failureWindowMs > now;
      const remaining = Math.min(
        code.max - code.used,
        p.maxFailures - (windowOpen ? s.failures : 0),
        p.maxConsecutive - s.consecutive,
      );
      return {
        result: { status: "replaced", codeId: code.id, attemptsRemaining: Math.max(0, remaining) },
        events,
      };
    }
    return { result: this.wrongGuess(now, code, events), events };
  }

  private wrongGuess(now: number, code: ModelCode, events: ModelEvent[]): VerifyResult {
    const p = this.policy;
    const s = this.state;
    if (s.failures === 0 || s.failuresSince + p.failureWindowMs <= now) {
      s.failures = 0;
      s.failuresSince = now;
    }
    s.failures += 1;
    s.consecutive += 1;
    s.lastFailureAt = now;
    code.used += 1;
    const remaining = Math.max(
      0,
      Math.min(code.max - code.used, p.maxFailures - s.failures, p.maxConsecutive - s.consecutive),
    );
    events.push({ type: "failed", at: now, codeId: code.id, attemptsRemaining: remaining });
    if (s.consecutive >= p.maxConsecutive) {
      s.lock = { until: null };
      s.code = undefined;
      s.replaced = undefined;
      s.locks += 1;
      events.push({ type: "locked", at: now, reason: "consecutive" });
      return lockedResult(null, now);
    }
    if (s.failures >= p.maxFailures) {
      const until = now + Math.min(p.maxLockMs, p.lockMs * 2 ** s.locks);
      s.lock = { until };
      s.code = undefined;
      s.replaced = undefined;
      s.locks += 1;
      events.push({ type: "locked", at: now, reason: "budget", lockedUntil: until });
      return lockedResult(until, now);
    }
    if (code.used >= code.max) {
      code.ended = "exhausted";
      events.push({ type: "exhausted", at: now, codeId: code.id });
      return { status: "exhausted" };
    }
    return { status: "invalid", attemptsRemaining: remaining };
  }

  revoke(now: number, codeId: string | undefined, reason: string): Step<boolean> {
    this.read(now);
    const code = this.state.code;
    if (!code || code.ended || (codeId !== undefined && codeId !== code.id)) {
      return { result: false, events: [] };
    }
    this.state.code = undefined;
    this.state.replaced = undefined;
    return { result: true, events: [{ type: "revoked", at: now, codeId: code.id, reason }] };
  }

  unlock(now: number): Step<boolean> {
    this.read(now);
    const s = this.state;
    const wasLocked = s.lock !== undefined;
    s.lock = undefined;
    s.failures = 0;
    s.consecutive = 0;
    s.locks = 0;
    const events = wasLocked ? [{ type: "unlocked", at: now, reason: "operator" }] : [];
    return { result: wasLocked, events };
  }

  /** Read-only: works on a copy, so a lookup never changes what the model remembers. */
  lookup(now: number): OtpStatus {
    const p = this.policy;
    const s = now >= forgetAt(this.state, p) ? emptyState() : this.state;
    const locked = lockActive(s, now);
    const windowOpen = s.failures > 0 && s.failuresSince + p.failureWindowMs > now;
    const failures = (s.lock && !locked) || !windowOpen ? 0 : s.failures;
    const c = s.code;
    const active =
      c && !c.ended && c.expiresAt > now && !locked
        ? {
            codeId: c.id,
            issuedAt: c.issuedAt,
            expiresAt: c.expiresAt,
            attemptsUsed: c.used,
            attemptsRemaining: Math.min(
              c.max - c.used,
              p.maxFailures - failures,
              p.maxConsecutive - s.consecutive,
            ),
            maxAttempts: c.max,
          }
        : null;
    const waits: number[] = [];
    if (s.lastSendAt !== undefined && s.lastSendAt + p.cooldownMs > now)
      waits.push(s.lastSendAt + p.cooldownMs);
    if (s.sends >= p.maxSends && s.sendsSince + p.sendWindowMs > now)
      waits.push(s.sendsSince + p.sendWindowMs);
    return {
      active,
      // Spec: the most recent code while the model remembers it, ended or not.
      latest: c
        ? {
            codeId: c.id,
            expiresAt: c.expiresAt,
            state: c.ended ?? (c.expiresAt <= now ? "expired" : "active"),
          }
        : null,
      locked,
      lockedUntil: locked ? (s.lock?.until ?? null) : null,
      failures,
      maxFailures: p.maxFailures,
      consecutiveFailures: s.consecutive,
      maxConsecutiveFailures: p.maxConsecutive,
      // Not defined by the rules spec; the reading here: while locked the lock fields say when
      // (null), otherwise the moment the throttle lets a code out: the later of the cooldown's
      // end and, at the cap, the window's end.
      nextSendAt: !locked && waits.length > 0 ? Math.max(...waits) : null,
    };
  }
}

/** Trim, drop spaces and dashes, upper-case for the letter alphabets. */
function normalise(input: string, alphabet: AlphabetName): string {
  const compact = input.trim().replace(/[\s-]/g, "");
  return alphabet === "numeric" ? compact : compact.toUpperCase();
}
