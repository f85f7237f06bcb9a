import type { OtpErrorCode } from "./errors.js";

/** Every kind of event otp-core records. */
export const OTP_EVENT_TYPES = [
  "issued",
  "delivered",
  "delivery_failed",
  "verified",
  "failed",
  "expired",
  "exhausted",
  "locked",
  "unlocked",
  "revoked",
  "quota_exceeded",
] as const;

/** The kind of an {@link OtpEvent}. */
export type OtpEventType = (typeof OTP_EVENT_TYPES)[number];

/**
 * One step in a code's life, for the audit trail. Events never carry the code, its hash or a
 * secret; destinations appear masked only.
 */
export interface OtpEvent {
  type: OtpEventType;
  /** Epoch ms, from the injected clock. */
  at: number;
  subject: string;
  purpose: string;
  /** The code's id (not the code) when the event concerns one. */
  codeId?: string;
  /** Channel name, for delivery events and `issued`. */
  channel?: string;
  /** Masked destination (`***78`, `j***@example.com`). */
  destination?: string;
  /** Message kind for delivery events (`code`, `retry`, `lockout`, `unlock`). */
  messageKind?: string;
  /** Our id of one message (the same over retries and fallbacks), for delivery events; channels pass it to providers. */
  deliveryId?: string;
  /** Provider message id, for `delivered`. */
  messageId?: string;
  /** Error code for `delivery_failed`. */
  error?: OtpErrorCode;
  /** Whether a `delivery_failed` was retryable. */
  retryable?: boolean;
  /** Attempts left on the code after a `failed` attempt. */
  attemptsRemaining?: number;
  /** Expiry of the code, for `issued`. */
  expiresAt?: number;
  /** Until when the subject is locked, for `locked`. */
  lockedUntil?: number;
  /** True for codes of test recipients (fixed code, no delivery). */
  test?: boolean;
  /**
   * Free-form reason (`"replaced"`, `"revoked"`, `"budget"`; for `quota_exceeded`, which quota:
   * `"destination_quota"`), never sensitive.
   */
  reason?: string;
}

/** Receives events. It is awaited; if it throws, the error goes to `onSinkError` and the operation goes on. */
export type OtpEventSink = (event: OtpEvent) => void | Promise<void>;
