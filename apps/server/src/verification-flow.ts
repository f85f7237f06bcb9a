import type { OtpStatus, VerifyResult } from "@otpkit/otp-core";
import { MAX_INPUT_LENGTH, OTP_LIMITS } from "@otpkit/otp-core";
import { API_KEY_ID_LENGTH } from "./db/api-keys.js";
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
 * The longest subject the API takes: the engine's limit less the tenant prefix, so a subject
 * the API accepts is never refused by the engine.
 */
export const API_SUBJECT_MAX =
  OTP_LIMITS.subjectLength[1] - tenantSubject("k".repeat(API_KEY_ID_LENGTH), "").length;

/** The longest purpose: the engine's own limit (purposes carry no prefix). */
export const API_PURPOSE_MAX = OTP_LIMITS.purposeLength[1];

/**
 * The longest code input worth checking, for the API's `code` and the hosted page's field alike:
 * the engine's longest code (`OTP_LIMITS.codeLength`) with up to two separators after each symbol
 * (`normalizeCode` drops spaces and dashes: `12 - 34`, `1 2 3 4` pasted with stray spaces). Never
 * more than the engine's own guard (`MAX_INPUT_LENGTH`), so a code the edge takes is answered by
 * the engine (`malformed` at worst), never refused by it.
 */
export const MAX_CODE_INPUT = Math.min(MAX_INPUT_LENGTH, OTP_LIMITS.codeLength[1] * 3);

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
  if (result.status === "invalid" && result.codeId) {
    // The fresh code has its own expiry: the engine knows it (the row must agree, so the API and
    // the hosted page tell "expired" by the code the person holds now).
    const status = await rt.otp.lookup({ subject: v.subject, purpose: v.purpose });
    const fresh = status.latest?.codeId === result.codeId ? status.latest : null;
    await rt.verifications.replaceCode(v.id, {
      codeId: result.codeId,
      expiresAt: fresh?.expiresAt ?? v.expiresAt,
    });
  }
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

/** What `GET /api/v1/verifications/:id` says a verification is. */
export type VerificationState =
  | "pending"
  | "verified"
  | "cancelled"
  | "expired"
  | "exhausted"
  | "locked"
  | "replaced";

/**
 * Where a verification stands now, from its row and the engine's `lookup` of its subject: the
 * engine knows what happened to the code since (it expired, its attempts ran out, the subject
 * locked, a newer verification replaced it) and the code's current expiry (a fresh code sent
 * after a wrong guess has its own). `replaced`: a later verification of the same subject exists
 * (asked only when the engine no longer knows any code).
 *
 * @throws {never} Pure.
 * @example
 * const status = await rt.otp.lookup({ subject: v.subject, purpose: v.purpose });
 * const { state } = verificationState(v, status, Date.now(), await rt.verifications.hasNewer(v));
 */
export function verificationState(
  v: Verification,
  status: OtpStatus,
  now: number,
  replaced: boolean,
): { state: VerificationState; expiresAt: number } {
  const mine = status.latest !== null && status.latest.codeId === v.codeId ? status.latest : null;
  const expiresAt = mine?.expiresAt ?? v.expiresAt;
  if (v.status !== "pending") return { state: v.status, expiresAt };
  if (status.locked) return { state: "locked", expiresAt };
  if (mine !== null) return { state: mine.state === "active" ? "pending" : mine.state, expiresAt };
  // Another code is the subject's now, or was (a later verification, since verified or cancelled).
  if (status.latest !== null || replaced) return { state: "replaced", expiresAt };
  // No code left at all: it ran out of time (and the store forgot it), or it was revoked.
  return { state: now >= v.expiresAt ? "expired" : "cancelled", expiresAt };
}
