// Every OTP rule of otpkit, as pure decisions: (record, request, now, policy) → (next record,
// outcome, effects). No I/O, no clock, no randomness here; the engine (engine.ts) reads, decides,
// commits with one compare-and-set, and only then performs the effects.
export {
  decideDelivered,
  decideRevoke,
  decideUndelivered,
  type UndeliveredOutcome,
} from "./end.js";
export { decideIssue, type IssueInput } from "./issue.js";
export {
  decideSettle,
  decideUnlock,
  finish,
  isLocked,
  lockDuration,
  settleLock,
  start,
} from "./lock.js";
export {
  decideQuota,
  decideQuotaRefund,
  type QuotaInput,
  type QuotaLimits,
  type QuotaOutcome,
  quotaTtl,
} from "./quota.js";
export { statusOf } from "./status.js";
export { checkSend } from "./throttle.js";
export { recordTtl } from "./ttl.js";
export type { Candidate, Decision, EventDraft, MessageEffect, Policy } from "./types.js";
export { decideVerify, isWellFormed, type VerifyInput } from "./verify.js";
