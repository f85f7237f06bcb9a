import type { IssueResult, LockedResult } from "../api.js";
import type { Recipient } from "../channel.js";
import type { CodeState, SubjectRecord } from "../record.js";
import { EMPTY_RECORD } from "../record.js";
import type { Step } from "./lock.js";
import { finish, isLocked, settleLock, start, testFlag } from "./lock.js";
import { replacedRef } from "./replaced.js";
import { checkSend } from "./throttle.js";
import type { Candidate, Decision, EventDraft, Policy } from "./types.js";

/** What {@link decideIssue} needs besides the record. */
export interface IssueInput {
  readonly now: number;
  readonly candidate: Candidate;
  readonly to?: Recipient;
  readonly channels?: readonly string[];
  /** Whether the shell will deliver it (false: the caller gets the code). */
  readonly deliver: boolean;
  /** The first channel of the delivery plan (`"test"` for a test recipient). */
  readonly channel?: string;
}

/**
 * `issue`: a lock refuses, the throttle refuses, otherwise the candidate becomes the active code.
 * It replaces the previous one in the same write (invalidating it) but does NOT reset the failure
 * budget (NIST SP 800-63B-4 3.1.3.2: a resend must not hand out fresh guesses). A replaced live
 * code is kept aside as `previous`, to be given back if the new one cannot be delivered, and as
 * `replaced` until its expiry, so that typing it answers `replaced` (rules/replaced.ts).
 */
export function decideIssue(
  stored: SubjectRecord | null,
  input: IssueInput,
  policy: Policy,
): Decision<IssueResult> {
  const { now } = input;
  const step = settleLock(start(stored ?? EMPTY_RECORD), now, policy);
  const r = step.record;
  if (isLocked(r, now)) return finish(step, lockedOutcome(r, now));
  const send = checkSend(r, now, policy);
  if (!send.ok) {
    return finish(step, {
      status: "throttled",
      reason: send.reason,
      retryAfterMs: send.retryAfterMs,
    });
  }
  const next = placeCode(step, input, "code", policy);
  return finish(
    {
      ...next,
      record: { ...next.record, sends: send.sends, sendsSince: send.sendsSince, lastSendAt: now },
    },
    {
      status: "issued",
      codeId: input.candidate.id,
      expiresAt: now + policy.ttlMs,
      attemptsAllowed: policy.maxAttempts,
    },
  );
}

/**
 * @internal Makes the candidate the active code (for `issue`, and for a `retry` after a wrong
 * guess): ends the code it replaces with an event, and records where it goes. The throttle is the
 * caller's to check and count.
 */
export function placeCode(
  step: Step,
  input: IssueInput,
  kind: "code" | "retry",
  policy: Policy,
): Step {
  const { now, candidate } = input;
  const r = step.record;
  const old = r.code;
  const events: EventDraft[] = [...step.events];
  let previous: CodeState | undefined;
  if (old !== undefined && old.ended === undefined) {
    if (old.expiresAt <= now) {
      events.push({ type: "expired", codeId: old.id, ...testFlag(old) });
    } else {
      events.push({ type: "revoked", codeId: old.id, reason: "replaced", ...testFlag(old) });
      previous = old;
    }
  }
  const code: CodeState = {
    id: candidate.id,
    keyId: candidate.keyId,
    mac: candidate.mac,
    issuedAt: now,
    expiresAt: now + policy.ttlMs,
    used: 0,
    max: policy.maxAttempts,
    // Every field, absent ones undefined, in the interface's order: see makeRecord (record.ts).
    channel: input.channel,
    sealed: candidate.sealed,
    test: candidate.test ? true : undefined,
    ended: undefined,
  };
  events.push({
    type: "issued",
    codeId: code.id,
    expiresAt: code.expiresAt,
    messageKind: kind,
    ...testFlag(code),
  });
  const to = input.to ?? r.to;
  const deliver = input.deliver && !candidate.test && to !== undefined;
  const record: SubjectRecord = {
    ...r,
    code,
    // Only a code that still has to be delivered may need its predecessor back.
    previous: deliver ? previous : undefined,
    // Typing the replaced code is recognised however the new one reached the person.
    replaced: replacedRef(previous, now),
    to,
    channels: input.to === undefined ? r.channels : input.channels,
    test: candidate.test ? true : undefined,
  };
  return {
    record,
    changed: true,
    events,
    // A lock noticed by this very request needs no separate unlock notice: the code says it. Two
    // messages back to back would also trip WhatsApp's per-recipient pacing for the code itself.
    messages: deliver
      ? [
          ...step.messages.filter((m) => m.kind !== "unlock"),
          { kind, codeId: code.id, to: record.to!, channels: record.channels },
        ]
      : step.messages,
  };
}

/** @internal The `locked` answer for a locked record. */
export function lockedOutcome(r: SubjectRecord, now: number): LockedResult {
  const until = r.lock?.until ?? null;
  return {
    status: "locked",
    lockedUntil: until,
    retryAfterMs: until === null ? null : until - now,
  };
}
