import type { CodeState, SubjectRecord } from "../record.js";
import { EMPTY_RECORD } from "../record.js";
import type { Decision, EventDraft, MessageEffect, Policy } from "./types.js";

/** A record with its effects so far, threaded through the steps of one decision. */
export interface Step {
  readonly record: SubjectRecord;
  readonly changed: boolean;
  readonly events: EventDraft[];
  readonly messages: MessageEffect[];
}

/** @internal Starts a decision's step list from the stored record. */
export function start(record: SubjectRecord): Step {
  return { record, changed: false, events: [], messages: [] };
}

/** @internal Ends a decision: the record is written only if a step changed it. */
export function finish<O>(step: Step, outcome: O): Decision<O> {
  return {
    next: step.changed ? step.record : undefined,
    outcome,
    events: step.events,
    messages: step.messages,
  };
}

/** True while the lock holds: `until` in the future, or `null` (until an operator unlocks). */
export function isLocked(record: SubjectRecord, now: number): boolean {
  return record.lock !== undefined && (record.lock.until === null || record.lock.until > now);
}

/**
 * A lock whose time has passed ends here, at the first write after it (or by the shell's timer):
 * `unlocked` is recorded and the unlock notice sent exactly once, because only the
 * compare-and-set that removes the lock commits them. The budget starts afresh; the count of
 * locks stays, so the next lock lasts longer, until a success.
 */
export function settleLock(step: Step, now: number, policy: Policy): Step {
  const r = step.record;
  if (r.lock === undefined || isLocked(r, now)) return step;
  const record: SubjectRecord = { ...r, lock: undefined, failures: 0, failuresSince: 0 };
  return {
    record,
    changed: true,
    events: [...step.events, { type: "unlocked", reason: "expired", ...testFlag(r) }],
    messages: [...step.messages, ...notice(r, "unlock", policy)],
  };
}

/**
 * How long the lock after `locks` earlier ones lasts: the base duration doubled each time, up to
 * the maximum. Why grow: a fixed lock lets a patient attacker go on forever at
 * `maxFailures` guesses per lock (a week of 15-minute locks evaluated 1,400 guesses).
 */
export function lockDuration(locks: number, policy: Policy): number {
  const { durationMs, maxDurationMs } = policy.lockout;
  return Math.min(maxDurationMs, durationMs * 2 ** Math.min(locks, 40));
}

/**
 * Locks the subject: no code survives a lock. At the consecutive-failure cap the lock has no end
 * (NIST SP 800-63B-4 §3.2.2: only a success, here an operator's unlock, clears it).
 */
export function lockNow(step: Step, now: number, policy: Policy, codeId?: string): Step {
  const r = step.record;
  const hard = r.consecutive >= policy.lockout.maxConsecutiveFailures;
  const until = hard ? null : now + lockDuration(r.locks, policy);
  const record: SubjectRecord = {
    ...r,
    code: undefined,
    previous: undefined,
    replaced: undefined,
    lock: { until },
    locks: r.locks + 1,
  };
  const event: EventDraft = {
    type: "locked",
    codeId,
    reason: hard ? "consecutive" : "budget",
    ...(until === null ? {} : { lockedUntil: until }),
    ...testFlag(r),
  };
  return {
    record,
    changed: true,
    events: [...step.events, event],
    messages: [...step.messages, ...notice(r, "lockout", policy, until ?? undefined)],
  };
}

/**
 * An operator's unlock: ends any lock (also one at the cap) and clears the budget, the
 * consecutive failures and the lock count. The outcome says whether there was a lock.
 */
export function decideUnlock(
  record: SubjectRecord,
  now: number,
  policy: Policy,
): Decision<boolean> {
  const wasLocked = isLocked(record, now) || record.lock !== undefined;
  const clean =
    !wasLocked && record.failures === 0 && record.consecutive === 0 && record.locks === 0;
  if (clean) return finish(start(record), false);
  const next: SubjectRecord = {
    ...record,
    lock: undefined,
    failures: 0,
    failuresSince: 0,
    consecutive: 0,
    lastFailureAt: 0,
    locks: 0,
  };
  return {
    next,
    outcome: wasLocked,
    events: wasLocked ? [{ type: "unlocked", reason: "operator", ...testFlag(record) }] : [],
    messages: wasLocked ? notice(record, "unlock", policy) : [],
  };
}

/** @internal The notice for a lock or unlock, when there is somewhere to send it. */
function notice(
  r: SubjectRecord,
  kind: "lockout" | "unlock",
  policy: Policy,
  lockedUntil?: number,
): MessageEffect[] {
  // Test recipients get no messages at all; neither does a subject we never sent anything to.
  if (!policy.notifyLockout || r.to === undefined || r.test) return [];
  return [{ kind, to: r.to, channels: r.channels, lockedUntil }];
}

/** @internal Events about a test recipient's state say so. */
export function testFlag(r: { test?: boolean }): { test?: true } {
  return r.test ? { test: true } : {};
}

/** The unlock timer's decision: only notice a lock that has ended. */
export function decideSettle(
  stored: SubjectRecord | null,
  now: number,
  policy: Policy,
): Decision<void> {
  if (stored === null) return finish(start(EMPTY_RECORD), undefined);
  return finish(settleLock(start(stored), now, policy), undefined);
}

/**
 * Wrong guesses the subject can still make before it is locked: the lower of what is left of the
 * budget (with `failures` counted in its window) and of the consecutive-failure cap. An answer
 * that said "2 attempts left" where the next guess locks would mislead the person.
 */
export function guessesLeft(r: SubjectRecord, failures: number, policy: Policy): number {
  return Math.min(
    policy.lockout.maxFailures - failures,
    policy.lockout.maxConsecutiveFailures - r.consecutive,
  );
}

/**
 * Wrong guesses left on `code` before something ends: the lower of its own attempts and
 * {@link guessesLeft} (with `failures` counted in the budget's window), never below 0. What
 * `lookup`, a restored code and a `replaced` answer report.
 */
export function attemptsLeft(
  r: SubjectRecord,
  code: CodeState,
  failures: number,
  policy: Policy,
): number {
  return Math.max(0, Math.min(code.max - code.used, guessesLeft(r, failures, policy)));
}

/** Failures counted in the budget's current window: 0 once it has passed (or none were made). */
export function failuresInWindow(r: SubjectRecord, now: number, policy: Policy): number {
  return r.failures === 0 || r.failuresSince + policy.lockout.windowMs <= now ? 0 : r.failures;
}
