import type { SubjectRecord } from "../record.js";
import type { Policy } from "./types.js";

/** Whether a code may be sent now, and if not, why and for how long. */
export type SendCheck =
  | { ok: true; sends: number; sendsSince: number }
  | { ok: false; reason: "cooldown" | "max_sends"; retryAfterMs: number };

/**
 * The resend throttle: a cooldown between two codes, and a cap per window that starts at the
 * first send in it. Checked before anything is generated or sent: each send costs money and
 * reaches a person's phone.
 */
export function checkSend(r: SubjectRecord, now: number, policy: Policy): SendCheck {
  if (r.lastSendAt !== undefined && r.lastSendAt + policy.cooldownMs > now) {
    return { ok: false, reason: "cooldown", retryAfterMs: r.lastSendAt + policy.cooldownMs - now };
  }
  const windowOver = r.sends === 0 || r.sendsSince + policy.sendWindowMs <= now;
  const sends = windowOver ? 0 : r.sends;
  const sendsSince = windowOver ? now : r.sendsSince;
  if (sends >= policy.maxSends) {
    return { ok: false, reason: "max_sends", retryAfterMs: sendsSince + policy.sendWindowMs - now };
  }
  return { ok: true, sends: sends + 1, sendsSince };
}

/** When the next send is allowed, for `lookup`; `null` when it is allowed now. */
export function nextSendAt(r: SubjectRecord, now: number, policy: Policy): number | null {
  const check = checkSend(r, now, policy);
  return check.ok ? null : now + check.retryAfterMs;
}
