import type { DeliveryReceipt, OtpChannel, OtpMessage, SendOptions } from "@otpkit/otp-core";
import { abortedError, OtpError, raceAbort } from "@otpkit/otp-core";
import type {
  DKIMOptions,
  SendMailOptions,
  SentMessageInfo,
  Transport,
  Transporter,
} from "nodemailer";
import type { Mailbox } from "./address.js";
import { domainOf, normalizeAddress, parseMailbox } from "./address.js";
import type { OutboxOptions } from "./outbox.js";
import { KIND_HEADER } from "./outbox.js";
import { parseServerMessageId } from "./receipt.js";
import type { EmailRenderer } from "./render.js";
import { createRenderer } from "./render.js";
import { ABORTED_MESSAGE, configError, toOtpError } from "./smtp-errors.js";
import type { EmailSmtpOptions } from "./smtp-transport.js";
import { createTransporter } from "./smtp-transport.js";
import type { EmailTemplateOverrides } from "./templates.js";

/** Options of {@link createEmailChannel}. Exactly one of `smtp`, `outbox`, `transport`. */
export interface EmailChannelOptions {
  /**
   * The sender: `"no-reply@acme.test"`, `"Acme <no-reply@acme.test>"` or
   * `{ name: "Acme", address: "no-reply@acme.test" }`. Use an address on a domain that passes
   * SPF/DKIM/DMARC for the server you send through.
   */
  from: string | Mailbox;
  /**
   * SMTP server: nodemailer options or a connection URL (`smtps://user:pass@smtp.acme.test`).
   * Pooled by default; see {@link SMTP_DEFAULTS}.
   * @default undefined
   */
  smtp?: string | EmailSmtpOptions;
  /**
   * Development outbox: write each message to `dir` as `.eml` + `.json` instead of sending.
   * Read it back with {@link readOutbox}. Never use it in production: the files hold live codes.
   * @default undefined
   */
  outbox?: OutboxOptions;
  /**
   * Any nodemailer transport (a transport object with `send`, or a transporter from
   * `nodemailer.createTransport`), for SES, sendmail or a custom one. You own it: `close()`
   * does not close it.
   * @default undefined
   */
  transport?: Transport<SentMessageInfo> | Transporter<SentMessageInfo>;
  /** Product name for `{{productName}}`. @default the display name of `from`, else its domain */
  productName?: string;
  /** Help contact for `{{supportContact}}` (address, URL or phone); lines using it are omitted when unset. @default undefined */
  supportContact?: string;
  /** Template overrides by locale and kind. @default undefined (built-in English and Spanish) */
  templates?: EmailTemplateOverrides;
  /** Locale used when a message's locale has no templates. @default "en" */
  defaultLocale?: string;
  /** IANA time zone for expiry and lockout times. @default "UTC" */
  timeZone?: string;
  /**
   * DKIM signing for every message (`{ domainName, keySelector, privateKey }`), for any
   * transport. Not needed when your relay signs for you (SES, Postmark, SendGrid do).
   * @default undefined
   */
  dkim?: DKIMOptions;
}

// Our deliveryId goes into the Message-ID only when it is made of safe characters.
const SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Creates the e-mail channel: renders a message from templates and sends it through nodemailer
 * (SMTP, the dev outbox, or a transport you pass).
 *
 * Each message goes to exactly one validated address; the SMTP envelope is set explicitly to
 * that address and nodemailer is told to allow one recipient, no file access and no URL access.
 * Failures are `OtpError`s with `retryable` set from nodemailer's own classification; their
 * message, details and cause hold codes only, never the server's reply text or the OTP.
 *
 * @throws {OtpError} `CONFIG_INVALID` naming the option at fault.
 * @example
 * ```ts
 * const email = createEmailChannel({
 *   from: "Acme <no-reply@acme.test>",
 *   smtp: { host: "smtp.acme.test", port: 587, requireTLS: true, auth: { user, pass } },
 *   supportContact: "help@acme.test",
 * });
 * ```
 */
export function createEmailChannel(options: EmailChannelOptions): OtpChannel {
  if (typeof options !== "object" || options === null) {
    throw configError("options", "an object", options);
  }
  const from = parseMailbox(options.from);
  if (from === undefined) {
    throw configError(
      "from",
      'one sender address ("no-reply@acme.test" or "Acme <no-reply@acme.test>")',
      options.from,
    );
  }
  if (options.dkim !== undefined && (typeof options.dkim !== "object" || options.dkim === null)) {
    throw configError(
      "dkim",
      "nodemailer DKIM options ({ domainName, keySelector, privateKey })",
      options.dkim,
      undefined,
      { redact: true },
    );
  }
  const renderer = createRenderer({
    productName: options.productName ?? from.name ?? domainOf(from.address),
    supportContact: options.supportContact,
    templates: options.templates,
    defaultLocale: options.defaultLocale,
    timeZone: options.timeZone,
  });
  const { transporter, owned } = createTransporter(options);
  return emailChannel({ from, render: renderer, transporter, owned, dkim: options.dkim });
}

/** What an e-mail channel is made of, once its options are checked. */
interface EmailChannelParts {
  from: Mailbox;
  render: EmailRenderer;
  transporter: Transporter<SentMessageInfo>;
  /** Whether `close()` closes the transporter (we built it) or leaves it (the caller's). */
  owned: boolean;
  dkim: DKIMOptions | undefined;
}

/** The channel itself: a plain object, as the stores are. */
function emailChannel(parts: EmailChannelParts): OtpChannel {
  const { from, render, transporter, owned, dkim } = parts;
  let closed = false;
  return {
    name: "email",
    address: "email",
    async send(message: OtpMessage, options: SendOptions = {}): Promise<DeliveryReceipt> {
      const signal = options.signal;
      if (signal?.aborted) throw abortedError(signal, "email", ABORTED_MESSAGE);
      if (closed) {
        throw new OtpError("DELIVERY_FAILED", "The e-mail channel is closed", {
          retryable: false,
          source: "email",
        });
      }
      const to = recipientAddress(message);
      const mail = mailOf(message, to, from, render);
      if (dkim !== undefined) mail.dkim = dkim;
      if (signal !== undefined) mail.signal = signal;
      let info: SentMessageInfo;
      try {
        // nodemailer (10.5+) stops the SMTP transaction on the signal itself; the race makes the
        // rejection prompt for any transport.
        info = await raceAbort(transporter.sendMail(mail), signal, (aborted) =>
          abortedError(aborted, "email", ABORTED_MESSAGE),
        );
      } catch (error) {
        if (error instanceof OtpError) throw error;
        throw toOtpError(error);
      }
      return receiptOf(info, to);
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      // A pool closes its idle connections at once; one in the middle of a delivery finishes it.
      if (owned) transporter.close();
    },
  };
}

/** The nodemailer message for one validated recipient. */
function mailOf(
  message: OtpMessage,
  to: string,
  from: Mailbox,
  render: EmailRenderer,
): SendMailOptions {
  const rendered = render(message);
  const mail: SendMailOptions = {
    from: from.name ? { name: from.name, address: from.address } : from.address,
    // The To header is the bare address: the recipient's name never goes into a header.
    to,
    // The envelope is set explicitly, so what the server is told (RCPT TO) is exactly the one
    // validated address, whatever nodemailer would have derived from the headers.
    envelope: { from: from.address, to: [to] },
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    headers: {
      // RFC 3834: no vacation replies or other auto-responders to a code e-mail.
      "Auto-Submitted": "auto-generated",
      "X-Auto-Response-Suppress": "All",
      [KIND_HEADER]: message.kind,
    },
    // Per message too, for transports passed in by the caller that we did not configure.
    disableFileAccess: true,
    disableUrlAccess: true,
    maxRecipients: 1,
    attachDataUrls: false,
    xMailer: false,
  };
  if (typeof message.deliveryId === "string" && SAFE_ID.test(message.deliveryId)) {
    // A stable Message-ID per delivery: a retry of the same delivery (after a timeout that
    // hid a success) carries the same id, which lets mailboxes drop the duplicate, and a
    // bounce can be matched back to the delivery.
    mail.messageId = `<otp.${message.kind}.${message.deliveryId}@${domainOf(from.address)}>`;
  }
  return mail;
}

function recipientAddress(message: OtpMessage): string {
  const to = normalizeAddress(message?.to);
  if (to === undefined) {
    // The address is not echoed: it is personal data and may be hostile.
    const given: unknown = message?.to;
    const got =
      typeof given === "string"
        ? `a string of ${given.length} characters`
        : given === null
          ? "null"
          : typeof given;
    throw new OtpError(
      "RECIPIENT_INVALID",
      `"to" expected exactly one plain e-mail address (no name, list, or line break), got ${got}`,
      { field: "to", source: "email", retryable: false },
    );
  }
  return to;
}

function receiptOf(info: SentMessageInfo, to: string): DeliveryReceipt {
  const rejected = Array.isArray(info.rejected) ? (info.rejected as unknown[]) : [];
  if (
    rejected.some(
      (address) => typeof address === "string" && address.toLowerCase() === to.toLowerCase(),
    )
  ) {
    // Only an LMTP server or a partial-accept path resolves with our one recipient rejected.
    const first = Array.isArray(info["rejectedErrors"])
      ? (info["rejectedErrors"] as unknown[])[0]
      : undefined;
    throw toOtpError(first ?? { code: "EENVELOPE" });
  }
  const messageId = typeof info.messageId === "string" ? info.messageId : "";
  const receipt: DeliveryReceipt = { messageId };
  const fromServer =
    typeof info["serverMessageId"] === "string" ? (info["serverMessageId"] as string) : undefined;
  const serverMessageId = fromServer ?? parseServerMessageId(info.response);
  if (serverMessageId !== undefined) receipt.serverMessageId = serverMessageId;
  return receipt;
}
