export {
  abortedError,
  argumentError,
  type ConfigErrorOptions,
  configError,
  intOption,
} from "./adapter-helpers.js";
export { ALPHABETS, type AlphabetName, MAX_INPUT_LENGTH, normalizeCode } from "./alphabet.js";
export type {
  IssueRequest,
  IssueResult,
  LockedResult,
  Otp,
  OtpStatus,
  SubjectRef,
  VerifyRequest,
  VerifyResult,
} from "./api.js";
export type {
  AddressKind,
  DeliveryReceipt,
  OtpChannel,
  OtpMessage,
  OtpMessageKind,
  Recipient,
  SendOptions,
} from "./channel.js";
export { constantTimeEqual, type OtpSecret } from "./crypto.js";
export { OTP_DEFAULTS, OTP_LIMITS, type OtpDefaults, type OtpLimits } from "./defaults.js";
export type { DeliveryOptions } from "./delivery.js";
export { createOtp } from "./engine.js";
export {
  isOtpError,
  OTP_ERROR_CODES,
  OtpError,
  type OtpErrorCode,
  type OtpErrorOptions,
} from "./errors.js";
export { OTP_EVENT_TYPES, type OtpEvent, type OtpEventSink, type OtpEventType } from "./events.js";
export { maskDestination, maskEmail, maskPhone } from "./mask.js";
export type { HmacFunction, OtpOptions } from "./options.js";
export { type CodePolicy, type CodePolicyOptions, createCodePolicy, MIN_BITS } from "./policy.js";
export { type RandomSource, randomString } from "./random.js";
export {
  type CodeState,
  decodeRecord,
  EMPTY_RECORD,
  encodeRecord,
  type SubjectRecord,
} from "./record.js";
export * as rules from "./rules/index.js";
export { createMemoryStore, type MemoryStoreOptions, type OtpStore } from "./store.js";
