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

/**
 * When the next send is allowed, for `lookup`; `null` when it is allowed now. Both limits count:
 * the later of the cooldown's end and the window cap's end.
 */
export function nextSendAt(r: SubjectRecord, now: number, policy: Policy): number | null {
  let at = now;
  // At most two steps: past the cooldown, then past the window (whose check then resets).
  for (let i = 0; i < 3; i++) {
    const check = checkSend(r, at, policy);
    if (check.ok) return at === now ? null : at;
    at += check.retryAfterMs;
  }
  return at;
}
