import type { DeliveryReceipt, OtpChannel, OtpMessage, SendOptions } from "@otpkit/otp-core";
import { abortedError, isOtpError, OtpError } from "@otpkit/otp-core";
import { configError, intOption } from "./errors.js";
import { WhatsAppGraphError } from "./graph-errors.js";
import type { GraphTarget } from "./graph-request.js";
import { ABORTED_MESSAGE, postMessage } from "./graph-request.js";
import type { Pacer, PaceTicket, WhatsAppPacingOptions } from "./pacing.js";
import { createPacer } from "./pacing.js";
import type { WhatsAppRenderer } from "./render.js";
import { createRenderer } from "./render.js";
import type { WhatsAppTemplateOverrides } from "./templates.js";
import { resolveTemplates } from "./templates.js";

/**
 * The Graph API version used unless you set one. v25.0 is what Meta's authentication-template
 * pages use in their examples, supported until 2028-07-29 (Graph API changelog, delivery.md §1).
 */
export const DEFAULT_GRAPH_VERSION = "v25.0";

/**
 * Options of {@link createWhatsAppChannel}. For development, pass `fetch:
 * createWhatsAppOutboxFetch({ dir })` from `@otpkit/delivery-whatsapp/outbox` (Node only): the
 * requests are written to files instead of going to Meta.
 */
export interface WhatsAppChannelOptions {
  /** The ID of the business phone number (WhatsApp Manager → API Setup); not the number itself. */
  phoneNumberId: string;
  /** A system-user access token with `whatsapp_business_messaging`. Never logged or echoed. */
  accessToken: string;
  /** Graph API version (`"v25.0"`). @default DEFAULT_GRAPH_VERSION ("v25.0") */
  graphVersion?: string;
  /**
   * Template per message kind: a name, or `{ name, languages, language }`.
   * @default DEFAULT_WHATSAPP_TEMPLATES (tmpl_otp_code, tmpl_otp_retry, tmpl_otp_locked, tmpl_otp_unlocked)
   */
  templates?: WhatsAppTemplateOverrides;
  /**
   * Meta language codes your templates are approved in; the message locale picks among them
   * (`"es-MX"` → `"es_MX"`, then the code it asks for: `"pt"` → `"pt_BR"`, `"zh-HK"` →
   * `"zh_HK"`, `"no"` → `"nb"`; then `"es"`, then any `"es_*"`, then `defaultLanguage`; see
   * `resolveWhatsAppLanguage`). `WHATSAPP_TEMPLATE_LANGUAGES` lists the code of each of otpkit's
   * 58 languages, for templates approved in all of them.
   * @default [defaultLanguage]
   */
  languages?: readonly string[];
  /** Template language when the message locale matches none of `languages`. @default "en_US" */
  defaultLanguage?: string;
  /** The `fetch` to use (a proxy-aware one, a test double). @default globalThis.fetch */
  fetch?: typeof fetch;
  /**
   * The Graph API origin. Override it only for a fake in tests: `http:` is accepted for
   * loopback hosts only, since the request carries the access token.
   * @default "https://graph.facebook.com"
   */
  baseUrl?: string;
  /** Time limit for one request, ms (on top of the caller's signal). @default 10000 */
  timeoutMs?: number;
  /**
   * Per-recipient pacing that refuses, without calling Meta, a second message to a number
   * sooner than Meta's pair rate limit allows; `false` turns it off (several processes sending
   * to the same numbers should pace in a shared place instead).
   * @default { minIntervalMs: 6000, maxTracked: 10000 }
   */
  pacing?: WhatsAppPacingOptions | false;
  /** Clock in epoch ms, for pacing; pass the engine's in tests. @default Date.now */
  now?: () => number;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * Creates the WhatsApp channel: sends `code` and `retry` messages as AUTHENTICATION templates
 * (the code in the body and in the copy-code button) and `lockout` / `unlock` notices as UTILITY
 * templates, through the WhatsApp Cloud API with `fetch`.
 *
 * Before any request, the recipient must be E.164 (`RECIPIENT_INVALID`), the code at most 15
 * characters with remaining life (`ttlMs` > 0), and the number not paced (`PROVIDER_THROTTLED`, retryable, with
 * `details.retryAfterMs`). Meta's errors are classified by `error.code` (see
 * `GRAPH_ERROR_TABLE`); network errors and timeouts are retryable. No error carries the code,
 * the request body, Meta's free text or the token.
 *
 * @param options Credentials, templates, pacing; see {@link WhatsAppChannelOptions}.
 * @returns An `OtpChannel` named `"whatsapp"` addressing `"phone"`.
 * @throws {OtpError} `CONFIG_INVALID` naming the option at fault.
 * @example
 * ```ts
 * const whatsapp = createWhatsAppChannel({
 *   phoneNumberId: process.env.WA_PHONE_NUMBER_ID!,
 *   accessToken: process.env.WA_ACCESS_TOKEN!,
 *   languages: ["en_US", "es"],
 * });
 * const otp = createOtp({ store, secrets, namingKey, channels: [whatsapp], retryOnFailure: true });
 * ```
 */
export function createWhatsAppChannel(options: WhatsAppChannelOptions): OtpChannel {
  if (typeof options !== "object" || options === null) {
    throw configError("options", "an object", options);
  }
  const phoneNumberId = options.phoneNumberId;
  // Digits only: it becomes a URL path segment, so nothing else may get in.
  if (typeof phoneNumberId !== "string" || !/^\d{1,32}$/.test(phoneNumberId)) {
    throw configError(
      "phoneNumberId",
      "the numeric phone number ID from WhatsApp Manager (not the phone number)",
      phoneNumberId,
    );
  }
  const token = options.accessToken;
  if (typeof token !== "string" || !/^[\x21-\x7E]{16,4096}$/.test(token)) {
    // Not shown: it is a secret, even when malformed.
    throw configError(
      "accessToken",
      "a Graph API access token (16+ printable characters, no spaces)",
      typeof token === "string" ? `a string of ${token.length} characters` : typeof token,
    );
  }
  const graphVersion = options.graphVersion ?? DEFAULT_GRAPH_VERSION;
  if (typeof graphVersion !== "string" || !/^v\d{1,3}\.\d$/.test(graphVersion)) {
    throw configError("graphVersion", 'a Graph API version like "v25.0"', graphVersion);
  }
  const base = baseUrlOf(options.baseUrl);
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== "function") {
    throw configError("fetch", "a fetch function", fetchImpl, "Node 20.19+ has one built in");
  }
  const timeoutMs = intOption("timeoutMs", options.timeoutMs ?? 10_000, 100, 120_000);
  const pacer = pacerOf(options.pacing ?? {}, options.now);
  const render = createRenderer(
    resolveTemplates(options.templates, options.languages, options.defaultLanguage),
  );
  const url = `${base}/${graphVersion}/${phoneNumberId}/messages`;
  return whatsappChannel({ url, token, fetch: fetchImpl, timeoutMs }, render, pacer);
}

function baseUrlOf(value: unknown): string {
  if (value === undefined) return "https://graph.facebook.com";
  let parsed: URL | undefined;
  try {
    parsed = typeof value === "string" ? new URL(value) : undefined;
  } catch {
    parsed = undefined;
  }
  const ok =
    parsed !== undefined &&
    parsed.search === "" &&
    parsed.hash === "" &&
    parsed.username === "" &&
    parsed.password === "" &&
    // Why: the access token travels in a header; plain http only where it never leaves the host.
    (parsed.protocol === "https:" ||
      (parsed.protocol === "http:" && LOOPBACK.has(parsed.hostname)));
  if (!ok || parsed === undefined) {
    throw configError(
      "baseUrl",
      "an https:// origin (http:// only for loopback)",
      value,
      "leave it unset for https://graph.facebook.com",
    );
  }
  return parsed.href.replace(/\/+$/, "");
}

function pacerOf(pacing: unknown, now: unknown): Pacer | undefined {
  if (pacing === false) return undefined;
  if (typeof pacing !== "object" || pacing === null) {
    throw configError("pacing", "pacing options or false", pacing);
  }
  const clock = now ?? Date.now;
  if (typeof clock !== "function") throw configError("now", "a function returning epoch ms", now);
  const { minIntervalMs, maxTracked } = pacing as WhatsAppPacingOptions;
  return createPacer(
    intOption("pacing.minIntervalMs", minIntervalMs ?? 6_000, 0, 3_600_000),
    intOption("pacing.maxTracked", maxTracked ?? 10_000, 1, 10_000_000),
    clock as () => number,
  );
}

/** The channel itself: a plain object, as the stores are. */
function whatsappChannel(
  target: GraphTarget,
  render: WhatsAppRenderer,
  pacer: Pacer | undefined,
): OtpChannel {
  return {
    name: "whatsapp",
    address: "phone",
    async send(message: OtpMessage, options: SendOptions = {}): Promise<DeliveryReceipt> {
      const signal = options.signal;
      if (signal?.aborted) throw abortedError(signal, "whatsapp", ABORTED_MESSAGE);
      // Everything that can be refused is refused before the network: bad number, bad code, dead
      // code, a number that was just messaged.
      const body = render(message);
      // `ttlMs` (the remaining life the engine computed with its own clock) rather than
      // `expiresAt` against ours: a channel clock that differs from the engine's must not matter.
      if (typeof message.ttlMs === "number" && message.ttlMs <= 0) {
        // A code that no longer works is not worth a paid message (Meta charges on delivery).
        throw new OtpError("DELIVERY_FAILED", "The code has already expired; it was not sent", {
          retryable: false,
          source: "whatsapp",
          details: { reason: "expired" },
        });
      }
      const ticket = pacer ? reserve(pacer, body.to) : undefined;
      try {
        const receipt = await postMessage(target, body, signal, ticket);
        ticket?.sent();
        return receipt;
      } catch (error) {
        // An HTTP error answer (Meta's envelope or a proxy's 5xx page) means nothing was sent:
        // the slot is given back, except after 131056, which turned it into a backoff. Unknown
        // outcomes (timeout, network error, a 200 without an id) keep it: the message may be out.
        const cause = isOtpError(error) ? error.cause : undefined;
        if (ticket && cause instanceof WhatsAppGraphError && cause.graphCode !== 131056) {
          ticket.release();
        }
        throw error;
      }
    },
  };
}

/** A pacing slot for `to`, or `PROVIDER_THROTTLED` (retryable) when the number was just messaged. */
function reserve(pacer: Pacer, to: string): PaceTicket {
  const decision = pacer.reserve(to);
  if (!decision.ok) {
    throw new OtpError(
      "PROVIDER_THROTTLED",
      `Not sent: this number was messaged less than Meta's pair rate limit ago (retry in ${decision.retryAfterMs} ms)`,
      {
        retryable: true,
        source: "whatsapp",
        details: { retryAfterMs: decision.retryAfterMs, reason: decision.reason, local: true },
      },
    );
  }
  return decision.ticket;
}
