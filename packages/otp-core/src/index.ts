export {
  abortedError,
  argumentError,
  type ConfigErrorOptions,
  configError,
  intOption,
  raceAbort,
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
export type { DestinationQuotaOptions } from "./destination-quota.js";
export { createOtp } from "./engine.js";
export {
  isOtpError,
  OTP_ERROR_CODES,
  OtpError,
  type OtpErrorCode,
  type OtpErrorOptions,
} from "./errors.js";
export { OTP_EVENT_TYPES, type OtpEvent, type OtpEventSink, type OtpEventType } from "./events.js";
export { languageCandidates, languageDirection, matchLanguage } from "./language-match.js";
export {
  OTP_LANGUAGE_TAGS,
  OTP_LANGUAGES,
  type OtpLanguage,
  type OtpLanguageTag,
} from "./languages.js";
export { maskDestination, maskEmail, maskPhone } from "./mask.js";
export type { HmacFunction, OtpOptions } from "./options.js";
export { OTP_PHONE_REGIONS } from "./phone-regions.js";
export { type CodePolicy, type CodePolicyOptions, createCodePolicy, MIN_BITS } from "./policy.js";
export { type RandomSource, randomString } from "./random.js";
export {
  type CodeState,
  EMPTY_RECORD,
  type ReplacedCode,
  type SubjectRecord,
} from "./record.js";
export { decodeRecord, encodeRecord } from "./record-codec.js";
export * as rules from "./rules/index.js";
export { createMemoryStore, type MemoryStoreOptions, type OtpStore } from "./store.js";
