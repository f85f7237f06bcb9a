import type { VerifyResult } from "@otpkit/otp-core";
import type { Verification } from "./db/verifications.js";
import type { Runtime } from "./runtime.js";

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
