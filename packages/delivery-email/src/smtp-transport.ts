import type { SentMessageInfo, SMTPPoolOptions, Transport, Transporter } from "nodemailer";
import nodemailer from "nodemailer";
import { parseConnectionUrl } from "nodemailer/lib/shared";
import type { OutboxOptions } from "./outbox.js";
import { createOutboxTransport } from "./outbox.js";
import { configError } from "./smtp-errors.js";

// How the e-mail channel reaches a mail server: SMTP (pooled, with short timeouts), the dev
// outbox, or a transport the caller owns. The channel itself (email-channel.ts) only renders and
// sends.

/** @internal The transport options of `EmailChannelOptions`: exactly one is set. */
export interface TransportChoice {
  smtp?: string | EmailSmtpOptions | undefined;
  outbox?: OutboxOptions | undefined;
  transport?: Transport<SentMessageInfo> | Transporter<SentMessageInfo> | undefined;
}

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

/**
 * @internal The transporter a channel sends through, from exactly one of `smtp`, `outbox`,
 * `transport`; `owned` says whether `close()` should close it.
 */
export function createTransporter(options: TransportChoice): {
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
      options[chosen[1] as "outbox" | "transport"] as unknown,
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
