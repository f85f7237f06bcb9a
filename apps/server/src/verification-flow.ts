import type { VerifyResult } from "@otpkit/otp-core";
import type { Verification } from "./db/verifications.js";
import type { Runtime } from "./runtime.js";

/**
 * The engine's subject for an API key's subject. Each API key has its own subjects: "user-1" of
 * one service is not "user-1" of another, so one key can neither replace, lock, unlock nor read
 * the audit trail of another key's users.
 */
export function tenantSubject(apiKeyId: string, subject: string): string {
  return `key:${apiKeyId}:${subject}`;
}

/**
 * An operator's unlock of one API key's subject (API route and CLI): ends any lock, also one at
 * the consecutive-failure cap that lasts until now, clears the failure counters, and records
 * `unlocked` (reason `operator`) with the unlock notice to the person.
 *
 * @returns true when the subject was locked.
 */
export function unlockSubject(
  rt: Runtime,
  apiKeyId: string,
  subject: string,
  purpose: string,
): Promise<boolean> {
  return rt.otp.unlock({ subject: tenantSubject(apiKeyId, subject), purpose });
}

/**
 * The one way a verification is checked, from the API or the hosted page: the engine is asked
 * about THIS verification's code (`codeId`), so a stale id can never spend a newer code; a
 * fresh code sent after a wrong guess (retry-on-failure) becomes this verification's code; a
 * success completes it once and runs the completion hooks.
 */
export async function checkVerification(
  rt: Runtime,
  v: Verification,
  code: string,
  via: "api" | "hosted",
  idempotencyKey?: string,
): Promise<VerifyResult> {
  const result = await rt.otp.verify({
    subject: v.subject,
    purpose: v.purpose,
    code,
    ...(v.codeId ? { codeId: v.codeId } : {}),
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
  rt.metrics.outcome(result, via);
  if (result.status === "invalid" && result.codeId)
    await rt.verifications.replaceCode(v.id, result.codeId);
  if (result.status === "verified" && (await rt.verifications.complete(v.id, "verified"))) {
    await rt.verified({ ...v, status: "verified" });
  }
  return result;
}

/** Cancels a pending verification and ends its code (never a newer one). */
export async function cancelVerification(rt: Runtime, v: Verification): Promise<void> {
  if (v.status !== "pending") return;
  await rt.otp.revoke({
    subject: v.subject,
    purpose: v.purpose,
    reason: "cancelled",
    ...(v.codeId ? { codeId: v.codeId } : {}),
  });
  await rt.verifications.complete(v.id, "cancelled");
}
