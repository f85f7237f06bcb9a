import type { CodeState, SubjectRecord } from "../record.js";
import { EMPTY_RECORD } from "../record.js";
import { attemptsLeft, finish, start, testFlag } from "./lock.js";
import type { Decision, EventDraft, Policy } from "./types.js";

/** `revoke`: ends the active code (only that one, with `codeId`). An ended code is not revoked again. */
export function decideRevoke(
  stored: SubjectRecord | null,
  input: { codeId?: string; reason: string },
): Decision<boolean> {
  const r = stored ?? EMPTY_RECORD;
  const code = r.code;
  if (code === undefined || code.ended !== undefined) return finish(start(r), false);
  if (input.codeId !== undefined && code.id !== input.codeId) return finish(start(r), false);
  return {
    next: { ...r, code: undefined, previous: undefined, replaced: undefined },
    outcome: true,
    events: [{ type: "revoked", codeId: code.id, reason: input.reason, ...testFlag(code) }],
    messages: [],
  };
}

/** What became of the code an undelivered one had replaced. */
export type UndeliveredOutcome =
  | { restored: CodeState; attemptsRemaining: number }
  | { restored: undefined; previous?: "expired" | "exhausted" };

/**
 * Every channel failed for code `codeId`: it is withdrawn (`revoked`, reason `undelivered`) so the
 * trail ends, the cooldown is lifted so the person can ask again at once (the send still counts
 * against the window cap: it cost), and the code it replaced comes back if it is still usable —
 * unexpired, with attempts left. If `codeId` is no longer the active code (verified, revoked,
 * replaced since), nothing changes: the state itself says it is gone, no race can bring back a
 * code that was used.
 */
export function decideUndelivered(
  stored: SubjectRecord | null,
  input: { now: number; codeId: string },
  policy: Policy,
): Decision<UndeliveredOutcome> {
  const r = stored ?? EMPTY_RECORD;
  if (r.code?.id !== input.codeId) return finish(start(r), { restored: undefined });
  const events: EventDraft[] = [
    { type: "revoked", codeId: input.codeId, reason: "undelivered", ...testFlag(r.code) },
  ];
  const prev = r.previous;
  let restored: CodeState | undefined;
  let previous: "expired" | "exhausted" | undefined;
  if (prev !== undefined) {
    if (prev.expiresAt <= input.now) previous = "expired";
    else if (prev.used >= prev.max) previous = "exhausted";
    else restored = prev;
    events.push(
      restored
        ? {
            type: "issued",
            codeId: prev.id,
            expiresAt: prev.expiresAt,
            reason: "restored",
            ...testFlag(prev),
          }
        : { type: previous!, codeId: prev.id, ...testFlag(prev) },
    );
  }
  const next: SubjectRecord = {
    ...r,
    code: restored,
    previous: undefined,
    // The restored code is the active one again (or none is): nothing it replaced is left.
    replaced: undefined,
    lastSendAt: undefined,
  };
  return {
    next,
    outcome: restored
      ? {
          restored,
          attemptsRemaining: attemptsLeft(r, restored, r.failures, policy),
        }
      : { restored: undefined, previous },
    events,
    messages: [],
  };
}

/** A fallback channel delivered code `codeId`: remember which, for `lookup` and the card. */
export function decideDelivered(
  stored: SubjectRecord | null,
  input: { codeId: string; channel: string },
): Decision<void> {
  const r = stored ?? EMPTY_RECORD;
  if (r.code?.id !== input.codeId || r.code.channel === input.channel) {
    return finish(start(r), undefined);
  }
  return {
    next: { ...r, code: { ...r.code, channel: input.channel } },
    outcome: undefined,
    events: [],
    messages: [],
  };
}
