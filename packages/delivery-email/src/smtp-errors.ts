import type { ConfigErrorOptions, OtpErrorCode } from "@otpkit/otp-core";
import { configError as coreConfigError, OtpError } from "@otpkit/otp-core";
// nodemailer 10 exports its own classification (dist/esm/errors.js, "nodemailer/lib/errors"):
// - `isTransientError(err)`: responseCode 421, or code ECONNECTION / ESOCKET / ETIMEDOUT;
// - `isPermanentResponseCode(code)`: 5xx except 503 (RFC 5321 reply classes);
// - since 10.2 every error with an SMTP reply also carries `err.permanent`, computed by
//   `isPermanentResponseCode` in SMTPConnection#_formatError.
// They are the first thing consulted below; the rest refines *which* OtpError code to raise.
import { isPermanentResponseCode, isTransientError } from "nodemailer/lib/errors";

/**
 * The facts kept from a transport error, and nothing else.
 *
 * nodemailer errors carry the server's reply text in `message` and `response`, and a custom
 * transport's error can carry anything. A reply may quote the rejected content (some content
 * filters do), so the original error is never attached: this copy holds only codes.
 */
export class EmailTransportError extends Error {
  override readonly name = "EmailTransportError";
  /** nodemailer's error code (`EENVELOPE`, `EAUTH`, `ETIMEDOUT`, ...), when it had one. */
  readonly code: string | undefined;
  /** The SMTP reply code (`550`), when the server replied. */
  readonly responseCode: number | undefined;
  /** The enhanced status code from the reply (`5.1.1`), when present. */
  readonly enhancedStatus: string | undefined;
  /** The SMTP command in flight (`RCPT TO`, `DATA`, `AUTH PLAIN`, `CONN`). */
  readonly command: string | undefined;
  /** The system error code under a socket error (`ECONNREFUSED`). */
  readonly originalCode: string | undefined;
  /** Which wait a timeout ended (`GREETING_TIMEOUT`, ...). */
  readonly timeoutType: string | undefined;
  /** nodemailer's `err.permanent`, when the error carried an SMTP reply. */
  readonly permanent: boolean | undefined;

  constructor(facts: TransportFacts) {
    const parts = [
      facts.code ?? "transport error",
      facts.command && `during ${facts.command}`,
      facts.responseCode !== undefined &&
        `reply ${facts.responseCode}${facts.enhancedStatus ? ` ${facts.enhancedStatus}` : ""}`,
      facts.originalCode && `(${facts.originalCode})`,
      facts.timeoutType && `(${facts.timeoutType})`,
    ].filter(Boolean);
    super(parts.join(" "));
    this.code = facts.code;
    this.responseCode = facts.responseCode;
    this.enhancedStatus = facts.enhancedStatus;
    this.command = facts.command;
    this.originalCode = facts.originalCode;
    this.timeoutType = facts.timeoutType;
    this.permanent = facts.permanent;
  }
}

/** @internal */
export interface TransportFacts {
  code?: string | undefined;
  responseCode?: number | undefined;
  enhancedStatus?: string | undefined;
  command?: string | undefined;
  originalCode?: string | undefined;
  timeoutType?: string | undefined;
  permanent?: boolean | undefined;
  /** Not kept on the error: only read to spot rate limiting. */
  throttled?: boolean;
  abort?: boolean;
}

// Only well-formed identifiers are copied, so a field can never smuggle free text.
const IDENT = /^[A-Z][A-Z0-9_]{1,40}$/;
const COMMAND = /^[A-Z][A-Z -]{0,19}[A-Z0-9-]*$/;
const ENHANCED = /^([245])\.(\d{1,3})\.(\d{1,3})\b/;
const THROTTLE_TEXT =
  /rate[ -]?limit|throttl|too many (?:messages|mails|emails|connections|requests)|slow down|sending (?:quota|limit)/i;

/** @internal Reads the codes off any thrown value, never its text. */
export function extractFacts(error: unknown): TransportFacts {
  if (typeof error !== "object" || error === null) return {};
  const e = error as Record<string, unknown>;
  const code = typeof e["code"] === "string" && IDENT.test(e["code"]) ? e["code"] : undefined;
  const responseCode =
    typeof e["responseCode"] === "number" && Number.isInteger(e["responseCode"])
      ? e["responseCode"]
      : undefined;
  const response = typeof e["response"] === "string" ? e["response"] : "";
  // "550 5.1.1 <a@x>: Recipient address rejected" → "5.1.1"
  const enhanced = ENHANCED.exec(response.replace(/^\d{3}[ -]/, ""))?.[0];
  const command =
    typeof e["command"] === "string" && COMMAND.test(e["command"]) ? e["command"] : undefined;
  const originalCode =
    typeof e["originalCode"] === "string" && IDENT.test(e["originalCode"])
      ? e["originalCode"]
      : undefined;
  const timeoutType =
    typeof e["timeoutType"] === "string" && IDENT.test(e["timeoutType"])
      ? e["timeoutType"]
      : undefined;
  const permanent = typeof e["permanent"] === "boolean" ? e["permanent"] : undefined;
  const throttled =
    responseCode !== undefined &&
    responseCode >= 400 &&
    responseCode < 500 &&
    (enhanced === "4.7.28" || THROTTLE_TEXT.test(response));
  const abort = e["name"] === "AbortError" || code === "EABORT" || code === "ABORT_ERR";
  return {
    code,
    responseCode,
    enhancedStatus: enhanced,
    command,
    originalCode,
    timeoutType,
    permanent,
    throttled,
    abort,
  };
}

// System errors (from a custom transport, or under nodemailer's ESOCKET) worth a retry.
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
  "EHOSTDOWN",
  "EAI_AGAIN",
  "ENOTFOUND",
]);

// A certificate that does not verify, or TLS spoken to a plain port: configuration or policy,
// the same on every attempt.
const TLS_POLICY = /CERT|SELF_SIGNED|UNABLE_TO_(?:VERIFY|GET)|^ERR_TLS|^ERR_SSL|HOSTNAME|ALTNAME/;

/**
 * @internal otp-core's option check format (`"from" expected an e-mail address, got "nope"`),
 * raised as this channel's. For a value that may be a secret (a connection URL, a private key,
 * credentials) pass `{ redact: true }`: only its kind is shown.
 */
export function configError(
  field: string,
  expected: string,
  got: unknown,
  fix?: string,
  options: Pick<ConfigErrorOptions, "redact"> = {},
): OtpError {
  return coreConfigError(field, expected, got, fix, { ...options, source: "email" });
}

/** @internal */
export const ABORTED_MESSAGE =
  "The e-mail send was aborted (the server may still have accepted it)";

interface Classified {
  code: OtpErrorCode;
  retryable: boolean;
  message: string;
}

/** @internal Decides what a transport failure means. Exported for tests. */
export function classifyFacts(f: TransportFacts): Classified {
  const reply = f.responseCode !== undefined ? ` (${replyLabel(f)})` : "";
  if (f.abort || f.code === "EABORT")
    return { code: "ABORTED", retryable: false, message: ABORTED_MESSAGE };

  // Permission model (`node --permission`) denials are configuration, never transient.
  if (f.code === "ERR_ACCESS_DENIED" || f.originalCode === "ERR_ACCESS_DENIED") {
    return {
      code: "CONFIG_INVALID",
      retryable: false,
      message: "Node's permission model denied network access",
    };
  }
  if (f.code === "EMAXRECIPIENTS") {
    return {
      code: "RECIPIENT_INVALID",
      retryable: false,
      message: "More than one recipient was refused",
    };
  }
  if (
    f.code === "ECONFIG" ||
    f.code === "EFILEACCESS" ||
    f.code === "EURLACCESS" ||
    f.code === "EOTP"
  ) {
    return {
      code: "CONFIG_INVALID",
      retryable: false,
      message: `The mail transport refused its configuration (${f.code})`,
    };
  }
  if (f.code === "EAUTH" || f.code === "ENOAUTH" || f.code === "EOAUTH2") {
    // 454 4.7.0 "temporary authentication failure" is the one auth reply worth retrying.
    if (f.permanent === false && f.responseCode !== undefined && f.responseCode >= 400) {
      return {
        code: "DELIVERY_FAILED",
        retryable: true,
        message: `SMTP authentication failed temporarily${reply}`,
      };
    }
    return {
      code: "PROVIDER_REJECTED",
      retryable: false,
      message: `SMTP authentication was rejected${reply}: check the credentials`,
    };
  }
  if (f.code === "ETLS" || f.code === "EREQUIRETLS" || TLS_POLICY.test(f.originalCode ?? "")) {
    return {
      code: "PROVIDER_REJECTED",
      retryable: false,
      message: "The TLS connection to the SMTP server failed its policy (certificate or STARTTLS)",
    };
  }

  if (f.responseCode !== undefined && f.responseCode >= 400) {
    const permanent = f.permanent ?? isPermanentResponseCode(f.responseCode);
    if (!permanent) {
      if (f.throttled) {
        return {
          code: "PROVIDER_THROTTLED",
          retryable: true,
          message: `The SMTP server is rate limiting${reply}`,
        };
      }
      return {
        code: "DELIVERY_FAILED",
        retryable: true,
        message: `The SMTP server deferred the message${reply}`,
      };
    }
    if (f.command === "MAIL FROM") {
      return {
        code: "PROVIDER_REJECTED",
        retryable: false,
        message: `The SMTP server refused the sender${reply}: check "from"`,
      };
    }
    // 5.1.x is "bad destination address" (RFC 3463): no such user, bad domain, bad syntax.
    // 553 is "mailbox name not allowed". Other 5xx on RCPT (policy, full mailbox) stay
    // DELIVERY_FAILED: the address may be fine, the message will still never get through.
    if (
      f.command === "RCPT TO" &&
      (f.enhancedStatus?.startsWith("5.1.") || f.responseCode === 553)
    ) {
      return {
        code: "RECIPIENT_INVALID",
        retryable: false,
        message: `The SMTP server refused the recipient${reply}`,
      };
    }
    return {
      code: "DELIVERY_FAILED",
      retryable: false,
      message: `The SMTP server rejected the message${reply}`,
    };
  }

  if (
    isTransientError(f) ||
    f.code === "EDNS" ||
    f.code === "EMAXLIMIT" ||
    f.code === "EPROXY" ||
    NETWORK_CODES.has(f.code ?? "") ||
    NETWORK_CODES.has(f.originalCode ?? "")
  ) {
    const what = f.code === "ETIMEDOUT" || f.originalCode === "ETIMEDOUT" ? "timed out" : "failed";
    return {
      code: "DELIVERY_FAILED",
      retryable: true,
      message: `The connection to the SMTP server ${what}`,
    };
  }
  // EPROTOCOL without a reply code, ESTREAM, a custom transport's own errors: unknown is not
  // retried, so a broken setup does not turn into a loop of sends.
  return { code: "DELIVERY_FAILED", retryable: false, message: "The e-mail could not be sent" };
}

function replyLabel(f: TransportFacts): string {
  return `${f.responseCode}${f.enhancedStatus ? ` ${f.enhancedStatus}` : ""}`;
}

/**
 * @internal Turns whatever a transport threw into an `OtpError` whose message, details and
 * cause hold codes only: never the server's reply text, never the message, never the code.
 */
export function toOtpError(error: unknown): OtpError {
  const facts = extractFacts(error);
  const { code, retryable, message } = classifyFacts(facts);
  const cause = new EmailTransportError(facts);
  const details: Record<string, string | number | boolean | null> = {};
  if (facts.code !== undefined) details["transportCode"] = facts.code;
  if (facts.responseCode !== undefined) details["responseCode"] = facts.responseCode;
  if (facts.enhancedStatus !== undefined) details["enhancedStatus"] = facts.enhancedStatus;
  if (facts.command !== undefined) details["command"] = facts.command;
  if (facts.originalCode !== undefined) details["originalCode"] = facts.originalCode;
  if (facts.timeoutType !== undefined) details["timeoutType"] = facts.timeoutType;
  return new OtpError(code, message, { cause, retryable, source: "email", details });
}
