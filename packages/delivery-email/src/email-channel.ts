import type { DeliveryReceipt, OtpChannel, OtpMessage, SendOptions } from "@otpkit/otp-core";
import { abortedError, OtpError } from "@otpkit/otp-core";
import type {
  DKIMOptions,
  SendMailOptions,
  SentMessageInfo,
  SMTPPoolOptions,
  Transport,
  Transporter,
} from "nodemailer";
import nodemailer from "nodemailer";
import { parseConnectionUrl } from "nodemailer/lib/shared";
import type { Mailbox } from "./address.js";
import { domainOf, normalizeAddress, parseMailbox } from "./address.js";
import { ABORTED_MESSAGE, configError, toOtpError } from "./classify.js";
import type { OutboxOptions } from "./outbox.js";
import { createOutboxTransport, KIND_HEADER } from "./outbox.js";
import { parseServerMessageId } from "./receipt.js";
import type { EmailRenderer } from "./render.js";
import { createRenderer } from "./render.js";
import type { EmailTemplateOverrides } from "./templates.js";

/**
 * SMTP options: nodemailer's own (`host`, `port`, `secure`, `requireTLS`, `auth`, `tls`,
 * `dkim`, `pool`, `maxConnections`, timeouts, `logger`, ...), with the defaults of
 * {@link SMTP_DEFAULTS} where you set nothing. `debug: true` is refused: nodemailer would log
 * the message data, and with it the code.
 */
export type EmailSmtpOptions = SMTPPoolOptions;

/**
 * What the channel sets unless you do. nodemailer's own timeouts are sized for bulk mail (2
 * minutes to connect, 10 minutes of socket silence); a person waiting for a code needs an
 * answer, and the caller needs a failure early enough to retry or fall back.
 */
export const SMTP_DEFAULTS = {
  /** Reuse connections: one TLS handshake and AUTH per connection, not per code. */
  pool: true,
  /** A couple of connections are plenty for codes and keep us under provider limits. */
  maxConnections: 2,
  /** Messages per connection before it is replaced. */
  maxMessages: 100,
  /** Resend once if a pooled connection dropped mid-send (the server had closed it while idle). */
  maxRequeues: 1,
  /** 10 s to open the TCP connection (nodemailer: 2 minutes). */
  connectionTimeout: 10_000,
  /** 10 s for the server's greeting (nodemailer: 30 s). */
  greetingTimeout: 10_000,
  /** 30 s of silence mid-conversation (nodemailer: 10 minutes). */
  socketTimeout: 30_000,
  /** 10 s for DNS (nodemailer: 30 s). */
  dnsTimeout: 10_000,
} as const satisfies SMTPPoolOptions;

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
  return new EmailChannel(from, renderer, transporter, owned, options.dkim);
}

function createTransporter(options: EmailChannelOptions): {
  transporter: Transporter<SentMessageInfo>;
  owned: boolean;
} {
  const chosen = (["smtp", "outbox", "transport"] as const).filter(
    (key) => options[key] !== undefined,
  );
  if (chosen.length === 0) {
    throw configError(
      "smtp",
      "SMTP options or a connection URL",
      undefined,
      'set "smtp", or "outbox: { dir }" for development, or "transport"',
    );
  }
  if (chosen.length > 1) {
    throw configError(
      chosen[1] as string,
      `no value when "${chosen[0]}" is set`,
      options[chosen[1] as "outbox" | "transport"],
      "choose one of smtp, outbox, transport",
      { redact: true },
    );
  }
  // Forced on every transport we build: these close the "a template pulls in a local file or a
  // URL" hole and cap the recipients nodemailer will ever put on one message at one.
  const guards = { disableFileAccess: true, disableUrlAccess: true, maxRecipients: 1 };
  if (options.smtp !== undefined) {
    const smtp = smtpOptions(options.smtp);
    return { transporter: nodemailer.createTransport({ ...smtp, ...guards }), owned: true };
  }
  if (options.outbox !== undefined) {
    const outbox = createOutboxTransport(options.outbox);
    return { transporter: nodemailer.createTransport(outbox), owned: true };
  }
  const transport = options.transport as unknown;
  if (typeof transport === "object" && transport !== null) {
    if (typeof (transport as Transporter).sendMail === "function") {
      return { transporter: transport as Transporter<SentMessageInfo>, owned: false };
    }
    if (typeof (transport as Transport).send === "function") {
      return {
        transporter: nodemailer.createTransport(transport as Transport<SentMessageInfo>),
        owned: false,
      };
    }
  }
  throw configError(
    "transport",
    "a nodemailer transport (with send) or transporter (with sendMail)",
    transport,
  );
}

const TIMEOUTS = ["connectionTimeout", "greetingTimeout", "socketTimeout", "dnsTimeout"] as const;

/** @internal The nodemailer options the channel builds its SMTP transport from. Exported for tests. */
export function smtpOptions(smtp: string | EmailSmtpOptions): EmailSmtpOptions {
  let given: EmailSmtpOptions;
  if (typeof smtp === "string") {
    // Never echo the URL: it usually carries the password.
    if (!/^smtps?:\/\/[^/\s]/i.test(smtp)) {
      throw configError(
        "smtp",
        "an smtp:// or smtps:// connection URL",
        smtp,
        "e.g. smtps://user:pass@smtp.acme.test:465",
        { redact: true },
      );
    }
    given = parseConnectionUrl(smtp) as EmailSmtpOptions;
  } else if (typeof smtp === "object" && smtp !== null && !Array.isArray(smtp)) {
    given = { ...smtp };
    if (typeof smtp.url === "string") {
      const { url: _url, ...rest } = smtp;
      given = { ...rest, ...(parseConnectionUrl(smtp.url) as EmailSmtpOptions) };
    }
  } else {
    throw configError("smtp", "SMTP options or a connection URL", smtp);
  }
  if (given.host === undefined && given.service === undefined) {
    throw configError("smtp.host", "the SMTP server's host name", undefined, "or set smtp.service");
  }
  if (given.host !== undefined && (typeof given.host !== "string" || given.host.trim() === "")) {
    throw configError("smtp.host", "the SMTP server's host name", given.host);
  }
  if (given.port !== undefined) {
    const port = Number(given.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535)
      throw configError("smtp.port", "integer 1..65535", given.port);
  }
  // Why: nodemailer's `debug` logs the whole SMTP conversation including the message data, that
  // is the code. `transactionLog` (commands and replies only) and `logger` stay available.
  if (given.debug) {
    throw configError(
      "smtp.debug",
      "false",
      given.debug,
      "debug logs the message data, which contains the code; use transactionLog instead",
    );
  }
  for (const key of TIMEOUTS) {
    const value = given[key];
    if (
      value !== undefined &&
      (typeof value !== "number" || !Number.isFinite(value) || value <= 0)
    ) {
      throw configError(`smtp.${key}`, "a positive number of milliseconds", value);
    }
  }
  if (
    given.maxConnections !== undefined &&
    (!Number.isInteger(given.maxConnections) ||
      given.maxConnections < 1 ||
      given.maxConnections > 100)
  ) {
    throw configError("smtp.maxConnections", "integer 1..100", given.maxConnections);
  }
  if (given.auth !== undefined && (typeof given.auth !== "object" || given.auth === null)) {
    // Redacted: it could be a secret passed in the wrong place.
    throw configError("smtp.auth", "{ user, pass } or OAuth2 options", given.auth, undefined, {
      redact: true,
    });
  }
  return { logger: false, ...SMTP_DEFAULTS, ...given, debug: false };
}

class EmailChannel implements OtpChannel {
  readonly name = "email";
  readonly address = "email" as const;
  #closed = false;

  readonly #from: Mailbox;
  readonly #render: EmailRenderer;
  readonly #transporter: Transporter<SentMessageInfo>;
  readonly #owned: boolean;
  readonly #dkim: DKIMOptions | undefined;

  constructor(
    from: Mailbox,
    render: EmailRenderer,
    transporter: Transporter<SentMessageInfo>,
    owned: boolean,
    dkim: DKIMOptions | undefined,
  ) {
    this.#from = from;
    this.#render = render;
    this.#transporter = transporter;
    this.#owned = owned;
    this.#dkim = dkim;
  }

  async send(message: OtpMessage, options: SendOptions = {}): Promise<DeliveryReceipt> {
    const signal = options.signal;
    if (signal?.aborted) throw abortedError(signal, "email", ABORTED_MESSAGE);
    if (this.#closed) {
      throw new OtpError("DELIVERY_FAILED", "The e-mail channel is closed", {
        retryable: false,
        source: "email",
      });
    }
    const to = recipientAddress(message);
    const rendered = this.#render(message);
    const mail: SendMailOptions = {
      from: this.#from.name
        ? { name: this.#from.name, address: this.#from.address }
        : this.#from.address,
      // The To header is the bare address: the recipient's name never goes into a header.
      to,
      // The envelope is set explicitly, so what the server is told (RCPT TO) is exactly the one
      // validated address, whatever nodemailer would have derived from the headers.
      envelope: { from: this.#from.address, to: [to] },
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
      mail.messageId = `<otp.${message.kind}.${message.deliveryId}@${domainOf(this.#from.address)}>`;
    }
    if (this.#dkim !== undefined) mail.dkim = this.#dkim;
    if (signal !== undefined) mail.signal = signal;

    let info: SentMessageInfo;
    try {
      info = await raceAbort(this.#transporter.sendMail(mail), signal);
    } catch (error) {
      if (error instanceof OtpError) throw error;
      throw toOtpError(error);
    }
    return receiptOf(info, to);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    // A pool closes its idle connections at once; one in the middle of a delivery finishes it.
    if (this.#owned) this.#transporter.close();
  }
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

/**
 * Settles with the send, or rejects with `ABORTED` as soon as the signal fires, whichever comes
 * first. nodemailer (10.5+) stops the SMTP transaction on the signal itself; the race makes the
 * rejection prompt for any transport, and the handlers stay attached so a late success or
 * failure of the losing promise is absorbed rather than reported as unhandled.
 */
function raceAbort<T>(sending: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return sending;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortedError(signal, "email", ABORTED_MESSAGE));
    signal.addEventListener("abort", onAbort, { once: true });
    sending.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
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
