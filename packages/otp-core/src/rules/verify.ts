import type { VerifyResult } from "../api.js";
import type { CodeState, ReplacedCode, SubjectRecord } from "../record.js";
import { EMPTY_RECORD } from "../record.js";
import { lockedOutcome, placeCode } from "./issue.js";
import type { Step } from "./lock.js";
import {
  failuresInWindow,
  finish,
  guessesLeft,
  isLocked,
  lockNow,
  settleLock,
  start,
  testFlag,
} from "./lock.js";
import { liveReplaced, replacedRef, typedReplaced } from "./replaced.js";
import { checkSend } from "./throttle.js";
import type { Candidate, Decision, Policy } from "./types.js";

/** What {@link decideVerify} needs besides the record. */
export interface VerifyInput {
  readonly now: number;
  /** The input, already normalised (trimmed, no spaces or dashes, upper-cased for letters). */
  readonly code: string;
  /** The code the check is meant for; another active code makes it `not_found`. */
  readonly codeId?: string;
  /**
   * Whether `code` is the one whose MAC `state` holds (a constant-time comparison): asked of the
   * active code, then of the code it replaced.
   */
  readonly matches: (state: CodeState | ReplacedCode) => boolean;
  /** With `retryOnFailure`: the fresh code a wrong guess would send. */
  readonly retry?: Candidate;
  /** The first channel the fresh code would go out on. */
  readonly retryChannel?: string;
}

/**
 * True when `code` (normalised) has the policy's length and only its symbols. Anything else can
 * never be right, so it is answered `malformed` and spends nothing: refusing it gives a
 * brute-forcer nothing, and a person who typed 5 digits keeps their attempts.
 */
export function isWellFormed(code: string, policy: Policy): boolean {
  if (code.length !== policy.code.length) return false;
  for (const ch of code) if (!policy.code.symbols.includes(ch)) return false;
  return true;
}

/**
 * `verify`. In order: malformed input spends nothing; a lock refuses; no code (or another code
 * than `codeId`) is `not_found`; an ended code answers how it ended; a code past its expiry (by
 * the record's own time) ends as `expired`. The active code's own code verifies; the code it
 * replaced, while that one would still have been valid, answers `replaced` and spends nothing
 * (see rules/replaced.ts why). Otherwise the guess is evaluated — and because the decision and
 * its counters are committed together by one compare-and-set, no guess is ever evaluated that
 * is not counted (CVE-2024-4629 was the opposite order).
 */
export function decideVerify(
  stored: SubjectRecord | null,
  input: VerifyInput,
  policy: Policy,
): Decision<VerifyResult> {
  const { now } = input;
  if (!isWellFormed(input.code, policy)) {
    return finish(start(stored ?? EMPTY_RECORD), {
      status: "malformed",
      expected: { length: policy.code.length, alphabet: policy.code.alphabet },
    });
  }
  const step = settleLock(start(stored ?? EMPTY_RECORD), now, policy);
  const r = step.record;
  if (isLocked(r, now)) return finish(step, lockedOutcome(r, now));
  const code = r.code;
  if (code === undefined || (input.codeId !== undefined && code.id !== input.codeId)) {
    return finish(step, { status: "not_found" });
  }
  if (code.ended !== undefined) return finish(step, { status: code.ended });
  if (code.expiresAt <= now) {
    return finish(
      {
        ...step,
        record: {
          ...r,
          code: { ...code, ended: "expired" },
          previous: undefined,
          replaced: undefined,
        },
        changed: true,
        events: [...step.events, { type: "expired", codeId: code.id, ...testFlag(code) }],
      },
      { status: "expired" },
    );
  }
  if (input.matches(code)) return verified(step, code);
  return (
    typedReplaced(step, code, now, input.matches, policy) ?? wrongGuess(step, code, input, policy)
  );
}

/** Single use and a clean slate: a success clears the budget, the consecutive failures and the lock count. */
function verified(step: Step, code: CodeState): Decision<VerifyResult> {
  const record: SubjectRecord = {
    ...step.record,
    code: undefined,
    previous: undefined,
    replaced: undefined,
    failures: 0,
    failuresSince: 0,
    consecutive: 0,
    lastFailureAt: 0,
    locks: 0,
  };
  return finish(
    {
      ...step,
      record,
      changed: true,
      events: [...step.events, { type: "verified", codeId: code.id, ...testFlag(code) }],
    },
    { status: "verified", codeId: code.id },
  );
}

function wrongGuess(
  step: Step,
  code: CodeState,
  input: VerifyInput,
  policy: Policy,
): Decision<VerifyResult> {
  const { now } = input;
  const r = step.record;
  const counted = failuresInWindow(r, now, policy);
  const failures = counted + 1;
  const used = code.used + 1;
  const budgetLeft = guessesLeft({ ...r, consecutive: r.consecutive + 1 }, failures, policy);
  const attemptsRemaining = Math.max(0, Math.min(code.max - used, budgetLeft));
  let next: Step = {
    ...step,
    changed: true,
    record: {
      ...r,
      code: { ...code, used },
      previous: undefined,
      // A wrong guess does not forget the replaced code (only its expiry does).
      replaced: liveReplaced(r, now),
      failures,
      failuresSince: counted === 0 ? now : r.failuresSince,
      consecutive: r.consecutive + 1,
      lastFailureAt: now,
    },
    events: [
      ...step.events,
      { type: "failed", codeId: code.id, attemptsRemaining, ...testFlag(code) },
    ],
  };
  // Nothing left of the budget or of the consecutive-failure cap: lock (lockNow tells which).
  if (budgetLeft <= 0) {
    next = lockNow(next, now, policy, code.id);
    return finish(next, lockedOutcome(next.record, now));
  }
  const retried = retry(next, input, policy);
  if (retried !== undefined) {
    return finish(retried, {
      status: "invalid",
      attemptsRemaining: Math.min(policy.maxAttempts, budgetLeft),
      resent: true,
      codeId: input.retry!.id,
    });
  }
  if (used >= code.max) {
    return finish(
      {
        ...next,
        record: { ...next.record, code: { ...code, used, ended: "exhausted" } },
        events: [...next.events, { type: "exhausted", codeId: code.id, ...testFlag(code) }],
      },
      { status: "exhausted" },
    );
  }
  return finish(
    next,
    policy.retryOnFailure
      ? { status: "invalid", attemptsRemaining, resent: false }
      : { status: "invalid", attemptsRemaining },
  );
}

/**
 * With `retryOnFailure`, a wrong guess sends a fresh code (seed 003), within the resend throttle.
 * The spent code is kept aside: if the fresh one cannot be delivered it comes back, as long as it
 * still has attempts left. It is also the code the fresh one replaced: typing it is `replaced`.
 */
function retry(step: Step, input: VerifyInput, policy: Policy): Step | undefined {
  const r = step.record;
  if (!policy.retryOnFailure || input.retry === undefined || r.to === undefined || r.test) {
    return undefined;
  }
  const send = checkSend(r, input.now, policy);
  if (!send.ok) return undefined;
  const old = r.code!;
  const placed = placeCode(
    { ...step, record: { ...r, code: undefined } },
    {
      now: input.now,
      candidate: input.retry,
      to: r.to,
      channels: r.channels,
      deliver: true,
      channel: input.retryChannel,
    },
    "retry",
    policy,
  );
  return {
    ...placed,
    // The wrong guess ended the old code: record that, and keep it aside for a failed delivery.
    events: [
      ...step.events,
      { type: "revoked", codeId: old.id, reason: "replaced", ...testFlag(old) },
      ...placed.events.slice(step.events.length),
    ],
    record: {
      ...placed.record,
      previous: old,
      replaced: replacedRef(old, input.now),
      sends: send.sends,
      sendsSince: send.sendsSince,
      lastSendAt: input.now,
    },
  };
}
