/** What a message is for. Each kind has its own template in every channel. */
export type OtpMessageKind =
  /** The code, after `issue`. */
  | "code"
  /** A fresh code after a failed attempt (the previous one is already invalid). */
  | "retry"
  /** No code: sign-in is paused until `lockedUntil`. */
  | "lockout"
  /** No code: the lockout window has passed, the person may try again. */
  | "unlock";

/** How a channel addresses people. */
export type AddressKind = "email" | "phone";

/** Who a message goes to, as the caller knows them. */
export interface Recipient {
  /** E-mail address. */
  email?: string;
  /** Phone in E.164 (`+` and digits). */
  phone?: string;
  /** Display name for greetings. */
  name?: string;
  /** BCP 47 language tag (`"en"`, `"es-MX"`); channels fall back to English. */
  locale?: string;
}

/** One message handed to a channel. */
export interface OtpMessage {
  kind: OtpMessageKind;
  /** The address this channel delivers to (an e-mail address or an E.164 number). */
  to: string;
  /** Name and locale for the template. */
  recipient: Recipient;
  /** The code, for `code` and `retry` messages only. Channels must never log it or put it in an error. */
  code?: string;
  /** When the code stops working (epoch ms), for `code` and `retry`. */
  expiresAt?: number;
  /** Its remaining life in ms at send time, for `code` and `retry` (WhatsApp message TTL). */
  ttlMs?: number;
  /** Until when sign-in is paused (epoch ms), for `lockout`. */
  lockedUntil?: number;
  /** BCP 47 language tag resolved for this message. @default "en" */
  locale: string;
  /** What the code is for (`"login"`, `"phone-verification"`): a template may mention it. */
  purpose: string;
  /** Our id for this delivery; channels pass it to the provider so status webhooks can be matched. */
  deliveryId: string;
}

/** What a channel returns once the provider accepted a message. */
export interface DeliveryReceipt {
  /** The provider's message id (SMTP Message-ID, WhatsApp `wamid`). */
  messageId: string;
  /** A second id some providers give (SMTP server queue id). */
  serverMessageId?: string;
}

/** Options for {@link OtpChannel.send}. */
export interface SendOptions {
  /** Abort the send (timeout, shutdown). A channel rejects with `OtpError` `ABORTED` when it fires. */
  signal?: AbortSignal;
}

/**
 * The channel contract. A channel throws `OtpError` on failure with `retryable` set: `true` for
 * failures worth repeating (timeouts, throttling, 4xx SMTP), `false` for permanent ones (unknown
 * recipient, rejected credentials), so the orchestration retries the first and falls back on the
 * second. The code never appears in an error message, a log line or `details`.
 */
export interface OtpChannel {
  /** Stable name (`"email"`, `"whatsapp"`); also the name callers use to prefer a channel. */
  readonly name: string;
  /** Which recipient field this channel needs. */
  readonly address: AddressKind;
  send(message: OtpMessage, options?: SendOptions): Promise<DeliveryReceipt>;
  /** Releases pooled connections. */
  close?(): Promise<void>;
}
