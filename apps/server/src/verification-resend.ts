import type { OtpErrorCode } from "@otpkit/otp-core";
import { isOtpError } from "@otpkit/otp-core";
import type { Verification } from "./db/verifications.js";
import { KeyQuotaExceeded } from "./key-quota.js";
import type { Runtime } from "./runtime.js";
import type { VerificationState } from "./verification-flow.js";
import { verificationState } from "./verification-flow.js";

/** What {@link resendCode} did. */
export type ResendResult =
  | {
      status: "sent";
      /** Masked destination of the new code (`a***@example.com`), when the engine said. */
      destination: string | null;
      /** Guesses the new code allows: its own attempts, or fewer when the budget has less. */
      attemptsRemaining: number;
      expiresAt: number;
    }
  /** The resend rules (cooldown, sends per window) or a send quota say: not yet. */
  | { status: "throttled"; retryAfterMs: number }
  | { status: "locked"; lockedUntil: number | null }
  /** No new code can be sent for this verification (see {@link canResend}). */
  | { status: "unavailable" }
  /** The channel could not take the message; nothing changed, a later try may work. */
  | { status: "failed" };

/** The states in which a person may ask for a new code: waiting for one, or it ran out. */
const RESENDABLE: ReadonlySet<VerificationState> = new Set(["pending", "expired", "exhausted"]);

/**
 * Delivery errors: the code did not go out, and the person can only try again later. Also a
 * destination the phone-country allow-list refuses now (the list changed since the first code).
 */
const UNDELIVERED: ReadonlySet<OtpErrorCode> = new Set([
  "NO_CHANNEL",
  "DESTINATION_NOT_ALLOWED",
  "DELIVERY_FAILED",
  "RECIPIENT_INVALID",
  "PROVIDER_REJECTED",
  "PROVIDER_THROTTLED",
  "ABORTED",
]);

/**
 * Whether a verification in `state` may get a new code: it is still waiting for one (the first
 * did not arrive), or its code expired or ran out of attempts. Never once it was verified or
 * cancelled, while its subject is locked, or after a later verification replaced it (a new code
 * would end that one's).
 *
 * @throws {never}
 * @example
 * canResend("exhausted"); // true
 */
export function canResend(state: VerificationState): boolean {
  return RESENDABLE.has(state);
}

/**
 * Sends a verification a new code, to the recipient it was created for (kept sealed with it) and
 * through the same channels, under the engine's resend rules. The new code becomes the
 * verification's own (code id, expiry, destination), so the API's `GET /verifications/:id` and
 * the hosted page follow it. A resend does not refill the failure budget (the engine's rule).
 *
 * @returns `sent`, or why not: `throttled` (with the wait), `locked`, `unavailable`, `failed`.
 * @throws {OtpError} Store failures (`STORE_UNAVAILABLE`, …); delivery failures are `failed`.
 * @example
 * const result = await resendCode(rt, v);
 * if (result.status === "throttled") console.log(`wait ${result.retryAfterMs} ms`);
 */
export async function resendCode(rt: Runtime, v: Verification): Promise<ResendResult> {
  if (v.status !== "pending") return { status: "unavailable" };
  const target = await rt.verifications.resendTarget(v.id);
  if (target === null) return { status: "unavailable" };
  const ref = { subject: v.subject, purpose: v.purpose };
  const before = await rt.otp.lookup(ref);
  if (before.locked) return { status: "locked", lockedUntil: before.lockedUntil };
  // `replaced` is moot here: a replaced verification keeps no recipient (resendTarget is null).
  const { state } = verificationState(v, before, rt.now(), false);
  if (!canResend(state)) return { status: "unavailable" };

  // A resend is a send of the key that made the verification: it counts against its quota.
  const otp = v.apiKeyId === null ? rt.otp : rt.keyQuota.forKey(rt.otp, v.apiKeyId);
  let result: Awaited<ReturnType<typeof rt.otp.issue>>;
  try {
    result = await otp.issue({
      ...ref,
      recipient: target.recipient,
      ...(target.channels ? { channels: target.channels } : {}),
    });
  } catch (error) {
    if (error instanceof KeyQuotaExceeded) {
      return { status: "throttled", retryAfterMs: error.retryAfterMs };
    }
    if (isOtpError(error) && UNDELIVERED.has(error.code)) {
      rt.logger.warn({ err: { code: error.code }, verification: v.id }, "resend not delivered");
      return { status: "failed" };
    }
    throw error;
  }
  if (result.status === "locked") return { status: "locked", lockedUntil: result.lockedUntil };
  if (result.status !== "issued") {
    // The resend rules, or any other refusal that says how long to wait.
    const wait = (result as { retryAfterMs?: unknown }).retryAfterMs;
    return typeof wait === "number"
      ? { status: "throttled", retryAfterMs: wait }
      : { status: "failed" };
  }
  await rt.verifications.replaceCode(v.id, {
    codeId: result.codeId,
    expiresAt: result.expiresAt,
    ...(result.channel !== undefined ? { channel: result.channel } : {}),
    ...(result.destination !== undefined ? { destination: result.destination } : {}),
  });
  const after = await rt.otp.lookup(ref);
  const active = after.active?.codeId === result.codeId ? after.active : null;
  return {
    status: "sent",
    destination: result.destination ?? v.destination,
    attemptsRemaining: active?.attemptsRemaining ?? result.attemptsAllowed,
    expiresAt: result.expiresAt,
  };
}
