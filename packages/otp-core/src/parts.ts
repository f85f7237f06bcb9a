import type { SubjectRef } from "./api.js";
import { argumentError, astring } from "./assert.js";
import type { Recipient } from "./channel.js";
import type { CodeMaker } from "./codes.js";
import type { Committer } from "./commit.js";
import type { Namer } from "./crypto.js";
import { OTP_DEFAULTS, OTP_LIMITS } from "./defaults.js";
import type { Deliverer } from "./delivery.js";
import type { DestinationQuota } from "./destination-quota.js";
import type { Effects, SubjectContext } from "./effects.js";
import type { Idempotency } from "./idempotency.js";
import type { ShellOptions } from "./options.js";
import type { SubjectRecord } from "./record.js";
import type { Decision, Policy } from "./rules/index.js";
import { decideSettle } from "./rules/index.js";
import type { UnlockTimers } from "./unlock-timers.js";

/** @internal The engine's parts, built once by `createOtp` and shared by its operations. */
export interface Parts {
  readonly policy: Policy;
  readonly shell: ShellOptions;
  readonly committer: Committer;
  readonly effects: Effects;
  readonly codes: CodeMaker;
  readonly deliverer: Deliverer;
  readonly idempotency: Idempotency;
  readonly timers: UnlockTimers;
  readonly namer: Namer;
  /** The send quota per destination; `undefined` when turned off. */
  readonly quota: DestinationQuota | undefined;
}

/** @internal Checks a subject reference and names its record. */
export function contextOf(parts: Parts, ref: SubjectRef): SubjectContext {
  if (typeof ref !== "object" || ref === null) throw argumentError("request", "an object", ref);
  const subject = astring("subject", ref.subject, OTP_LIMITS.subjectLength[1]);
  const purpose = astring(
    "purpose",
    ref.purpose ?? OTP_DEFAULTS.purpose,
    OTP_LIMITS.purposeLength[1],
  );
  const sid = parts.namer.subject(subject, purpose);
  return { subject, purpose, sid, key: `{${sid}}` };
}

/**
 * @internal Commits a decision for one subject, then performs its events and notices and arms
 * the unlock timer for a new lock. Code messages are the caller's (they need the plaintext).
 */
export async function commitAndEmit<O>(
  parts: Parts,
  ctx: SubjectContext,
  decide: (record: SubjectRecord | null, now: number) => Decision<O>,
): Promise<Decision<O>> {
  const decision = await parts.committer.commit(ctx.key, decide);
  // Each step only when it has something to do: most decisions lock nothing and notify no one,
  // and an engine without an event sink records nothing.
  if (decision.events.length > 0 && parts.shell.events !== undefined) {
    await parts.effects.emit(ctx, decision.events);
  }
  if (locks(decision.events)) {
    parts.timers.schedule(ctx.key, decision.events, parts.shell.now(), async () => {
      await commitAndEmit(parts, ctx, (record, now) => decideSettle(record, now, parts.policy));
    });
  }
  if (decision.messages.length > 0) await parts.effects.notify(ctx, decision.messages);
  return decision;
}

function locks(events: Decision<unknown>["events"]): boolean {
  for (const event of events) if (event.type === "locked") return true;
  return false;
}

/** @internal Checks a recipient argument. */
export function checkRecipient(recipient: Recipient): void {
  if (typeof recipient !== "object" || recipient === null)
    throw argumentError("recipient", "an object", recipient);
  for (const field of ["email", "phone", "name", "locale"] as const) {
    const value = recipient[field];
    if (value !== undefined && (typeof value !== "string" || value.length > 320)) {
      throw argumentError(`recipient.${field}`, "string up to 320 characters", value);
    }
  }
}
